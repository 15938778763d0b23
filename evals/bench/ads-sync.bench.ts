import { randomBytes } from 'node:crypto';
import type { Database } from '../../db/database.ts';
import { migrate } from '../../db/migrate/migrate.ts';
import { createOrganization } from '../../tools/access/organizations.ts';
import { adsSettingsFrom, configureAds } from '../../tools/ads/ads-settings.ts';
import { createMetaAdsConnector } from '../../tools/ads/connectors/meta/meta-connector.ts';
import { startFakeMetaAds, type FakeMetaAds } from '../../tools/ads/connectors/meta/testing/fake-meta-ads.ts';
import type { AdsHttpDeps } from '../../tools/ads/connectors/http.ts';
import { connectionSealContext } from '../../tools/ads/sync/account-access.ts';
import { createTokenCipher } from '../../tools/common/secrets/token-cipher.ts';
import { createCatalogue } from '../../tools/index.ts';
import { silentLogger } from '../../tools/registry/context.ts';
import { ToolRunner, type Principal } from '../../tools/registry/runner.ts';
import type { Benchmark, Figure } from './harness.ts';
import { onEachBackend, timeMs } from './harness.ts';

const CAMPAIGNS = Number(process.env.BENCH_ADS_CAMPAIGNS ?? 1_000);
const DAYS = Number(process.env.BENCH_ADS_DAYS ?? 90);
const ACCOUNT = '1001';
const TO = '2026-11-29';
const FROM = new Date(Date.parse(`${TO}T00:00:00Z`) - (DAYS - 1) * 86_400_000).toISOString().slice(0, 10);
const ROWS = CAMPAIGNS * DAYS;
const KEY = randomBytes(32).toString('base64');
/** The fake's report runs finish at the first poll: polls are not waited for, so the figures are Crescendo's and the fake's work, not Meta's queue. */
const DEPS: AdsHttpDeps = { sleep: async () => undefined, pollIntervalMs: 1 };

interface SyncOutput {
  status: string;
  run: { outcome: string; rows: number; campaigns: number; error: string | null } | null;
}

/**
 * sync_ad_account over the loopback Meta fake: 1,000 campaigns x 90 days (a row every campaign-day,
 * read through Meta's async report runs and paging), written into CampaignMetric and MarketingSpend;
 * then the same range again, which replaces every day. The floor is the connector's read alone (the
 * platform's share of the wall time), without a database.
 */
export const adsSyncBench: Benchmark = {
  name: 'ads-sync',
  description:
    `sync_ad_account {wait: true} of a Meta account with ${CAMPAIGNS.toLocaleString('en-US')} campaigns x ${DAYS} days (${ROWS.toLocaleString('en-US')} campaign-days) from the loopback Meta fake, ` +
    'first sync and a re-sync replacing the same days, PGlite and (with BENCH_DATABASE_URL or TEST_DATABASE_URL) Postgres; floor: the connector reading the same rows without a database',
  run: async () => {
    const fake = await startFakeMetaAds({ accounts: [{ id: ACCOUNT, name: 'Bench Meta', currency: 'USD', timezone: 'America/New_York', campaigns: CAMPAIGNS, gaps: false }], asyncPolls: 1 });
    try {
      configureAds({ ...adsSettingsFrom({ CRESCENDO_ENCRYPTION_KEY: KEY, META_APP_ID: fake.appId, META_APP_SECRET: fake.appSecret, META_GRAPH_URL: fake.url }), deps: DEPS });
      const connector = createMetaAdsConnector({ graphUrl: fake.url, appId: fake.appId, appSecret: fake.appSecret, deps: DEPS });
      const read = await timeMs(() => connector.dailyMetrics(fake.token, { externalId: ACCOUNT, currency: 'USD', timeZone: 'America/New_York' }, { from: FROM, to: TO }));
      if (read.result.length !== ROWS) throw new Error(`the Meta fake gave ${read.result.length} campaign-days, expected ${ROWS}`);
      return await onEachBackend((backend, database) => measure(backend, database, fake, read.ms));
    } finally {
      configureAds(adsSettingsFrom({}));
      await fake.close();
    }
  },
};

async function measure(backend: string, database: Database, fake: FakeMetaAds, readMs: number): Promise<Figure[]> {
  try {
    await migrate(database);
    const organization = await createOrganization(database.prisma, { name: 'Bench', slug: 'bench', ownerEmail: 'owner@bench.test' });
    const principal: Principal = { orgId: organization.id, userId: organization.owner.id, role: 'OWNER', surface: 'CLI' };
    const connection = await database.prisma.adConnection.create({
      data: { organizationId: organization.id, platform: 'META', externalUserId: 'bench-user', displayName: 'Bench Marketer', accessTokenEncrypted: 'pending', scopes: ['ads_read'] },
    });
    await database.prisma.adConnection.update({
      where: { id: connection.id },
      data: { accessTokenEncrypted: createTokenCipher(KEY).encrypt(fake.token, connectionSealContext(connection.id)), tokenExpiresAt: new Date(Date.now() + 30 * 86_400_000) },
    });
    const account = await database.prisma.adAccount.create({
      data: { organizationId: organization.id, platform: 'META', externalId: ACCOUNT, name: 'Bench Meta', currency: 'USD', timeZone: 'America/New_York', connectionId: connection.id },
    });
    const runner = new ToolRunner({ prisma: database.prisma, catalogue: createCatalogue(), log: silentLogger });
    const sync = async () => {
      const result = await runner.call('sync_ad_account', { ad_account_id: account.id, from: FROM, to: TO, wait: true }, principal);
      if (!result.ok) throw new Error(`sync_ad_account: ${result.error.message}`);
      const output = result.output as SyncOutput;
      if (output.run?.outcome !== 'succeeded' || output.run.rows !== ROWS) throw new Error(`sync_ad_account: ${output.status}, ${output.run?.rows ?? 0} rows (${output.run?.error ?? 'no error'}), expected ${ROWS}`);
    };
    const first = await timeMs(sync);
    const again = await timeMs(sync);
    const [metrics, spend] = await Promise.all([
      database.prisma.campaignMetric.count({ where: { organizationId: organization.id } }),
      database.prisma.marketingSpend.count({ where: { organizationId: organization.id } }),
    ]);
    if (metrics !== ROWS || spend !== ROWS) throw new Error(`after the re-sync: ${metrics} CampaignMetric and ${spend} MarketingSpend rows, expected ${ROWS} each (a re-sync replaces days)`);
    const size = `${CAMPAIGNS.toLocaleString('en-US')} campaigns x ${DAYS} days`;
    const floor = { value: readMs / 1000, what: 'the connector reading the rows, no database' };
    return [
      { bench: 'ads-sync', metric: `first sync ${size}, ${backend}`, value: first.ms / 1000, unit: 's', floor },
      { bench: 'ads-sync', metric: `first sync ${size}, ${backend}`, value: ROWS / (first.ms / 1000), unit: 'rows/s' },
      { bench: 'ads-sync', metric: `re-sync replacing the same days, ${backend}`, value: again.ms / 1000, unit: 's', floor },
      { bench: 'ads-sync', metric: `re-sync replacing the same days, ${backend}`, value: ROWS / (again.ms / 1000), unit: 'rows/s' },
    ];
  } finally {
    await database.close();
  }
}
