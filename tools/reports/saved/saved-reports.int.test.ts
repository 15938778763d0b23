import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../registry/runner.ts';
import { caller } from '../../testing/caller.ts';
import { createTestOrganization, openToolTestWorld, type TestOrganization, type ToolTestWorld } from '../../testing/fixtures.ts';
import { REPORT_TEMPLATES } from './templates.ts';

type Report = { report_id: string; name: string; category: string; visibility: string; owner: { email: string | null } | null; metrics: string[]; definition: Record<string, unknown>; template_key: string | null; result?: unknown };

const definition = (metrics: string[] = ['spend', 'roas'], dimensions: string[] = ['channel']) => ({ metrics, dimensions, date_range: { last: 7, unit: 'day' } });

describe('saved reports: CRUD, templates, visibility by role, tenancy', () => {
  let world: ToolTestWorld;
  let orgB: TestOrganization;
  const people: Record<'analyst' | 'analyst2' | 'viewer' | 'campaignManager' | 'manager' | 'owner' | 'ownerB', Principal> = {} as never;
  const as = (who: keyof typeof people) => caller(world.runner, () => people[who]);
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    world = await openToolTestWorld('saved-reports');
    orgB = await createTestOrganization(world.database, 'saved-reports-b');
    people.owner = world.org.as('OWNER');
    people.analyst = await world.org.member('ana@saved.test', 'ANALYST');
    people.analyst2 = await world.org.member('bob@saved.test', 'ANALYST');
    people.viewer = await world.org.member('vic@saved.test', 'VIEWER');
    people.campaignManager = await world.org.member('cam@saved.test', 'CAMPAIGN_MANAGER');
    people.manager = await world.org.member('max@saved.test', 'MANAGER');
    people.ownerB = orgB.as('OWNER');
    for (const visibility of ['private', 'team', 'organization'] as const) {
      const saved = await as('analyst').ok<Report>('save_report', { name: `Ana ${visibility}`, category: 'roas_analysis', visibility, definition: definition() });
      ids[visibility] = saved.report_id;
    }
  });
  afterAll(async () => { await world.database.close(); });

  it('saves, reads, updates, lists and deletes a report', async () => {
    const saved = await as('analyst').ok<Report>('save_report', {
      name: 'Spend by campaign', description: 'Weekly check', category: 'campaign_performance', definition: definition(['spend', 'cpc'], ['campaign']), chart: { type: 'bar', x: 'campaign', y: ['spend'] },
    });
    expect(saved).toMatchObject({ name: 'Spend by campaign', category: 'campaign_performance', visibility: 'private', metrics: ['spend', 'cpc'], owner: { email: 'ana@saved.test' } });
    expect(saved.definition).toMatchObject({ metrics: ['spend', 'cpc'], dimensions: ['campaign'], filters: [], limit: 500, date_range: { last: 7, unit: 'day' } });
    const read = await as('analyst').ok<Report & { chart: unknown; result: unknown }>('get_report', { report_id: saved.report_id });
    expect(read).toMatchObject({ report_id: saved.report_id, chart: { type: 'bar', x: 'campaign', y: ['spend'] }, result: null });
    const updated = await as('analyst').ok<Report>('update_report', { report_id: saved.report_id, name: 'Spend and CPC by campaign', visibility: 'team', definition: definition(['spend', 'cpc', 'ctr'], ['campaign']) });
    expect(updated).toMatchObject({ name: 'Spend and CPC by campaign', visibility: 'team', metrics: ['spend', 'cpc', 'ctr'], description: 'Weekly check' });
    const listed = await as('analyst').ok<{ rows: Report[] }>('list_reports', { category: 'campaign_performance' });
    expect(listed.rows.map((row) => row.report_id)).toEqual([saved.report_id]);
    expect(listed.rows[0]).toMatchObject({ visibility: 'team', owner: { email: 'ana@saved.test' }, metrics: ['spend', 'cpc', 'ctr'], updated_at: expect.any(String) });
    expect((await as('analyst').fails('save_report', { name: 'Spend and CPC by campaign', category: 'campaign_performance', definition: definition() })).code).toBe('conflict');

    await world.database.prisma.reportSchedule.createMany({
      data: [1, 2].map((hour) => ({ organizationId: world.org.id, reportViewId: saved.report_id, cron: `0 ${hour} * * 1`, timeZone: 'UTC', format: 'CSV' as const, emails: ['a@b.test'] })),
    });
    const deleted = await as('analyst').ok('delete_report', { report_id: saved.report_id });
    expect(deleted).toMatchObject({ report_id: saved.report_id, deleted: true, schedules_deleted: 2, dashboards_showing: 0 });
    expect(await world.database.prisma.reportSchedule.count({ where: { reportViewId: saved.report_id } })).toBe(0);
    expect((await as('analyst').fails('get_report', { report_id: saved.report_id })).code).toBe('not_found');
  });

  it('refuses unknown metrics and dimensions, naming the field and close matches', async () => {
    const failure = await as('analyst').fails('save_report', { name: 'Typos', category: 'roas_analysis', definition: definition(['spend', 'roass', 'revnue'], ['chanel']) });
    expect(failure.code).toBe('invalid_input');
    expect(failure.issues?.map((issue) => issue.path)).toEqual(['definition.metrics[1]', 'definition.metrics[2]', 'definition.dimensions[0]']);
    expect(failure.issues?.[0]?.message).toMatch(/"roass".*Did you mean "roas"/);
    expect(failure.issues?.[1]?.message).toContain('"revenue"');
    expect(failure.issues?.[2]?.message).toContain('"channel"');
    const swapped = await as('analyst').fails('save_report', { name: 'Swapped', category: 'roas_analysis', definition: definition(['channel'], ['spend']) });
    expect(swapped.issues?.[0]?.message).toMatch(/is a dimension, not a metric/);
    // Aliases and record fields resolve.
    await as('analyst').ok('save_report', { name: 'Aliases', category: 'roas_analysis', definition: definition(['cost', 'return_on_ad_spend'], ['payload.region']) });
  });

  it('lists the template library and copies templates, with overrides', async () => {
    const { templates } = await as('viewer').ok<{ templates: Array<{ key: string; tool: string; copyable: boolean; definition: { metrics: string[] } | null; input: unknown }> }>('list_report_templates', {});
    expect(templates.map((template) => template.key)).toEqual(['weekly_campaign_performance', 'roas_by_channel_and_model', 'cohort_ltv_by_first_touch_channel', 'asset_roi_by_artist']);
    expect(templates[0]!.definition?.metrics).toEqual(['spend', 'impressions', 'clicks', 'ctr', 'cpc', 'conversions', 'revenue', 'roas']);
    expect(templates[2]).toMatchObject({ tool: 'cohort_report', copyable: false, definition: null, input: { cohort_by: 'first_touch_channel', measure: 'ltv' } });

    // Every run_report template resolves in the standard metric library.
    for (const template of REPORT_TEMPLATES.filter((candidate) => candidate.definition)) {
      const copy = await as('manager').ok<Report>('save_report', { from_template: template.key, visibility: 'organization' });
      expect(copy).toMatchObject({ name: template.name, template_key: template.key, category: template.category.toLowerCase(), metrics: template.definition!.metrics });
    }
    const renamed = await as('campaignManager').ok<Report>('save_report', { from_template: 'weekly_campaign_performance', name: 'My weekly', definition: definition(['spend'], ['campaign']) });
    expect(renamed).toMatchObject({ name: 'My weekly', template_key: 'weekly_campaign_performance', category: 'campaign_performance', metrics: ['spend'] });
    const roas = await as('analyst').ok<Report>('save_report', { from_template: 'roas_by_channel_and_model', name: 'ROAS, time decay' });
    expect(roas.definition).toMatchObject({ attribution_model: 'linear', dimensions: ['channel'], metrics: ['spend', 'revenue', 'roas', 'roi'] });
    const cohort = await as('analyst').fails('save_report', { from_template: 'cohort_ltv_by_first_touch_channel' });
    expect(cohort).toMatchObject({ code: 'invalid_input' });
    expect(cohort.message).toContain('cohort_report');
    expect((await as('analyst').fails('save_report', { name: 'No definition', category: 'asset_roi' })).issues?.[0]?.path).toBe('definition');
  });

  it('shows each role what it may see', async () => {
    const seen = async (who: keyof typeof people) => {
      const { rows } = await as(who).ok<{ rows: Report[] }>('list_reports', { limit: 200 });
      return new Set(rows.map((row) => row.report_id));
    };
    const visibleTo = async (who: keyof typeof people) => {
      const listed = await seen(who);
      return (['private', 'team', 'organization'] as const).filter((visibility) => listed.has(ids[visibility]!));
    };
    expect(await visibleTo('analyst')).toEqual(['private', 'team', 'organization']);
    expect(await visibleTo('analyst2')).toEqual(['team', 'organization']);
    expect(await visibleTo('campaignManager')).toEqual(['team', 'organization']);
    expect(await visibleTo('manager')).toEqual(['team', 'organization']);
    expect(await visibleTo('owner')).toEqual(['team', 'organization']);
    expect(await visibleTo('viewer')).toEqual(['organization']);
    // get_report agrees, and a hidden report is simply not found.
    expect((await as('viewer').fails('get_report', { report_id: ids.team })).code).toBe('not_found');
    expect((await as('manager').fails('get_report', { report_id: ids.private })).code).toBe('not_found');
    expect((await as('viewer').ok<Report>('get_report', { report_id: ids.organization })).name).toBe('Ana organization');
    // Filters.
    const { rows } = await as('analyst').ok<{ rows: Report[] }>('list_reports', { visibility: 'private', category: 'roas_analysis' });
    expect(rows.every((row) => row.visibility === 'private' && row.category === 'roas_analysis' && row.owner?.email === 'ana@saved.test')).toBe(true);
  });

  it('lets the owner, and managers for shared reports, change and delete', async () => {
    // A second analyst sees the team report but may not change it.
    expect((await as('analyst2').fails('update_report', { report_id: ids.team, name: 'Mine now' })).code).toBe('forbidden');
    expect((await as('analyst2').fails('delete_report', { report_id: ids.team })).code).toBe('forbidden');
    // A manager may change a team report, but not see (so not change) a private one.
    expect((await as('manager').ok<Report>('update_report', { report_id: ids.team, description: 'Checked by Max' }))).toMatchObject({ report_id: ids.team, owner: { email: 'ana@saved.test' } });
    expect((await as('manager').fails('update_report', { report_id: ids.private, name: 'x' })).code).toBe('not_found');
    expect((await as('owner').fails('delete_report', { report_id: ids.private })).code).toBe('not_found');
    expect((await as('manager').fails('update_report', { report_id: ids.team, visibility: 'private' })).code).toBe('invalid_input');
    // A viewer writes nothing.
    expect((await as('viewer').fails('save_report', { name: 'V', category: 'campaign_performance', definition: definition() })).code).toBe('forbidden');
    expect((await as('viewer').fails('delete_report', { report_id: ids.organization })).code).toBe('forbidden');
    // A CAMPAIGN_MANAGER works on campaign_performance reports only.
    const refused = await as('campaignManager').fails('save_report', { name: 'CM ROAS', category: 'roas_analysis', definition: definition() });
    expect(refused).toMatchObject({ code: 'forbidden', message: expect.stringContaining('campaign_performance') });
    const own = await as('campaignManager').ok<Report>('save_report', { name: 'CM campaigns', category: 'campaign_performance', visibility: 'team', definition: definition() });
    expect((await as('campaignManager').fails('update_report', { report_id: own.report_id, category: 'asset_roi' })).code).toBe('forbidden');
    expect((await as('campaignManager').ok<Report>('update_report', { report_id: own.report_id, name: 'CM campaigns v2' })).name).toBe('CM campaigns v2');
    // The manager deletes someone else's organisation report.
    expect(await as('manager').ok('delete_report', { report_id: own.report_id })).toMatchObject({ deleted: true, schedules_deleted: 0 });
  });

  it('pages through the list, and lists a report whose stored definition no longer fits run_report', async () => {
    const first = await as('analyst').ok<{ rows: Report[]; next_cursor: string | null }>('list_reports', { limit: 2 });
    expect(first.rows).toHaveLength(2);
    const second = await as('analyst').ok<{ rows: Report[]; next_cursor: string | null }>('list_reports', { limit: 2, cursor: first.next_cursor });
    expect(second.rows.map((row) => row.report_id)).not.toContain(first.rows[0]!.report_id);
    expect(second.rows.length).toBeGreaterThan(0);

    const outdated = await world.database.prisma.reportView.create({
      data: { organizationId: world.org.id, name: 'Outdated', category: 'ASSET_ROI', visibility: 'TEAM', ownerId: people.analyst.userId, definition: { metrics: ['streams'], date_range: 'last week' } },
    });
    const listed = await as('analyst').ok<{ rows: Report[] }>('list_reports', { category: 'asset_roi' });
    expect(listed.rows.find((row) => row.report_id === outdated.id)).toMatchObject({ name: 'Outdated', metrics: ['streams'] });
    const failure = await as('analyst').fails('get_report', { report_id: outdated.id });
    expect(failure).toMatchObject({ code: 'invalid_input', message: expect.stringContaining('update_report') });
    const fixed = await as('analyst').ok<Report>('update_report', { report_id: outdated.id, definition: { metrics: ['streams'], date_range: { last: 7, unit: 'day' } } });
    expect(fixed.definition).toMatchObject({ date_range: { last: 7, unit: 'day' } });
  });

  it("never shows organisation B organisation A's reports", async () => {
    const { rows } = await as('ownerB').ok<{ rows: Report[] }>('list_reports', {});
    expect(rows).toEqual([]);
    for (const id of Object.values(ids)) {
      expect((await as('ownerB').fails('get_report', { report_id: id })).code).toBe('not_found');
      expect((await as('ownerB').fails('update_report', { report_id: id, name: 'Stolen' })).code).toBe('not_found');
      expect((await as('ownerB').fails('delete_report', { report_id: id })).code).toBe('not_found');
    }
    // Names are unique per organisation, not across them.
    await as('ownerB').ok('save_report', { name: 'Ana organization', category: 'asset_roi', visibility: 'organization', definition: definition() });
    expect((await as('analyst').ok<Report>('get_report', { report_id: ids.organization })).name).toBe('Ana organization');
  });

  it('runs a saved report on request: the same answer as run_report', async () => {
    await as('owner').ok('record_spend', { date: '2026-11-10', channel: 'meta', amount: 100, currency: 'USD', clicks: 40 });
    await as('owner').ok('record_spend', { date: '2026-11-12', channel: 'google', amount: 50, currency: 'USD', clicks: 10 });
    const november = { metrics: ['spend', 'cpc'], dimensions: ['channel'], date_range: { from: '2026-11-01', to: '2026-11-30' } };
    const saved = await as('analyst').ok<Report>('save_report', { name: 'November spend', category: 'campaign_performance', visibility: 'organization', definition: november });
    const report = await as('viewer').ok<Report & { result: { totals: Record<string, number>; rows: Array<Record<string, unknown>> } }>('get_report', { report_id: saved.report_id, run: true });
    expect(report.result).toEqual(await as('viewer').ok('run_report', november));
    expect(report.result.totals.spend).toBe(150);
    expect(report.result.rows).toEqual(expect.arrayContaining([expect.objectContaining({ channel: 'meta', spend: 100 }), expect.objectContaining({ channel: 'google', spend: 50 })]));
  });
});
