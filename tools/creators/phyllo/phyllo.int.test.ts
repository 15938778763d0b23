import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/database.ts';
import { openTestDatabase } from '../../../db/testing/test-database.ts';
import { InProcessJobQueue } from '../../../jobs/in-process-queue.ts';
import { CREATOR_SYNC_DAILY_JOB } from '../../../jobs/creators/creator-sync-job.ts';
import { buildWebApp } from '../../../web/app.ts';
import { PHYLLO_CONNECT_SCRIPT } from '../../../web/phyllo-connect-page.ts';
import { createCatalogue } from '../../index.ts';
import { silentLogger } from '../../registry/context.ts';
import { ToolRunner } from '../../registry/runner.ts';
import { caller } from '../../testing/caller.ts';
import { createTestOrganization, type TestOrganization } from '../../testing/fixtures.ts';
import { configurePhyllo, phylloSettingsFrom } from './phyllo-settings.ts';
import { FAKE_CLIENT_ID, FAKE_CLIENT_SECRET, FAKE_WEBHOOK_SECRET, startFakePhyllo, type FakePhyllo } from './testing/fake-phyllo.ts';
import { signPhylloBody } from './webhook-signature.ts';
import { workPlatformIdOf } from './work-platforms.ts';

interface ConnectOutput { creator_id: string; connect_url: string; phyllo_user_id: string; token_expires_at: string | null; network: string | null; platforms: unknown[] }
interface SyncOutput {
  status: string;
  synced: Array<{ network: string; connection: string; error: string | null; followers: number | null; engagement_rate: number | null; posts_synced: number; audience_slices: number }>;
  platforms: Array<{ network: string; connection: string; error: string | null }>;
  notes: string[];
}

const DAY = 86_400_000;

