import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/database.ts';
import { openTestDatabase } from '../../../db/testing/test-database.ts';
import { BIGQUERY_SYNC_JOB } from '../../../jobs/ads-bigquery/bigquery-sync-job.ts';
import { InProcessJobQueue } from '../../../jobs/in-process-queue.ts';
import { createCatalogue } from '../../index.ts';
import { silentLogger } from '../../registry/context.ts';
import { ToolRunner } from '../../registry/runner.ts';
import { caller } from '../../testing/caller.ts';
import { createTestOrganization, type TestOrganization } from '../../testing/fixtures.ts';
import { adsSettingsFrom, configureAds } from '../ads-settings.ts';
import { clearServiceAccountTokens } from './service-account.ts';
import { startFakeBigQuery, type FakeBigQuery } from './testing/fake-bigquery.ts';

interface SourceOutput { source_id: string; column_map: Record<string, string>; query: string; created: boolean; project_id: string; synced_through: string | null }
interface SyncOutput {
  status: string;
  queued: string[];
  sources: Array<{ source: string; from: string; to: string; rows_read: number; metric_rows: number; spend_rows: number; accounts_created: number; campaigns_created: number; skipped_rows: number; skipped_examples: string[]; outcome: string; error: string | null }>;
}

const COLUMNS = [
  { name: 'day', type: 'DATE' }, { name: 'network', type: 'STRING' }, { name: 'account', type: 'STRING' }, { name: 'account_label', type: 'STRING' },
  { name: 'cur', type: 'STRING' }, { name: 'campaign_ref', type: 'STRING' }, { name: 'campaign', type: 'STRING' }, { name: 'cost', type: 'NUMERIC' },
  { name: 'impressions', type: 'INTEGER' }, { name: 'clicks', type: 'INTEGER' }, { name: 'purchases', type: 'FLOAT' }, { name: 'revenue', type: 'NUMERIC' },
  { name: 'views', type: 'INTEGER' }, { name: 'completes', type: 'INTEGER' },
] as const;

const row = (day: string, network: string, account: string, campaignRef: string, cost: string, extra: Record<string, string | null> = {}) => ({
  day, network, account, account_label: null, cur: null, campaign_ref: campaignRef, campaign: null, cost, impressions: '1000', clicks: '10', purchases: '1', revenue: '50.5', views: null, completes: null, ...extra,
});

