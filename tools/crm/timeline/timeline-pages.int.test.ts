import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caller } from '../../testing/caller.ts';
import { companyIn, contactIn, daysAfter, openCrmWorld, type CrmWorld } from '../deals/testing/crm-world.ts';

type Timeline = { entries: Array<{ event_id: string; kind: string; summary: string }>; next_cursor: string | null };

describe('get_timeline pages over events with many rows', () => {
  let world: CrmWorld;
  let sam: ReturnType<typeof caller>;
  let companyId: string;

  beforeAll(async () => {
    world = await openCrmWorld('crm-timeline-pages');
    sam = caller(world.runner, () => world.org.as('CAMPAIGN_MANAGER'));
    companyId = (await companyIn(world.database, world.org.id, 'Acme Records')).id;
    await sam.ok('create_deal', { name: 'Spring tour sponsorship', company_id: companyId });
    // One note on six of the company's contacts: one event, six rows on the company's timeline.
    const contacts = [];
    for (const name of ['Ana', 'Bo', 'Cy', 'Di', 'Ed', 'Flo']) contacts.push((await contactIn(world.database, world.org.id, `${name} Ruiz`, companyId)).id);
    world.clock.now = daysAfter(world.clock.now, 1);
    await sam.ok('create_note', { body: 'Team call about the tour.', subjects: contacts.map((id) => ({ type: 'contact', id })) });
    world.clock.now = daysAfter(world.clock.now, 1);
    await sam.ok('update_company', { company_id: companyId, industry: 'Music' });
  });
  afterAll(async () => { await world.database.close(); });

  it('a page ending on an event with more rows than it read still says there is more, and the next page does not repeat the event', async () => {
    const all = await sam.ok<Timeline>('get_timeline', { subject: { type: 'company', id: companyId }, limit: 50 });
    expect(all.entries.map((entry) => entry.kind)).toEqual(['updated', 'note_added', 'created']);
    expect(all.next_cursor).toBeNull();

    for (const limit of [1, 2]) {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page: Timeline = await sam.ok<Timeline>('get_timeline', { subject: { type: 'company', id: companyId }, limit, ...(cursor ? { cursor } : {}) });
        expect(page.entries.length, `limit ${limit}, page ${pages + 1}`).toBeGreaterThan(0);
        seen.push(...page.entries.map((entry) => entry.event_id));
        cursor = page.next_cursor;
        pages++;
      } while (cursor && pages < 10);
      expect(seen, `limit ${limit}`).toEqual(all.entries.map((entry) => entry.event_id));
    }
  });
});
