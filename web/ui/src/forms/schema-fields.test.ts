import { describe, expect, it } from 'vitest';
import { createCampaign } from '../../../../tools/campaigns/records/create-campaign.ts';
import { updateCampaign } from '../../../../tools/campaigns/records/update-campaign.ts';
import { createClient } from '../../../../tools/campaigns/records/create-client.ts';
import { publishTool } from '../../../../tools/registry/published-tool.ts';
import { updateCompany } from '../../../../tools/crm/companies/update-company.ts';
import { updateDeal } from '../../../../tools/crm/deals/update-deal.ts';
import { fieldsOf } from './schema-fields.ts';

describe('fieldsOf', () => {
  it('gives create_campaign a picker for its client, typed inputs, and its songs as repeatable groups', () => {
    const fields = fieldsOf(publishTool(createCampaign).inputSchema);
    expect(fields.map((field) => [field.name, field.kind, field.required])).toEqual([
      ['client_id', 'record', true], ['name', 'text', true], ['artist_name', 'text', true], ['start_date', 'date', true],
      ['end_date', 'date', false], ['total_budget', 'number', false], ['currency', 'text', false], ['salesperson', 'text', false], ['songs', 'group-list', true],
    ]);
    const client = fields[0]!;
    expect(client.label).toBe('Client');
    expect(client.record?.tool).toBe('list_clients');
    const songs = fields.find((field) => field.name === 'songs')!;
    expect(songs.minItems).toBe(1);
    expect(songs.fields!.map((field) => `${field.name}:${field.kind}`)).toEqual([
      'track_url:url', 'song_name:text', 'goal:integer', 'daily:integer', 'price:number', 'vendor_id:record', 'genre:text', 'start_date:date',
    ]);
    // exclusiveMinimum 0 on an integer is "at least 1".
    expect(songs.fields!.find((field) => field.name === 'goal')).toMatchObject({ min: 1, max: 2_147_483_647, label: 'Goal', description: 'Streams the vendor promises in total.' });
  });

  it('reads anyOf [X, null] as a clearable X and enums as choices', () => {
    const fields = fieldsOf(publishTool(updateCampaign).inputSchema);
    const byName = Object.fromEntries(fields.map((field) => [field.name, field]));
    expect(byName.total_budget).toMatchObject({ kind: 'number', nullable: true, required: false });
    expect(byName.end_date).toMatchObject({ kind: 'date', nullable: true });
    expect(byName.status).toMatchObject({ kind: 'enum', options: ['active', 'paused', 'completed'], nullable: false });
    expect(byName.campaign_id).toMatchObject({ kind: 'record', required: true, label: 'Campaign' });
  });

  it('keeps defaults, lists of strings and yes/no questions', () => {
    const fields = fieldsOf(publishTool(createClient).inputSchema);
    expect(fields.find((field) => field.name === 'emails')).toMatchObject({ kind: 'text-list', default: [] });
    const schema = { type: 'object', properties: { dry_run: { type: 'boolean' }, active: { type: 'boolean', default: true }, weights: { type: 'object', additionalProperties: { type: 'number' } } } };
    expect(fieldsOf(schema).map((field) => field.kind)).toEqual(['choice', 'boolean', 'json']);
  });

  it("gives update_deal pickers for the deal and its company, and the contacts ticked by name; numbered address lines read as words", () => {
    const fields = fieldsOf(publishTool(updateDeal).inputSchema);
    expect(fields.map((field) => [field.name, field.kind, field.label, field.record?.tool ?? null])).toEqual([
      ['deal_id', 'record', 'Deal', 'list_deals'], ['name', 'text', 'Name', null], ['company_id', 'record', 'Company', 'list_companies'],
      ['contact_ids', 'text-list', 'Contacts', 'list_contacts'], ['amount', 'number', 'Amount', null], ['currency', 'text', 'Currency', null],
      ['expected_close_date', 'date', 'Expected close date', null], ['owner', 'text', 'Owner', null],
    ]);
    const address = fieldsOf(publishTool(updateCompany).inputSchema).find((field) => field.name === 'address')!;
    expect(address.fields!.map((field) => field.label)).toEqual(['Line 1', 'Line 2', 'City', 'Region', 'Postal code', 'Country']);
  });
});