describe('Phyllo: connect, webhook, sync', () => {
  let database: Database;
  let runner: ToolRunner;
  let jobs: InProcessJobQueue;
  let fake: FakePhyllo;
  let org: TestOrganization;
  let other: TestOrganization;
  let owner: ReturnType<typeof caller>;
  let server: Server;
  let baseUrl: string;
  const slept: number[] = [];
  const clock = { now: new Date('2026-12-10T10:00:00Z') };
  const configure = (overrides: Partial<Record<string, string>> = {}) =>
    configurePhyllo({
      ...phylloSettingsFrom({ PHYLLO_CLIENT_ID: FAKE_CLIENT_ID, PHYLLO_CLIENT_SECRET: FAKE_CLIENT_SECRET, PHYLLO_API_URL: fake.url, PHYLLO_WEBHOOK_SECRET: FAKE_WEBHOOK_SECRET, ...overrides }),
      deps: { sleep: async (ms) => void slept.push(ms), retry: { baseDelayMs: 1, maxDelayMs: 2 } },
    });

  beforeAll(async () => {
    database = await openTestDatabase();
    jobs = new InProcessJobQueue({ retryDelayMs: () => 0 });
    runner = new ToolRunner({ prisma: database.prisma, catalogue: createCatalogue(), jobs, now: () => clock.now, log: silentLogger });
    jobs.bind({ prisma: database.prisma, runner, log: silentLogger, now: () => clock.now });
    fake = await startFakePhyllo();
    org = await createTestOrganization(database, 'phyllo-a');
    other = await createTestOrganization(database, 'phyllo-b');
    owner = caller(runner, () => org.as('OWNER'));
    const app = buildWebApp({ database, runner, log: silentLogger, version: 'test', uiDir: false });
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  beforeEach(() => {
    configure();
    slept.length = 0;
  });
  afterAll(async () => {
    await jobs.drain();
    await new Promise((resolve) => server.close(resolve));
    await fake.close();
    configurePhyllo(phylloSettingsFrom({}));
    await database.close();
  });

  async function makeCreator(organization: TestOrganization, handle: string, phylloUserId: string | null = null) {
    const contact = await database.prisma.contact.create({ data: { organizationId: organization.id, name: `${handle} Person` } });
    return database.prisma.creator.create({ data: { organizationId: organization.id, contactId: contact.id, handle, bio: 'Dance covers', phylloUserId } });
  }

  /** Delivers a webhook as Phyllo would, against the real app (its freshness is judged by the wall clock), then lets its jobs finish. */
  async function deliver(delivery: { body: string; headers: Record<string, string> }) {
    const response = await fetch(`${baseUrl}/api/webhooks/phyllo`, { method: 'POST', headers: delivery.headers, body: delivery.body });
    const body = (await response.json()) as Record<string, unknown>;
    await jobs.drain();
    return { status: response.status, body };
  }

  const platformOf = (creatorId: string, network: 'TIKTOK' | 'INSTAGRAM') =>
    database.prisma.creatorPlatform.findUniqueOrThrow({ where: { organizationId_creatorId_network: { organizationId: org.id, creatorId, network } } });

  it('connect -> ACCOUNTS.CONNECTED -> sync stores figures, posts and audience; CONTENTS.UPDATED -> resync keeps history; the same sync twice adds nothing; ACCOUNTS.DISCONNECTED', async () => {
    const creator = await makeCreator(org, 'dancer.daria');
    // A link submitted by hand before the sync (submit_content keys Instagram posts by the URL's shortcode).
    const connected = await owner.ok<ConnectOutput>('connect_creator_platform', { creator_id: creator.id, network: 'TikTok' });
    const link = new URL(connected.connect_url);
    expect(link.pathname).toBe('/connect/phyllo');
    expect(link.searchParams.get('user_id')).toBe(connected.phyllo_user_id);
    expect(link.searchParams.get('work_platform_id')).toBe(workPlatformIdOf('tiktok'));
    expect(link.searchParams.get('token')).toBe(fake.tokens.at(-1)!.sdk_token);
    expect(fake.tokens.at(-1)!.products).toEqual(['IDENTITY', 'IDENTITY.AUDIENCE', 'ENGAGEMENT', 'ENGAGEMENT.AUDIENCE']);
    expect(connected).toMatchObject({ network: 'tiktok', token_expires_at: '2026-12-13T10:00:00.000000', platforms: [] });
    expect([...fake.users.values()].filter((user) => user.external_id === creator.id)).toHaveLength(1);
    expect((await database.prisma.creator.findUniqueOrThrow({ where: { id: creator.id } })).phylloUserId).toBe(connected.phyllo_user_id);
    // Again: the same Phyllo user, a new token; still nothing marked connected.
    const again = await owner.ok<ConnectOutput>('connect_creator_platform', { creator_id: creator.id });
    expect(again.phyllo_user_id).toBe(connected.phyllo_user_id);
    expect([...fake.users.values()].filter((user) => user.external_id === creator.id)).toHaveLength(1);
    expect(await database.prisma.creatorPlatform.count({ where: { creatorId: creator.id } })).toBe(0);

    // The page the link opens loads Phyllo Connect and never echoes the token.
    const page = await fetch(connected.connect_url.replace('http://localhost:3000', baseUrl));
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain(PHYLLO_CONNECT_SCRIPT);
    expect(html).not.toContain(link.searchParams.get('token')!);
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');

    // The creator logs in to TikTok and Instagram through Phyllo Connect.
    const userId = connected.phyllo_user_id;
    const tiktok = fake.connect(userId, 'tiktok', 'Dancer.Daria', { followers: 120_000, following: 300, contentCount: 2 });
    fake.addContent(tiktok.id, { external_id: '7301', description: 'Afrobeats dance challenge #afrobeats', published_at: '2026-12-01T18:00:00', engagement: { view_count: 50_000, like_count: 4_000, comment_count: 200, share_count: 300, save_count: 100 } });
    fake.addContent(tiktok.id, { external_id: '7302', description: 'Amapiano footwork tutorial', published_at: '2026-12-05T18:00:00', engagement: { view_count: 30_000, like_count: 2_000, comment_count: 100, share_count: 50, save_count: 50 } });
    fake.addContent(tiktok.id, { external_id: '6999', description: 'Too old for the first sync', published_at: '2026-08-01T18:00:00', engagement: { view_count: 1, like_count: 1, comment_count: 1, share_count: 1, save_count: 1 } });
    tiktok.audience = {
      countries: [{ code: 'US', value: 38 }, { code: 'ng', value: 21.5 }],
      cities: [{ name: 'Lagos, Lagos State, Nigeria', value: 9.25 }],
      gender_age_distribution: [
        { gender: 'FEMALE', age_range: '18-24', value: 30 },
        { gender: 'MALE', age_range: '18-24', value: 11 },
        { gender: 'FEMALE', age_range: '25-34', value: 40 },
        { gender: 'MALE', age_range: '25-34', value: 19 },
      ],
    };
    const instagram = fake.connect(userId, 'instagram', 'daria.moves', { followers: 8_000, following: 50, contentCount: 1 });
    fake.addContent(instagram.id, { external_id: '17900000000000001', type: 'REELS', url: 'https://www.instagram.com/reel/CxDaria01/?igsh=abc', description: 'Studio session', published_at: '2026-12-08T12:00:00', engagement: { view_count: 9_000, like_count: 700, comment_count: 20, share_count: null, save_count: 30 } });
    // The Instagram reel was already submitted by hand, keyed by its shortcode, before the account was connected.
    await database.prisma.creatorPlatform.create({ data: { organizationId: org.id, creatorId: creator.id, network: 'INSTAGRAM', handle: 'daria.moves' } });
    const igRow = await platformOf(creator.id, 'INSTAGRAM');
    const submitted = await database.prisma.creatorContent.create({ data: { organizationId: org.id, creatorId: creator.id, creatorPlatformId: igRow.id, externalId: 'CxDaria01', url: 'https://www.instagram.com/reel/CxDaria01' } });

    const connectedEvent = await deliver(fake.webhook('ACCOUNTS.CONNECTED', { account_id: tiktok.id, user_id: userId }));
    expect(connectedEvent).toEqual({ status: 200, body: { received: true, event: 'ACCOUNTS.CONNECTED', status: 'queued' } });

    const tiktokRow = await platformOf(creator.id, 'TIKTOK');
    // engagement = mean over posts of (likes + comments + shares + saves) / followers = ((4600 + 2200) / 2) / 120000
    expect(tiktokRow).toMatchObject({ connection: 'CONNECTED', connectionError: null, phylloAccountId: tiktok.id, handle: 'dancer.daria', followers: 120_000, following: 300, postsCount: 2, averageViews: 40_000, averageLikes: 3_000, averageComments: 150, metricsSource: 'phyllo', lastSyncedAt: clock.now });
    expect(Number(tiktokRow.engagementRate)).toBeCloseTo(3400 / 120_000, 6);
    const contents = await database.prisma.creatorContent.findMany({ where: { creatorPlatformId: tiktokRow.id }, orderBy: { externalId: 'asc' } });
    expect(contents.map((content) => [content.externalId, content.views, content.format, content.url])).toEqual([
      ['7301', 50_000n, 'video', 'https://www.tiktok.com/@Dancer.Daria/video/7301'],
      ['7302', 30_000n, 'video', 'https://www.tiktok.com/@Dancer.Daria/video/7302'],
    ]);
    expect(await database.prisma.creatorContentSnapshot.count({ where: { contentId: { in: contents.map((content) => content.id) } } })).toBe(2);
    expect(await database.prisma.creatorPlatformSnapshot.count({ where: { creatorPlatformId: tiktokRow.id } })).toBe(1);
    const slices = await database.prisma.audienceSlice.findMany({ where: { creatorPlatformId: tiktokRow.id }, orderBy: [{ dimension: 'asc' }, { value: 'asc' }] });
    expect(slices.map((slice) => [slice.dimension, slice.value, Number(slice.share), slice.asOf.toISOString().slice(0, 10)])).toEqual([
      ['AGE', '18-24', 0.41, '2026-12-10'],
      ['AGE', '25-34', 0.59, '2026-12-10'],
      ['GENDER', 'female', 0.7, '2026-12-10'],
      ['GENDER', 'male', 0.3, '2026-12-10'],
      ['COUNTRY', 'NG', 0.215, '2026-12-10'],
      ['COUNTRY', 'US', 0.38, '2026-12-10'],
      ['CITY', 'Lagos, NG', 0.0925, '2026-12-10'],
    ]);
    // The hand-submitted reel picked up the synced figures (matched by its URL) and now carries Phyllo's id.
    const reel = await database.prisma.creatorContent.findUniqueOrThrow({ where: { id: submitted.id } });
    expect(reel).toMatchObject({ externalId: '17900000000000001', views: 9_000n, likes: 700n, format: 'reel' });
    expect(await platformOf(creator.id, 'INSTAGRAM')).toMatchObject({ connection: 'CONNECTED', phylloAccountId: instagram.id, followers: 8_000 });
    const searchDocument = (await database.prisma.creator.findUniqueOrThrow({ where: { id: creator.id } })).searchDocument;
    expect(searchDocument).toContain('Amapiano footwork tutorial');

    // A day later the posts have grown; Phyllo says so.
    clock.now = new Date(clock.now.getTime() + DAY);
    tiktok.contents[0]!.engagement.view_count = 65_000;
    tiktok.followers = 121_500;
    const updated = await deliver(fake.webhook('CONTENTS.UPDATED', { account_id: tiktok.id, user_id: userId, items: [tiktok.contents[0]!.id] }));
    expect(updated.status).toBe(200);
    const grown = await database.prisma.creatorContent.findFirstOrThrow({ where: { creatorPlatformId: tiktokRow.id, externalId: '7301' }, include: { snapshots: { orderBy: { capturedAt: 'asc' } } } });
    expect(grown.views).toBe(65_000n);
    expect(grown.snapshots.map((snapshot) => [snapshot.capturedAt.toISOString(), snapshot.views])).toEqual([
      ['2026-12-10T10:00:00.000Z', 50_000n],
      ['2026-12-11T10:00:00.000Z', 65_000n],
    ]);
    const history = await database.prisma.creatorPlatformSnapshot.findMany({ where: { creatorPlatformId: tiktokRow.id }, orderBy: { capturedAt: 'asc' } });
    expect(history.map((snapshot) => snapshot.followers)).toEqual([120_000, 121_500]);
    expect(await database.prisma.audienceSlice.count({ where: { creatorPlatformId: tiktokRow.id } })).toBe(14);

    // The same sync twice leaves the same rows.
    const counts = async () => ({
      contents: await database.prisma.creatorContent.count({ where: { creatorId: creator.id } }),
      contentSnapshots: await database.prisma.creatorContentSnapshot.count({ where: { organizationId: org.id } }),
      platformSnapshots: await database.prisma.creatorPlatformSnapshot.count({ where: { organizationId: org.id } }),
      slices: await database.prisma.audienceSlice.count({ where: { organizationId: org.id } }),
    });
    const before = await counts();
    clock.now = new Date(clock.now.getTime() + 60_000);
    const direct = await owner.ok<SyncOutput>('sync_creator', { creator_id: creator.id, wait: true });
    expect(direct.status).toBe('synced');
    expect(direct.synced.map((platform) => [platform.network, platform.connection, platform.posts_synced])).toEqual([
      ['tiktok', 'connected', 2],
      ['instagram', 'connected', 1],
    ]);
    expect(await counts()).toEqual(before);

    // The creator disconnects TikTok in Phyllo.
    tiktok.status = 'NOT_CONNECTED';
    const gone = await deliver(fake.webhook('ACCOUNTS.DISCONNECTED', { account_id: tiktok.id, user_id: userId }));
    expect(gone.body).toMatchObject({ status: 'disconnected' });
    expect(await platformOf(creator.id, 'TIKTOK')).toMatchObject({ connection: 'DISCONNECTED', followers: 121_500 });
    // A later sync agrees with Phyllo and leaves the figures as they were.
    const resync = await owner.ok<SyncOutput>('sync_creator', { creator_id: creator.id, wait: true });
    expect(resync.synced.find((platform) => platform.network === 'tiktok')?.connection).toBe('disconnected');
  });

  it('a 429 from Phyllo is waited out (its retry-after) and retried; rejected credentials are said plainly', async () => {
    const creator = await makeCreator(org, 'rate.limited');
    const { phyllo_user_id: userId } = await owner.ok<ConnectOutput>('connect_creator_platform', { creator_id: creator.id });
    const account = fake.connect(userId, 'tiktok', 'rate.limited', { followers: 5_000 });
    fake.rateLimitNext('GET /v1/accounts', 7);
    fake.rateLimitNext('GET /v1/social/contents', 3);
    const synced = await owner.ok<SyncOutput>('sync_creator', { creator_id: creator.id, wait: true });
    expect(synced.synced).toMatchObject([{ network: 'tiktok', connection: 'connected', followers: 5_000 }]);
    expect(slept).toEqual([7_000, 3_000]);
    expect(fake.server.requestsTo('GET /v1/accounts').filter((request) => request.query.get('user_id') === userId)).toHaveLength(2);

    configure({ PHYLLO_CLIENT_SECRET: 'wrong-secret' });
    const refused = await owner.fails('sync_creator', { creator_id: creator.id, wait: true });
    expect(refused.code).toBe('unavailable');
    expect(refused.message).toContain('Phyllo rejected the credentials');
    expect(refused.message).toContain('PHYLLO_CLIENT_SECRET');
    expect(refused.message).not.toContain('wrong-secret');
  });

  it('one account failing at Phyllo marks that platform ERROR with its message; the other syncs; the job succeeds', async () => {
    const creator = await makeCreator(org, 'half.broken');
    const { phyllo_user_id: userId } = await owner.ok<ConnectOutput>('connect_creator_platform', { creator_id: creator.id });
    const good = fake.connect(userId, 'tiktok', 'half.broken', { followers: 40_000 });
    fake.addContent(good.id, { external_id: '8001', description: 'Works fine', published_at: '2026-12-09T10:00:00', engagement: { view_count: 1_000, like_count: 100, comment_count: 10, share_count: 0, save_count: 0 } });
    const broken = fake.connect(userId, 'instagram', 'half.broken.ig', { followers: 9_000 });
    broken.failing = true;
    await jobs.enqueue({ name: 'creators.sync', payload: { organizationId: org.id, creatorId: creator.id } });
    await jobs.drain();
    expect(await platformOf(creator.id, 'TIKTOK')).toMatchObject({ connection: 'CONNECTED', followers: 40_000, averageViews: 1_000 });
    const failed = await platformOf(creator.id, 'INSTAGRAM');
    expect(failed).toMatchObject({ connection: 'ERROR', phylloAccountId: broken.id, followers: null });
    expect(failed.connectionError).toContain('Something went wrong while fetching data from the platform');
    const run = await database.prisma.jobRun.findFirstOrThrow({ where: { organizationId: org.id, job: 'creators.sync' }, orderBy: { startedAt: 'desc' } });
    expect(run.status).toBe('SUCCEEDED');
    // Fixed at Phyllo: the next sync clears the error.
    broken.failing = false;
    const next = await owner.ok<SyncOutput>('sync_creator', { creator_id: creator.id, wait: true });
    expect(next.platforms.find((platform) => platform.network === 'instagram')).toMatchObject({ connection: 'connected', error: null });
  });

  it('the webhook refuses unsigned, badly signed and stale events, ignores a redelivery, and never reaches another organisation', async () => {
    const creator = await makeCreator(org, 'webhook.tester');
    const { phyllo_user_id: userId } = await owner.ok<ConnectOutput>('connect_creator_platform', { creator_id: creator.id });
    const account = fake.connect(userId, 'tiktok', 'webhook.tester');
    const data = { account_id: account.id, user_id: userId };

    const refusedIds: string[] = [];
    const refused = (delivery: ReturnType<FakePhyllo['webhook']>) => (refusedIds.push(delivery.id), delivery);
    const unsigned = await deliver(refused(fake.webhook('ACCOUNTS.CONNECTED', data, { secret: null })));
    expect(unsigned).toMatchObject({ status: 401, body: { error: { code: 'unsigned' } } });
    const forged = await deliver(refused(fake.webhook('ACCOUNTS.CONNECTED', data, { secret: 'someone-else' })));
    expect(forged).toMatchObject({ status: 401, body: { error: { code: 'bad_signature' } } });
    const tampered = refused(fake.webhook('ACCOUNTS.CONNECTED', data));
    expect(await deliver({ ...tampered, body: tampered.body.replace(account.id, 'another-account') })).toMatchObject({ status: 401, body: { error: { code: 'bad_signature' } } });
    const stale = await deliver(refused(fake.webhook('ACCOUNTS.CONNECTED', data, { at: new Date(Date.now() - 6 * 60_000) })));
    expect(stale).toMatchObject({ status: 401, body: { error: { code: 'stale' } } });
    expect((stale.body.error as { message: string }).message).toContain('more than 5 minutes');
    expect(await deliver({ body: 'not json', headers: { 'content-type': 'application/json', 'webhook-signature': signPhylloBody(FAKE_WEBHOOK_SECRET, 'not json') } })).toMatchObject({ status: 400, body: { error: { code: 'invalid_body' } } });
    expect(await database.prisma.creatorPlatform.count({ where: { creatorId: creator.id } })).toBe(0);
    expect(await database.prisma.webhookReceipt.count({ where: { eventId: { in: refusedIds } } })).toBe(0);

    const delivery = fake.webhook('ACCOUNTS.CONNECTED', data);
    expect(await deliver(delivery)).toMatchObject({ status: 200, body: { status: 'queued' } });
    expect(await deliver(delivery)).toEqual({ status: 200, body: { received: true, duplicate: true } });
    expect(await database.prisma.webhookReceipt.count({ where: { provider: 'phyllo', eventId: delivery.id } })).toBe(1);
    const webhookCalls = await database.prisma.toolCall.count({ where: { organizationId: org.id, tool: 'sync_creator', surface: 'HTTP', input: { path: ['creator_id'], equals: creator.id } } });
    expect(webhookCalls).toBe(1);
    expect(await platformOf(creator.id, 'TIKTOK')).toMatchObject({ connection: 'CONNECTED' });
    // Nobody but Phyllo's webhook may report a Phyllo event.
    const faked = await owner.fails('sync_creator', { creator_id: creator.id, event: 'ACCOUNTS.DISCONNECTED', phyllo_account_id: account.id });
    expect(faked).toMatchObject({ code: 'invalid_input', issues: [{ path: 'event' }] });
    expect(await platformOf(creator.id, 'TIKTOK')).toMatchObject({ connection: 'CONNECTED' });

    // A Phyllo user nobody here knows: acknowledged, nothing stored.
    expect(await deliver(fake.webhook('PROFILES.UPDATED', { account_id: 'nobody', user_id: 'nobody' }))).toMatchObject({ status: 200, body: { ignored: expect.any(String) } });

    // Organisation B sees none of it, and cannot reach A's creator through the tools.
    expect(await database.prisma.creatorPlatform.count({ where: { organizationId: other.id } })).toBe(0);
    const outsider = caller(runner, () => other.as('OWNER'));
    expect((await outsider.fails('sync_creator', { creator_id: creator.id })).code).toBe('not_found');
    expect((await outsider.fails('connect_creator_platform', { creator_id: creator.id })).code).toBe('not_found');
    const theirs = await makeCreator(other, 'webhook.tester');
    expect((await outsider.fails('sync_creator', { creator_id: theirs.id })).code).toBe('conflict');
  });

  it('the daily job syncs every connected creator once a day; without credentials the tools say which variables to set', async () => {
    const creator = await makeCreator(org, 'daily.sync');
    const { phyllo_user_id: userId } = await owner.ok<ConnectOutput>('connect_creator_platform', { creator_id: creator.id });
    const account = fake.connect(userId, 'tiktok', 'daily.sync', { followers: 1_234 });
    await owner.ok('sync_creator', { creator_id: creator.id, wait: true });
    account.followers = 1_300;
    clock.now = new Date(clock.now.getTime() + DAY);
    const day = clock.now.toISOString().slice(0, 10);
    await jobs.enqueue({ name: CREATOR_SYNC_DAILY_JOB, payload: { organizationId: org.id, date: day } });
    await jobs.enqueue({ name: CREATOR_SYNC_DAILY_JOB, payload: { organizationId: org.id, date: day } });
    await jobs.drain();
    expect(await platformOf(creator.id, 'TIKTOK')).toMatchObject({ followers: 1_300, lastSyncedAt: clock.now });
    const runs = await database.prisma.jobRun.findMany({ where: { organizationId: org.id, job: 'creators.sync', key: { endsWith: `${creator.id}.${day}` } } });
    expect(runs).toHaveLength(1);

    configurePhyllo(phylloSettingsFrom({}));
    const off = await owner.fails('connect_creator_platform', { creator_id: creator.id });
    expect(off.code).toBe('unavailable');
    expect(off.message).toContain('PHYLLO_CLIENT_ID and PHYLLO_CLIENT_SECRET');
    const noSecret = await deliver(fake.webhook('ACCOUNTS.CONNECTED', { account_id: account.id, user_id: userId }));
    expect(noSecret).toMatchObject({ status: 503, body: { error: { message: expect.stringContaining('PHYLLO_WEBHOOK_SECRET') } } });
  });

  it('find_tools finds the Phyllo tools by plain words', async () => {
    const find = async (query: string) => (await owner.ok<{ tools: Array<{ name: string }> }>('find_tools', { query })).tools.map((tool) => tool.name);
    expect(await find('refresh a creator follower numbers')).toContain('sync_creator');
    expect(await find('link a creator instagram account')).toContain('connect_creator_platform');
    expect(await find('phyllo')).toEqual(expect.arrayContaining(['sync_creator', 'connect_creator_platform']));
  });
});