describe('BigQuery: set_bigquery_source and sync_bigquery against a loopback REST API', () => {
  let database: Database;
  let runner: ToolRunner;
  let jobs: InProcessJobQueue;
  let fake: FakeBigQuery;
  let org: TestOrganization;
  let other: TestOrganization;
  let owner: ReturnType<typeof caller>;
  const slept: number[] = [];
  const clock = { now: new Date('2026-12-04T08:00:00Z') };
  const configure = (key: string | undefined) => {
    clearServiceAccountTokens();
    configureAds({
      ...adsSettingsFrom({ GCP_SERVICE_ACCOUNT_KEY: key, GCP_PROJECT_ID: 'acme-billing', BIGQUERY_API_URL: fake.url }),
      deps: { sleep: async (ms) => void slept.push(ms), retry: { baseDelayMs: 1, maxDelayMs: 2 } },
    });
  };

  beforeAll(async () => {
    database = await openTestDatabase();
    jobs = new InProcessJobQueue({ retryDelayMs: () => 0 });
    runner = new ToolRunner({ prisma: database.prisma, catalogue: createCatalogue(), jobs, now: () => clock.now, log: silentLogger });
    jobs.bind({ prisma: database.prisma, runner, log: silentLogger, now: () => clock.now });
    fake = await startFakeBigQuery({
      columns: [...COLUMNS],
      pageSize: 2,
      rows: [
        row('2026-12-01', 'facebook', 'act_1001', 'c1', '40.25', { account_label: 'Acme EU', cur: 'EUR', campaign: 'Black Friday', views: '800', completes: '200' }),
        // Two ad-level rows of the same campaign-day: summed.
        row('2026-12-02', 'facebook', 'act_1001', 'c1', '30.10', { cur: 'EUR', campaign: 'Black Friday' }),
        row('2026-12-02', 'facebook', 'act_1001', 'c1', '9.90', { cur: 'EUR', impressions: '500', clicks: '5', purchases: '0', revenue: '0' }),
        row('2026-12-02', 'Google Ads', '123-456-7890', 'g1', '12.00', { account_label: 'Acme Search', cur: 'USD', campaign: 'Brand search' }),
        row('2026-12-03', 'myspace', '77', 'm1', '5.00'),
        // Outside the range asked for: never read.
        row('2026-10-01', 'facebook', 'act_1001', 'c1', '999'),
      ],
    });
    configure(fake.keyJson());
    org = await createTestOrganization(database, 'bq-a');
    other = await createTestOrganization(database, 'bq-b');
    owner = caller(runner, () => org.as('OWNER'));
  });
  beforeEach(() => {
    slept.length = 0;
  });
  afterAll(async () => {
    await jobs.drain();
    await fake.close();
    configureAds(adsSettingsFrom({}));
    await database.close();
  });

  const source = {
    name: 'Warehouse',
    project_id: 'acme-marketing',
    dataset: 'ads',
    table: 'daily_campaigns',
    column_map: {
      date: 'day', platform: 'network', account_id: 'account', account_name: 'account_label', currency: 'cur', campaign_id: 'campaign_ref', campaign_name: 'campaign',
      cost: 'cost', impressions: 'impressions', clicks: 'clicks', conversions: 'purchases', conversion_value: 'revenue', video_views: 'views', video_p100: 'completes',
    },
  };

  it('set_bigquery_source validates keys against the metric library, column names and required keys', async () => {
    const bad = await owner.fails('set_bigquery_source', { ...source, column_map: { date: 'day', platform: 'network', account_id: 'account', spnd: 'cost', ctr: 'ctr', clicks: 'clicks; DROP TABLE x' } });
    expect(bad.code).toBe('invalid_input');
    const issues = Object.fromEntries((bad.issues ?? []).map((issue) => [issue.path, issue.message]));
    expect(issues['column_map.spnd']).toMatch(/^"spnd" is not a metric or column key; did you mean spend/);
    expect(issues['column_map.ctr']).toBe('ctr is calculated (clicks / impressions), not read from a table: map its inputs instead');
    expect(issues['column_map.clicks']).toMatch(/is not a BigQuery column name/);
    expect(issues['column_map.campaign_id']).toBe('campaign_id is required: name the column that holds it');
    expect(issues['column_map.spend']).toBe('spend is required: name the column that holds it');
    expect((await owner.fails('set_bigquery_source', { ...source, dataset: 'ads`; --' })).issues?.[0]?.path).toBe('dataset');
    expect((await owner.fails('set_bigquery_source', { ...source, project_id: 'Acme Project!' })).issues?.[0]?.path).toBe('project_id');

    const saved = await owner.ok<SourceOutput>('set_bigquery_source', source);
    expect(saved.created).toBe(true);
    // The library's alias cost is stored as spend.
    expect(saved.column_map.spend).toBe('cost');
    expect(saved.column_map.cost).toBeUndefined();
    expect(saved.query).toBe(
      'SELECT `day` AS `date`, `network` AS `platform`, `account` AS `account_id`, `account_label` AS `account_name`, `cur` AS `currency`, `campaign_ref` AS `campaign_id`, `campaign` AS `campaign_name`, `cost` AS `spend`, `impressions` AS `impressions`, `clicks` AS `clicks`, `purchases` AS `conversions`, `revenue` AS `conversion_value`, `views` AS `video_views`, `completes` AS `video_p100` FROM `acme-marketing.ads.daily_campaigns` WHERE `day` BETWEEN @from AND @to',
    );
    // Same name again: replaced, not duplicated.
    expect((await owner.ok<SourceOutput>('set_bigquery_source', source)).created).toBe(false);
    expect(await database.prisma.bigQuerySource.count({ where: { organizationId: org.id } })).toBe(1);
  });

  it('sync_bigquery reads every page of a job that was not complete at first, after a 429, and writes accounts, campaigns, metrics and spend', async () => {
    fake.rateLimitNext(1);
    fake.slowNextJob();
    const output = await owner.ok<SyncOutput>('sync_bigquery', { from: '2026-12-01', to: '2026-12-03', wait: true });
    expect(output.status).toBe('synced');
    expect(output.sources).toEqual([{
      source: 'Warehouse', from: '2026-12-01', to: '2026-12-03', rows_read: 5, metric_rows: 3, spend_rows: 3, accounts_created: 2, campaigns_created: 2,
      skipped_rows: 1, skipped_examples: ['row 5: platform "myspace" is not one Crescendo knows (meta, google, tiktok, snapchat, linkedin, twitter, pinterest, amazon, dv360)'], outcome: 'partial', error: null,
    }]);
    // One 429 waited out as asked (retry-after: 1), one token, the job polled once and read in pages of 2.
    expect(fake.calls).toMatchObject({ token: 1, query: 2, rateLimited: 1, results: 3 });
    expect(slept).toContain(1000);
    const sent = fake.queries.at(-1)!;
    expect(sent.project).toBe('acme-billing');
    expect(sent.parameters).toEqual({ from: '2026-12-01', to: '2026-12-03' });
    expect(sent.authorization).toMatch(/^Bearer ya29\.fake-/);

    const accounts = await database.prisma.adAccount.findMany({ where: { organizationId: org.id }, orderBy: { platform: 'asc' } });
    expect(accounts.map((account) => [account.platform, account.externalId, account.name, account.currency, account.connectionId, account.lastSyncOutcome, account.lastSyncRows])).toEqual([
      ['META', '1001', 'Acme EU', 'EUR', null, 'SUCCEEDED', 2],
      ['GOOGLE', '1234567890', 'Acme Search', 'USD', null, 'SUCCEEDED', 1],
    ]);
    const metrics = await database.prisma.campaignMetric.findMany({ where: { organizationId: org.id }, orderBy: [{ date: 'asc' }, { spend: 'asc' }], include: { adCampaign: true } });
    expect(metrics.map((metric) => [metric.adCampaign.name, metric.date.toISOString().slice(0, 10), Number(metric.spend), Number(metric.impressions), Number(metric.clicks), Number(metric.conversions), Number(metric.conversionValue), metric.videoViews === null ? null : Number(metric.videoViews), metric.source])).toEqual([
      ['Black Friday', '2026-12-01', 40.25, 1000, 10, 1, 50.5, 800, 'bigquery'],
      ['Brand search', '2026-12-02', 12, 1000, 10, 1, 50.5, null, 'bigquery'],
      // 30.10 + 9.90; 1,000 + 500 impressions; 1 + 0 conversions.
      ['Black Friday', '2026-12-02', 40, 1500, 15, 1, 50.5, null, 'bigquery'],
    ]);
    const spend = await database.prisma.marketingSpend.findMany({ where: { organizationId: org.id }, orderBy: [{ date: 'asc' }, { amount: 'asc' }] });
    const meta = accounts[0]!;
    expect(spend.map((line) => [line.dedupeKey, line.channel, line.campaign, Number(line.amount), line.currency, line.source])).toEqual([
      [`ads:${meta.id}:c1:2026-12-01`, 'meta', 'Black Friday', 40.25, 'EUR', 'bigquery'],
      [`ads:${accounts[1]!.id}:g1:2026-12-02`, 'google', 'Brand search', 12, 'USD', 'bigquery'],
      [`ads:${meta.id}:c1:2026-12-02`, 'meta', 'Black Friday', 40, 'EUR', 'bigquery'],
    ]);
    const run = await database.prisma.adSyncRun.findFirstOrThrow({ where: { organizationId: org.id, kind: 'bigquery' } });
    expect(run).toMatchObject({ adAccountId: null, outcome: 'PARTIAL', rows: 3, trigger: 'manual' });
    expect(run.error).toContain('myspace');
    expect((await database.prisma.bigQuerySource.findFirstOrThrow({ where: { organizationId: org.id } })).syncedThrough?.toISOString().slice(0, 10)).toBe('2026-12-03');
  });

  it('a re-read replaces the days it reads (never adds), with the cached token', async () => {
    fake.table.rows[0]!.cost = '45.75';
    const output = await owner.ok<SyncOutput>('sync_bigquery', { source: 'Warehouse', from: '2026-12-01', to: '2026-12-02', wait: true });
    expect(output.sources[0]).toMatchObject({ metric_rows: 3, accounts_created: 0, campaigns_created: 0, outcome: 'succeeded' });
    expect(fake.calls.token).toBe(1);
    expect(await database.prisma.campaignMetric.count({ where: { organizationId: org.id } })).toBe(3);
    expect(await database.prisma.marketingSpend.count({ where: { organizationId: org.id } })).toBe(3);
    const total = await database.prisma.marketingSpend.aggregate({ where: { organizationId: org.id, currency: 'EUR' }, _sum: { amount: true } });
    expect(Number(total._sum.amount)).toBe(85.75);
    // The other organisation saw nothing.
    expect(await database.prisma.campaignMetric.count({ where: { organizationId: other.id } })).toBe(0);
  });

  it('queued unless wait; the job reads; the default range starts 3 days before the last day read', async () => {
    const queued = await owner.ok<SyncOutput>('sync_bigquery', {});
    expect(queued).toEqual({ status: 'queued', sources: [], queued: ['Warehouse'] });
    await jobs.drain();
    const runs = await database.prisma.adSyncRun.findMany({ where: { organizationId: org.id, kind: 'bigquery' }, orderBy: { startedAt: 'asc' } });
    expect(runs).toHaveLength(3);
    // Last read through the 2nd: from the 2nd minus 3 days (29 Nov) to today (4 Dec).
    expect([runs[2]!.rangeFrom.toISOString().slice(0, 10), runs[2]!.rangeTo.toISOString().slice(0, 10)]).toEqual(['2026-11-29', '2026-12-04']);
    expect(fake.queries.at(-1)!.parameters).toEqual({ from: '2026-11-29', to: '2026-12-04' });
    // The daily run of an organisation with no source does nothing.
    await jobs.enqueue({ name: BIGQUERY_SYNC_JOB, payload: { organizationId: other.id, date: '2026-12-04' } });
    await jobs.drain();
    expect(await database.prisma.adSyncRun.count({ where: { organizationId: other.id } })).toBe(0);
    expect((await caller(runner, () => other.as('OWNER')).fails('sync_bigquery', { wait: true })).message).toMatch(/No BigQuery source is set/);
  });

  it('a bad key is refused clearly, never echoed', async () => {
    configure(fake.untrustedKeyJson());
    const refused = await owner.fails('sync_bigquery', { wait: true, from: '2026-12-01', to: '2026-12-01' });
    expect(refused.code).toBe('unavailable');
    expect(refused.message).toBe("Google's token endpoint refused the service account crescendo-sync@acme-marketing.iam.gserviceaccount.com: invalid_grant (Invalid JWT Signature.). Check GCP_SERVICE_ACCOUNT_KEY (a deleted or rotated key is refused) and restart.");
    const failed = await database.prisma.adSyncRun.findFirstOrThrow({ where: { organizationId: org.id, outcome: 'FAILED' } });
    expect(failed.error).toContain('invalid_grant');

    configure('/nowhere/key.json');
    const unreadable = await owner.fails('sync_bigquery', { wait: true });
    expect(unreadable.message).toMatch(/^GCP_SERVICE_ACCOUNT_KEY is not a usable service-account key: it is neither JSON nor a readable file path\./);
    configure(fake.keyJson({ private_key: 'not a key' }));
    const garbled = await owner.fails('sync_bigquery', { wait: true });
    expect(garbled.message).toMatch(/its private_key is not a PEM private key/);
    expect(garbled.message).not.toContain('not a key');
    configure(undefined);
    expect((await owner.fails('sync_bigquery', { wait: true })).message).toMatch(/^BigQuery is not configured: set GCP_SERVICE_ACCOUNT_KEY/);
    // A refused query (a column that no longer exists) is a failed read with BigQuery's words, not a crash.
    configure(fake.keyJson());
    await database.prisma.bigQuerySource.updateMany({ where: { organizationId: org.id }, data: { columnMap: { ...source.column_map, spend: 'cost_eur', cost: undefined } } });
    const broken = await owner.ok<SyncOutput>('sync_bigquery', { wait: true, from: '2026-12-01', to: '2026-12-01' });
    expect(broken.sources[0]).toMatchObject({ outcome: 'failed', metric_rows: 0 });
    expect(broken.sources[0]!.error).toBe("BigQuery refused the query: Unrecognized name: cost_eur at [1:8]. Check the source's column map (set_bigquery_source).");
  });

  it("writes through the account sync's store: an account's campaigns keep what the platform said, a stand-in name is replaced, each row keeps the table's currency", async () => {
    configure(fake.keyJson());
    const theirs = caller(runner, () => other.as('OWNER'));
    await theirs.ok<SourceOutput>('set_bigquery_source', source);
    const prisma = database.prisma;
    // A Meta account a platform sync already wrote (USD), with a listed campaign and one known only by its id.
    const account = await prisma.adAccount.create({ data: { organizationId: other.id, platform: 'META', externalId: '2002', name: 'Acme US', currency: 'USD', timeZone: 'UTC' } });
    const launch = await prisma.adCampaign.create({ data: { organizationId: other.id, adAccountId: account.id, externalId: 'k1', name: 'Launch', status: 'active', objective: 'OUTCOME_SALES', dailyBudget: 100 } });
    await prisma.adCampaign.create({ data: { organizationId: other.id, adAccountId: account.id, externalId: 'k2', name: 'k2', status: 'unknown' } });
    await prisma.campaignMetric.create({ data: { organizationId: other.id, adAccountId: account.id, adCampaignId: launch.id, date: new Date('2026-11-20T00:00:00Z'), spend: 99, currency: 'USD', source: 'meta', syncedAt: clock.now } });
    await prisma.marketingSpend.create({ data: { organizationId: other.id, date: new Date('2026-11-20T00:00:00Z'), channel: 'meta', campaign: 'Launch', amount: 99, currency: 'USD', dedupeKey: `ads:${account.id}:k1:2026-11-20`, source: 'meta' } });
    fake.table.rows.push(
      row('2026-11-20', 'meta', 'act_2002', 'k1', '10.00', { cur: 'EUR' }),
      row('2026-11-20', 'meta', 'act_2002', 'k2', '5.00', { campaign: 'Retargeting' }),
      row('2026-11-20', 'tiktok', '3003', 't1', '7.00'),
    );
    const output = await theirs.ok<SyncOutput>('sync_bigquery', { from: '2026-11-20', to: '2026-11-20', wait: true });
    expect(output.sources[0]).toMatchObject({ rows_read: 3, metric_rows: 3, spend_rows: 3, accounts_created: 1, campaigns_created: 1, outcome: 'succeeded' });
    const campaigns = await prisma.adCampaign.findMany({ where: { organizationId: other.id }, orderBy: { externalId: 'asc' } });
    expect(campaigns.map((campaign) => [campaign.externalId, campaign.name, campaign.status, campaign.objective, campaign.dailyBudget === null ? null : Number(campaign.dailyBudget)])).toEqual([
      ['k1', 'Launch', 'active', 'OUTCOME_SALES', 100],
      ['k2', 'Retargeting', 'unknown', null, null],
      ['t1', 't1', 'unknown', null, null],
    ]);
    const metrics = await prisma.campaignMetric.findMany({ where: { organizationId: other.id }, orderBy: { spend: 'asc' }, include: { adCampaign: true } });
    expect(metrics.map((metric) => [metric.adCampaign.externalId, Number(metric.spend), metric.currency, metric.source])).toEqual([
      ['k2', 5, 'USD', 'bigquery'],
      ['t1', 7, 'USD', 'bigquery'],
      ['k1', 10, 'EUR', 'bigquery'],
    ]);
    const spend = await prisma.marketingSpend.findMany({ where: { organizationId: other.id }, orderBy: { amount: 'asc' } });
    expect(spend.map((line) => [line.channel, line.campaign, Number(line.amount), line.currency, line.source])).toEqual([
      ['meta', 'Retargeting', 5, 'USD', 'bigquery'],
      ['tiktok', 't1', 7, 'USD', 'bigquery'],
      ['meta', 'Launch', 10, 'EUR', 'bigquery'],
    ]);
  });
});
