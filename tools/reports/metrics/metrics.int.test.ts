import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/database.ts';
import type { ToolRunner } from '../../registry/runner.ts';
import { caller } from '../../testing/caller.ts';
import { createTestOrganization, openToolTestWorld, type TestOrganization } from '../../testing/fixtures.ts';
import type { MetricOutput, TreeOutput } from './metric-view.ts';

type Defined = { metric: MetricOutput; tree: TreeOutput };
type Listed = { total: number; groups: Array<{ kind: string; category: string; metrics: Array<{ key: string; label: string; active: boolean; built_in: boolean; formula?: string; aliases?: string[] }> }> };
type Explained = { metric: MetricOutput; resolved_from: string | null; tree: TreeOutput; used_by: Array<{ key: string; label: string; active: boolean; via: string }>; problem: string | null };

const keysOf = (listed: Listed) => listed.groups.flatMap((group) => group.metrics.map((metric) => metric.key));

describe('metric configuration tools', () => {
  let database: Database;
  let runner: ToolRunner;
  let org: TestOrganization;
  let admin: ReturnType<typeof caller>;

  beforeAll(async () => {
    ({ database, runner, org } = await openToolTestWorld('metrics'));
    admin = caller(runner, () => org.as('ADMIN'));
  });
  afterAll(async () => {
    await database.close();
  });

  it('defines a formula on a formula and returns the dependency tree down to built-in leaves', async () => {
    const net = await admin.ok<Defined>('define_metric', { key: 'net_revenue', label: 'Net revenue', formula: 'revenue - spend', data_type: 'currency' });
    expect(net.metric).toMatchObject({ key: 'net_revenue', category: 'calculated', kind: 'metric', data_type: 'currency', aggregation: null, source: null, active: true, built_in: false });
    const netRoas = await admin.ok<Defined>('define_metric', { key: 'net_roas', label: 'Net ROAS', formula: 'net_revenue / spend' });
    expect(netRoas.tree).toEqual({
      key: 'net_roas',
      label: 'Net ROAS',
      formula: 'net_revenue / spend',
      uses: [
        {
          key: 'net_revenue',
          label: 'Net revenue',
          formula: 'revenue - spend',
          uses: [
            { key: 'revenue', label: 'Revenue', source: 'builtin:conversions.revenue', uses: [] },
            { key: 'spend', label: 'Spend', source: 'builtin:marketing.spend', uses: [] },
          ],
        },
        { key: 'spend', label: 'Spend', source: 'builtin:marketing.spend', uses: [] },
      ],
    });
    const stored = await database.prisma.metricDefinition.findFirstOrThrow({ where: { organizationId: org.id, key: 'net_roas' } });
    expect(stored).toMatchObject({ category: 'CALCULATED', kind: 'METRIC', dataType: 'FLOAT', formula: 'net_revenue / spend', isActive: true, createdById: org.ownerId });

    const explained = await admin.ok<Explained>('explain_metric', { key: 'net_revenue' });
    expect(explained.used_by).toEqual([{ key: 'net_roas', label: 'Net ROAS', active: true, via: 'formula' }]);
    expect(explained.problem).toBeNull();
  });

  it('points at an unknown key by its position, with close matches', async () => {
    const unknown = await admin.fails('define_metric', { key: 'cost_per_click_2', label: 'CPC 2', formula: 'spend / clikcs' });
    expect(unknown.code).toBe('invalid_input');
    expect(unknown.issues).toEqual([{ path: 'formula', message: 'unknown metric "clikcs"; did you mean clicks? (at character 9):\n  spend / clikcs\n          ^' }]);
    const syntax = await admin.fails('define_metric', { key: 'broken', label: 'Broken', formula: 'spend / (clicks' });
    expect(syntax.issues![0]).toMatchObject({ path: 'formula' });
    expect(syntax.issues![0]!.message).toMatch(/at character \d+\):\n {2}spend \/ \(clicks\n {2} *\^$/);
    expect(await database.prisma.metricDefinition.count({ where: { key: { in: ['cost_per_click_2', 'broken'] } } })).toBe(0);
  });

  it('resolves aliases to their key and refuses a dimension in a formula', async () => {
    const viaAlias = await admin.ok<Defined>('define_metric', { key: 'cost_per_sale', label: 'Cost per sale', formula: 'cost / sales', data_type: 'currency' });
    expect(viaAlias.tree.uses.map((node) => node.key)).toEqual(['spend', 'revenue']);
    expect(viaAlias.metric.formula).toBe('cost / sales');

    const dimension = await admin.fails('define_metric', { key: 'revenue_by_channel', label: 'x', formula: 'revenue / channel' });
    expect(dimension.issues![0]!.message).toContain('channel is a dimension: a formula can only use metrics (at character 11)');
  });

  it('refuses cycles, naming them in order', async () => {
    const self = await admin.fails('define_metric', { key: 'loop', label: 'Loop', formula: 'loop + 1' });
    expect(self.issues![0]!.message).toContain('loop cannot use itself (loop -> loop)');

    await admin.ok('define_metric', { key: 'metric_a', label: 'A', formula: 'revenue * 2' });
    await admin.ok('define_metric', { key: 'metric_b', label: 'B', formula: 'metric_a + 1' });
    // a uses b, then b would use a: the second change is refused.
    const cycle = await admin.fails('update_metric', { key: 'metric_a', formula: 'metric_b - 1' });
    expect(cycle).toMatchObject({ code: 'invalid_input', issues: [{ path: 'formula', message: 'this would make a cycle: metric_a -> metric_b -> metric_a' }] });
    const longer = await admin.ok('define_metric', { key: 'metric_c', label: 'C', formula: 'metric_b * 3' });
    expect(longer).toBeTruthy();
    const viaTwo = await admin.fails('update_metric', { key: 'metric_a', formula: 'metric_c / 3' });
    expect(viaTwo.message).toContain('metric_a -> metric_c -> metric_b -> metric_a');
    expect((await admin.ok<Explained>('explain_metric', { key: 'metric_a' })).metric.formula).toBe('revenue * 2');

    // The other way round: x uses y, then y would use x.
    await admin.ok('define_metric', { key: 'metric_y', label: 'Y', formula: 'spend * 2' });
    await admin.ok('define_metric', { key: 'metric_x', label: 'X', formula: 'metric_y + 1' });
    const reverse = await admin.fails('update_metric', { key: 'metric_y', formula: 'metric_x / 2' });
    expect(reverse.issues).toEqual([{ path: 'formula', message: 'this would make a cycle: metric_x -> metric_y -> metric_x' }]);

    const check = await admin.ok('validate_formula', { formula: 'metric_c + 1', key: 'metric_a' });
    expect(check).toMatchObject({ valid: false, error: { position: null, message: 'this would make a cycle: metric_a -> metric_c -> metric_b -> metric_a' } });
  });

  it('validates a formula without saving it', async () => {
    expect(await admin.ok('validate_formula', { formula: 'ctr * 100' })).toEqual({
      valid: true,
      references: ['ctr'],
      tree: {
        key: '(formula)', label: 'New metric', formula: 'ctr * 100',
        uses: [{ key: 'ctr', label: 'CTR', formula: 'clicks / impressions', uses: [{ key: 'clicks', label: 'Clicks', source: 'builtin:marketing.clicks', uses: [] }, { key: 'impressions', label: 'Impressions', source: 'builtin:marketing.impressions', uses: [] }] }],
      },
    });
    expect(await admin.ok('validate_formula', { formula: 'return_on_ad_spend - streem' })).toEqual({
      valid: false,
      references: ['return_on_ad_spend', 'streem'],
      tree: null,
      error: { position: 22, message: 'unknown metric "streem"; did you mean streams?' },
    });
    expect(await admin.ok('validate_formula', { formula: '' })).toMatchObject({ valid: false, error: { position: 1, message: 'the formula is empty' } });
    expect(await database.prisma.metricDefinition.count({ where: { key: '(formula)' } })).toBe(0);
  });

  it('defines base metrics and dimensions over unified-record fields', async () => {
    const saves = await admin.ok<Defined>('define_metric', { key: 'saves', label: 'Saves', source: 'spotify_for_artists:payload.stats.saves', aggregation: 'sum', data_type: 'integer' });
    expect(saves.metric).toMatchObject({ category: 'external', aggregation: 'sum', source: 'spotify_for_artists:payload.stats.saves' });
    expect(saves.tree).toEqual({ key: 'saves', label: 'Saves', source: 'spotify_for_artists:payload.stats.saves', uses: [] });
    await admin.ok('define_metric', { key: 'listeners', label: 'Listeners', source: 'payload.listeners', aggregation: 'sum', data_type: 'integer' });
    const weighted = await admin.ok<Defined>('define_metric', { key: 'save_rate_weighted', label: 'Save rate', source: 'payload.save_rate', aggregation: 'weighted_avg', weight_key: 'listeners' });
    expect(weighted.tree.uses).toEqual([{ key: 'listeners', label: 'Listeners', source: 'payload.listeners', uses: [] }]);
    const region = await admin.ok<Defined>('define_metric', { key: 'region', label: 'Region', kind: 'dimension', source: 'payload.geo.region' });
    expect(region.metric).toMatchObject({ kind: 'dimension', data_type: 'string', category: 'external' });
    await admin.ok('define_metric', { key: 'shop_customer', label: 'Shop customer', kind: 'dimension', source: 'customer_key' });

    const refusals: Array<[Record<string, unknown>, string, RegExp]> = [
      [{ key: 'no_aggregation', label: 'x', source: 'payload.x' }, 'aggregation', /needs one: sum, avg/],
      [{ key: 'both', label: 'x', source: 'payload.x', aggregation: 'sum', formula: 'spend' }, 'source', /not both/],
      [{ key: 'formula_aggregated', label: 'x', formula: 'spend * 2', aggregation: 'sum' }, 'aggregation', /not allowed with a formula/],
      [{ key: 'bad_path', label: 'x', source: 'payload.9lives', aggregation: 'sum' }, 'source', /not a unified-record field/],
      [{ key: 'bad_source', label: 'x', source: 'revenue', aggregation: 'sum' }, 'source', /not a unified-record field/],
      [{ key: 'column_metric', label: 'x', source: 'customer_key', aggregation: 'distinct' }, 'source', /dimension's source/],
      [{ key: 'no_weight', label: 'x', source: 'payload.x', aggregation: 'weighted_avg' }, 'weight_key', /needs the metric/],
      [{ key: 'calc_weight', label: 'x', source: 'payload.x', aggregation: 'weighted_avg', weight_key: 'ctr' }, 'weight_key', /ctr is calculated/],
      [{ key: 'text_metric', label: 'x', source: 'payload.x', aggregation: 'count', data_type: 'string' }, 'data_type', /make string values a dimension/],
      [{ key: 'dimension_formula', label: 'x', kind: 'dimension', formula: 'spend' }, 'formula', /only metrics have formulas/],
      [{ key: 'Bad-Key', label: 'x', formula: 'spend' }, 'key', /lower snake case/],
      [{ key: 'min', label: 'x', formula: 'spend' }, 'key', /formula word/],
    ];
    for (const [input, path, message] of refusals) {
      const failure = await admin.fails('define_metric', input);
      expect(failure.code, JSON.stringify(input)).toBe('invalid_input');
      expect(failure.issues![0]!.path, JSON.stringify(input)).toBe(path);
      expect(failure.issues![0]!.message).toMatch(message);
    }
  });

  it('refuses keys and aliases that already name something, saying which', async () => {
    expect(await admin.fails('define_metric', { key: 'spend', label: 'x', formula: 'revenue' })).toMatchObject({ code: 'conflict', message: expect.stringContaining('spend is a built-in metric') });
    expect(await admin.fails('define_metric', { key: 'cost', label: 'x', formula: 'revenue' })).toMatchObject({ code: 'conflict', message: expect.stringContaining('"cost" is already an alias of spend') });
    expect(await admin.fails('define_metric', { key: 'net_revenue', label: 'x', formula: 'revenue' })).toMatchObject({ code: 'conflict', message: expect.stringContaining('net_revenue already exists') });
    expect(await admin.fails('define_metric', { key: 'gross', label: 'x', formula: 'revenue', aliases: ['sales'] })).toMatchObject({ code: 'conflict', message: expect.stringContaining('"sales" already names revenue') });
  });

  it('changes its own metrics, and refuses a change that breaks another metric’s formula', async () => {
    await admin.ok('define_metric', { key: 'stream_revenue', label: 'Stream revenue', formula: 'estimated_earnings + payouts', aliases: ['streaming_income'] });
    await admin.ok('define_metric', { key: 'stream_share', label: 'Stream share', formula: 'streaming_income / revenue' });
    const dropAlias = await admin.fails('update_metric', { key: 'stream_revenue', aliases: [] });
    expect(dropAlias).toMatchObject({ code: 'conflict', message: 'This change would break stream_share, which uses stream_revenue. Change it first (update_metric), or leave stream_revenue as it is.' });
    const toDimension = await admin.fails('update_metric', { key: 'stream_revenue', source: 'payload.income', aggregation: 'sum', data_type: 'string' });
    expect(toDimension.code).toBe('invalid_input');

    const changed = await admin.ok<{ metric: MetricOutput; changed: string[]; tree: TreeOutput }>('update_metric', { key: 'stream_revenue', label: 'Streaming revenue', source: 'payload.income', aggregation: 'sum' });
    expect(changed.metric).toMatchObject({ label: 'Streaming revenue', formula: null, source: 'payload.income', aggregation: 'sum', category: 'external', aliases: ['streaming_income'] });
    expect(changed.changed).toEqual(['label', 'source', 'aggregation']);
    const back = await admin.ok<{ metric: MetricOutput }>('update_metric', { key: 'streaming_income', formula: 'estimated_earnings + payouts', description: 'Earnings and payouts.' });
    expect(back.metric).toMatchObject({ key: 'stream_revenue', formula: 'estimated_earnings + payouts', source: null, aggregation: null, category: 'calculated', description: 'Earnings and payouts.' });
    expect((await admin.fails('update_metric', { key: 'stream_revenue' })).code).toBe('invalid_input');
    // listeners weights save_rate_weighted: it cannot become a formula (no values per record) while it does.
    const weight = await admin.fails('update_metric', { key: 'listeners', formula: 'streams' });
    expect(weight).toMatchObject({ code: 'conflict', message: 'This change would break save_rate_weighted, which uses listeners. Change it first (update_metric), or leave listeners as it is.' });
    expect(await admin.ok('validate_formula', { formula: 'streams', key: 'listeners' })).toMatchObject({ valid: false, error: { position: null, message: expect.stringContaining('would break save_rate_weighted') } });
    expect((await admin.fails('update_metric', { key: 'no_such_metric', label: 'x' })).code).toBe('not_found');
  });

  it('overrides a built-in label, deactivates and reactivates it, refusing while formulas use it', async () => {
    const renamed = await admin.ok<{ metric: MetricOutput }>('update_metric', { key: 'roas', label: 'Return on ad spend', aliases: ['return_on_ad_spend', 'roas_total'] });
    expect(renamed.metric).toMatchObject({ key: 'roas', label: 'Return on ad spend', formula: 'revenue / spend', built_in: true, active: true, aliases: ['return_on_ad_spend', 'roas_total'] });
    const formulaChange = await admin.fails('update_metric', { key: 'roas', formula: 'revenue / spend * 100' });
    expect(formulaChange).toMatchObject({ code: 'invalid_input', issues: [{ path: 'formula', message: expect.stringContaining('roas is built in: only its label, description and aliases can change') }] });

    // clicks feeds ctr, cpc and conversion_rate (built in): refused, naming them and how to proceed.
    const used = await admin.fails('deactivate_metric', { key: 'clicks' });
    expect(used.code).toBe('conflict');
    expect(used.message).toBe('ctr, cpc and conversion_rate use clicks. Deactivate them first (deactivate_metric), then deactivate clicks.');
    const own = await admin.fails('deactivate_metric', { key: 'net_revenue' });
    expect(own.message).toBe('net_roas uses net_revenue. Deactivate it first (deactivate_metric) or change its formula (update_metric), then deactivate net_revenue.');

    const off = await admin.ok<{ metric: MetricOutput; changed: boolean }>('deactivate_metric', { key: 'roas_total' });
    expect(off).toMatchObject({ changed: true, metric: { key: 'roas', active: false, label: 'Return on ad spend' } });
    const row = await database.prisma.metricDefinition.findFirstOrThrow({ where: { organizationId: org.id, key: 'roas' } });
    expect(row).toMatchObject({ label: 'Return on ad spend', isActive: false, formula: null, description: null });
    const listed = await admin.ok<Listed>('list_metrics', {});
    expect(keysOf(listed)).not.toContain('roas');
    const withInactive = await admin.ok<Listed>('list_metrics', { include_inactive: true, search: 'ad spend' });
    expect(withInactive.groups.flatMap((group) => group.metrics).find((metric) => metric.key === 'roas')).toMatchObject({ active: false, built_in: true, label: 'Return on ad spend' });
    const unusable = await admin.fails('define_metric', { key: 'roas_x2', label: 'x', formula: 'roas * 2' });
    expect(unusable.issues![0]!.message).toContain('roas is inactive');

    expect(await admin.ok('deactivate_metric', { key: 'roas' })).toMatchObject({ changed: false });
    const on = await admin.ok<{ metric: MetricOutput }>('deactivate_metric', { key: 'roas', reactivate: true });
    expect(on.metric).toMatchObject({ active: true, label: 'Return on ad spend', aliases: ['return_on_ad_spend', 'roas_total'] });
    const restored = await admin.ok<{ metric: MetricOutput }>('update_metric', { key: 'roas', description: null, label: 'ROAS' });
    expect(restored.metric.description).toBe('Return on ad spend: revenue / spend.');
  });

  it('refuses to reactivate a metric whose inputs were switched off', async () => {
    await admin.ok('define_metric', { key: 'reach_share', label: 'Reach share', formula: 'reach / impressions' });
    await admin.ok('deactivate_metric', { key: 'reach_share' });
    await admin.ok('deactivate_metric', { key: 'frequency' });
    await admin.ok('deactivate_metric', { key: 'reach' });
    const refused = await admin.fails('deactivate_metric', { key: 'reach_share', reactivate: true });
    expect(refused).toMatchObject({ code: 'conflict', message: expect.stringContaining('reach_share cannot be reactivated: formula: reach is inactive') });
    await admin.ok('deactivate_metric', { key: 'reach', reactivate: true });
    await admin.ok('deactivate_metric', { key: 'reach_share', reactivate: true });
    const explained = await admin.ok<Explained>('explain_metric', { key: 'reach' });
    expect(explained.used_by.map((user) => [user.key, user.active])).toEqual([['frequency', false], ['reach_share', true]]);
  });

  it('lists the library grouped by kind and category, compactly', async () => {
    const listed = await admin.ok<Listed>('list_metrics', { kind: 'metric', category: 'calculated', search: 'net' });
    expect(listed.groups).toEqual([
      {
        kind: 'metric',
        category: 'calculated',
        metrics: [
          { key: 'net_revenue', label: 'Net revenue', description: '', data_type: 'currency', formula: 'revenue - spend', active: true, built_in: false },
          { key: 'net_roas', label: 'Net ROAS', description: '', data_type: 'float', formula: 'net_revenue / spend', active: true, built_in: false },
        ].sort((a, b) => a.key.localeCompare(b.key)),
      },
    ]);
    const all = await admin.ok<Listed>('list_metrics', {});
    expect(all.groups.map((group) => `${group.kind}/${group.category}`)).toEqual(['metric/platform', 'metric/external', 'metric/calculated', 'metric/attribution', 'dimension/platform', 'dimension/external']);
    for (const metric of all.groups.flatMap((group) => group.metrics)) expect(Object.values(metric)).not.toContain(null);
  });

  it('lets admins configure metrics and everyone with reports:read read them', async () => {
    const analyst = await org.member('analyst@metrics.test', 'ANALYST');
    const viaAnalyst = await runner.call('define_metric', { key: 'analyst_metric', label: 'x', formula: 'spend' }, analyst);
    expect(viaAnalyst).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    for (const [tool, input] of [['update_metric', { key: 'roas', label: 'x' }], ['deactivate_metric', { key: 'ctr' }]] as const) {
      expect(await runner.call(tool, input, analyst)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(await runner.call('list_metrics', {}, analyst)).toMatchObject({ ok: true });
    expect(await runner.call('explain_metric', { key: 'net_roas' }, analyst)).toMatchObject({ ok: true });
    expect(await runner.call('validate_formula', { formula: 'spend' }, org.as('VIEWER'))).toMatchObject({ ok: true });

    const adminMember = await org.member('admin@metrics.test', 'ADMIN');
    const defined = await runner.call('define_metric', { key: 'admin_metric', label: 'Admin metric', formula: 'spend * 2' }, adminMember);
    expect(defined).toMatchObject({ ok: true });
    const row = await database.prisma.metricDefinition.findFirstOrThrow({ where: { organizationId: org.id, key: 'admin_metric' } });
    expect(row.createdById).toBe(adminMember.userId);
  });

  it('keeps each organisation’s metrics and overrides to itself', async () => {
    const other = await createTestOrganization(database, 'metrics-other');
    const otherAdmin = caller(runner, () => other.as('ADMIN'));
    const listed = await otherAdmin.ok<Listed>('list_metrics', { include_inactive: true });
    const keys = keysOf(listed);
    expect(keys).toContain('roas');
    for (const key of ['net_revenue', 'net_roas', 'saves', 'region', 'admin_metric']) expect(keys).not.toContain(key);
    expect(listed.groups.flatMap((group) => group.metrics).find((metric) => metric.key === 'reach_share')).toBeUndefined();
    expect((await otherAdmin.ok<Explained>('explain_metric', { key: 'roas' })).metric).toMatchObject({ label: 'ROAS', aliases: ['return_on_ad_spend'] });
    expect((await otherAdmin.ok<Explained>('explain_metric', { key: 'frequency' })).metric.active).toBe(true);
    expect((await otherAdmin.fails('explain_metric', { key: 'net_roas' })).code).toBe('not_found');
    expect((await otherAdmin.fails('update_metric', { key: 'net_roas', label: 'x' })).code).toBe('not_found');
    expect((await otherAdmin.fails('define_metric', { key: 'uses_a', label: 'x', formula: 'net_revenue' })).issues![0]!.message).toContain('unknown metric "net_revenue"');
    // The same key is free in the other organisation.
    const own = await otherAdmin.ok<Defined>('define_metric', { key: 'net_revenue', label: 'Their net revenue', formula: 'revenue - payouts' });
    expect(own.metric.label).toBe('Their net revenue');
    expect((await admin.ok<Explained>('explain_metric', { key: 'net_revenue' })).metric.label).toBe('Net revenue');
  });
});
