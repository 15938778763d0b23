import { describe, expect, it } from 'vitest';
import { chatHref, contextLabel, contextOfPage } from './page-context.ts';

describe('the context a page gives the chat', () => {
  it('names the record a page shows: a campaign, a client, the vendor the playlists are filtered to', () => {
    expect(contextOfPage('/campaigns/0193-abc')).toEqual({ page: { path: '/campaigns/0193-abc', title: 'Campaign' }, record: { type: 'campaign', id: '0193-abc' } });
    expect(contextOfPage('/clients/c_1/')).toEqual({ page: { path: '/clients/c_1', title: 'Client' }, record: { type: 'client', id: 'c_1' } });
    expect(contextOfPage('/playlists?vendor=v1&genre=dance')).toEqual({ page: { path: '/playlists?vendor=v1&genre=dance', title: 'Playlists' }, record: { type: 'vendor', id: 'v1' } });
  });

  it('names the CRM record or the creator a page shows, and not a creator called "campaigns"', () => {
    expect(contextOfPage('/crm/companies/co1')).toEqual({ page: { path: '/crm/companies/co1', title: 'Company' }, record: { type: 'company', id: 'co1' } });
    expect(contextOfPage('/crm/contacts/ct1')!.record).toEqual({ type: 'contact', id: 'ct1' });
    expect(contextOfPage('/crm/deals/d1')!.record).toEqual({ type: 'deal', id: 'd1' });
    expect(contextOfPage('/creators/cr1')!.record).toEqual({ type: 'creator', id: 'cr1' });
    expect(contextOfPage('/creators/campaigns')).toEqual({ page: { path: '/creators/campaigns', title: 'Creator campaigns' } });
    expect(contextOfPage('/crm/companies')).toEqual({ page: { path: '/crm/companies', title: 'Companies' } });
  });

  it('gives only the page where there is no one record, and nothing for the chat or an address that is not a page', () => {
    expect(contextOfPage('/vendors')).toEqual({ page: { path: '/vendors', title: 'Vendors' } });
    expect(contextOfPage('/playlists')).toEqual({ page: { path: '/playlists', title: 'Playlists' } });
    expect(contextOfPage('/chat')).toBeNull();
    expect(contextOfPage('/nowhere')).toBeNull();
    expect(contextOfPage('https://elsewhere.example/campaigns/1')).toBeNull();
  });

  it('leaves out what the server would refuse, so the question still goes', () => {
    expect(contextOfPage('/campaigns/a%20b')).toEqual({ page: { path: '/campaigns/a%20b', title: 'Campaign' } });
    expect(contextOfPage(`/playlists?q=${'x'.repeat(400)}`)!.page!.path).toBe('/playlists');
  });

  it('opens the chat from a page, and says what it asks about', () => {
    expect(chatHref('/campaigns/c1', 'Summer Hearts')).toBe('/chat?from=%2Fcampaigns%2Fc1&about=Summer+Hearts');
    expect(contextLabel(contextOfPage('/campaigns/c1')!, 'Summer Hearts')).toBe('campaign Summer Hearts');
    expect(contextLabel(contextOfPage('/vendors')!, null)).toBe('the Vendors page');
  });
});
