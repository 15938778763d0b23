import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openPublishingWorld, TEST_KEY, type PublishingWorld } from '../../../jobs/publishing/testing/publishing-world.ts';
import { REFRESH_TOKENS_JOB, refreshHour } from '../../../jobs/publishing/refresh-tokens-job.ts';
import { createTokenCipher } from '../../common/secrets/token-cipher.ts';
import { ALL_TOOLS, createCatalogue } from '../../index.ts';
import type { Logger } from '../../registry/context.ts';
import { ToolRunner } from '../../registry/runner.ts';
import { publishingBaseUrls, type SocialPlatform } from '../connectors/index.ts';
import { testDeps } from '../connectors/testing/connector-test-kit.ts';
import { startFakeSocialServer, type FakeSocialServer } from '../connectors/testing/fake-social-server.ts';
import { FAKE_APPS, fakeTokenRefresh, type FakeTokenState } from '../connectors/testing/fake-token-refresh.ts';
import { fakeX, type FakeXState } from '../connectors/testing/fake-x.ts';
import { createTokenRefreshClients } from '../connectors/token-refresh-clients.ts';
import type { TokenRefreshSettings } from '../connectors/token-refresh.ts';
import { createXClient } from '../connectors/x.ts';
import { configureContentServices, contentServices } from './content-services.ts';
import { configureTokenRefreshClients } from './refresh-social-tokens.ts';

/** The first access token the token fake issues: the X fake accepts it, so a post goes out only once renewed. */
const RENEWED_X_TOKEN = 'x-fresh-access-1-abcdefgh';
const X_ACCESS = 'x-access-about-to-lapse-0123456789';
const X_REFRESH = 'x-refresh-original-0123456789';
const GOOGLE_ACCESS = 'ya29.google-access-0123456789';
const GOOGLE_REFRESH = '1//google-refresh-0123456789';
const SECRETS = [X_ACCESS, X_REFRESH, GOOGLE_ACCESS, GOOGLE_REFRESH, RENEWED_X_TOKEN, 'x-rotated-refresh', 'youtube-fresh-access', ...Object.values(FAKE_APPS).map((app) => app.secret)];

let world: PublishingWorld;
let fake: FakeSocialServer;
let tokens: FakeTokenState;
let x: FakeXState;
let logged: string[];
let runner: ToolRunner;

function configureRefresh(credentials: TokenRefreshSettings['credentials']) {
  const urls = Object.fromEntries(Object.keys(publishingBaseUrls({})).map((platform) => [platform, fake.url])) as Record<SocialPlatform, string>;
  configureTokenRefreshClients(createTokenRefreshClients({ urls, credentials }, testDeps()));
}

beforeEach(async () => {
  world = await openPublishingWorld(`tok-${Math.random().toString(36).slice(2, 8)}`);
  const api = fakeTokenRefresh();
  const xApi = fakeX(RENEWED_X_TOKEN);
  tokens = api.state;
  x = xApi.state;
  fake = await startFakeSocialServer([api.route, xApi.route]);
  configureRefresh(FAKE_APPS);
  configureContentServices({ ...contentServices(), publishing: { ...contentServices().publishing, x: createXClient({ baseUrl: fake.url, deps: testDeps() }) } });
  logged = [];
  const log: Logger = { info: (...args) => void logged.push(JSON.stringify(args)), warn: (...args) => void logged.push(JSON.stringify(args)), error: (...args) => void logged.push(JSON.stringify(args)) };
  runner = new ToolRunner({ prisma: world.database.prisma, catalogue: createCatalogue(ALL_TOOLS), jobs: world.jobs, now: () => world.clock.now, log });
});
afterEach(async () => {
  await fake.close();
  await world.close();
});

const hoursFromNow = (hours: number) => new Date(world.clock.now.getTime() + hours * 3_600_000).toISOString();
const account = (id: string) => world.database.prisma.socialAccount.findUniqueOrThrow({ where: { id } });
const open = (sealed: string | null, id: string, which: 'access' | 'refresh') => createTokenCipher(TEST_KEY).decrypt(sealed!, `social_account:${id}:${which}`);

async function connect(platform: SocialPlatform, access: string, refresh: string | undefined, expiresAt: string, externalId = `${platform}-1`) {
  const connected = await world.owner.ok<{ social_account_id: string }>('connect_social_account', {
    platform,
    external_account_id: externalId,
    display_name: `Northside on ${platform}`,
    access_token: access,
    ...(refresh ? { refresh_token: refresh } : {}),
    token_expires_at: expiresAt,
  });
  if (refresh) tokens.refreshTokens.set(refresh, platform);
  return connected.social_account_id;
}

interface RefreshOutput {
  accounts: Array<{ social_account_id: string; outcome: string; reason: string | null; token_expires_at: string | null }>;
  refreshed: number;
  failed: number;
}

async function refresh(input: Record<string, unknown> = {}): Promise<RefreshOutput> {
  const result = await runner.call('refresh_social_tokens', input, world.org.as('OWNER', { surface: 'CLI' }));
  if (!result.ok) throw new Error(`refresh_social_tokens failed: ${result.error.message}`);
  return result.output as RefreshOutput;
}

async function expectNoTokenAnywhere(...outputs: unknown[]) {
  const audit = await world.database.prisma.toolCall.findMany({ where: { organizationId: world.org.id } });
  const everything = JSON.stringify([outputs, audit, logged]);
  for (const secret of SECRETS) expect(everything).not.toContain(secret);
}

describe('refresh_social_tokens', () => {
  it('renews tokens expiring within 24 hours, sealed with their new expiry, and leaves the rest', async () => {
    const soon = await connect('youtube', GOOGLE_ACCESS, GOOGLE_REFRESH, hoursFromNow(3));
    const later = await connect('youtube', 'ya29.later-access-0123456789', '1//later-refresh-0123456789', hoursFromNow(48), 'youtube-2');
    const output = await refresh();
    expect(output.accounts).toEqual([{ social_account_id: soon, platform: 'YouTube', account: 'Northside on youtube', outcome: 'refreshed', reason: null, token_expires_at: new Date(world.clock.now.getTime() + 3_599_000).toISOString() }]);
    const row = await account(soon);
    expect(row.accessTokenEncrypted).not.toContain('youtube-fresh-access');
    expect(open(row.accessTokenEncrypted, soon, 'access')).toBe(tokens.issued[0]!.accessToken);
    // Google does not rotate: the refresh token stays as it was.
    expect(open(row.refreshTokenEncrypted, soon, 'refresh')).toBe(GOOGLE_REFRESH);
    expect(row.tokenExpiresAt).toEqual(new Date(world.clock.now.getTime() + 3_599_000));
    expect(row).toMatchObject({ status: 'CONNECTED', lastError: null });
    expect(open((await account(later)).accessTokenEncrypted, later, 'access')).toBe('ya29.later-access-0123456789');
    await expectNoTokenAnywhere(output);
  });

  it('stores X’s rotated refresh token in place of the spent one', async () => {
    const id = await connect('x', X_ACCESS, X_REFRESH, hoursFromNow(1));
    await refresh();
    const row = await account(id);
    const rotated = tokens.issued[0]!.refreshToken!;
    expect(open(row.refreshTokenEncrypted, id, 'refresh')).toBe(rotated);
    expect(open(row.accessTokenEncrypted, id, 'access')).toBe(RENEWED_X_TOKEN);
    // The next renewal uses the rotated token, which the platform accepts.
    const again = await refresh({ social_account_id: id });
    expect(again.accounts[0]!.outcome).toBe('refreshed');
    expect(fake.requestsTo('POST /2/oauth2/token').map((request) => request.form!.get('refresh_token'))).toEqual([X_REFRESH, rotated]);
  });

  it('marks an account whose grant was revoked REVOKED, with the reason in words and no token', async () => {
    const id = await connect('youtube', GOOGLE_ACCESS, GOOGLE_REFRESH, hoursFromNow(2));
    tokens.refreshTokens.delete(GOOGLE_REFRESH);
    const output = await refresh();
    expect(output).toMatchObject({ refreshed: 0, failed: 1, accounts: [{ outcome: 'failed', reason: expect.stringContaining('Token has been expired or revoked.') }] });
    const row = await account(id);
    expect(row.status).toBe('REVOKED');
    expect(row.lastError).toBe("YouTube refused to renew the account's access (invalid_grant: Token has been expired or revoked.): it was revoked or has lapsed, so connect the account again.");
    const listed = await world.owner.ok<{ accounts: Array<{ status: string }> }>('list_social_accounts', {});
    expect(listed.accounts[0]!.status).toBe('revoked');
    // A revoked account is left alone by later runs.
    expect((await refresh()).accounts).toEqual([]);
    await expectNoTokenAnywhere(output, row);
  });

  it('explains missing app credentials by variable name and leaves the account as it was', async () => {
    configureRefresh({});
    const id = await connect('tiktok', 'act.tiktok-access-0123456789', 'rft.tiktok-refresh-0123456789', hoursFromNow(5));
    const output = await refresh();
    expect(output.accounts[0]).toMatchObject({ outcome: 'failed', reason: "TikTok tokens cannot be renewed: set TIKTOK_CLIENT_KEY and TIKTOK_CLIENT_SECRET (the app's OAuth credentials) and restart." });
    expect((await account(id)).status).toBe('CONNECTED');
    expect(fake.requests).toHaveLength(0);
  });

  it('says Facebook Page tokens need no renewal, and refuses an unknown account', async () => {
    const id = await connect('facebook', 'EAAB-page-token-0123456789', undefined, hoursFromNow(1));
    expect((await refresh()).accounts).toEqual([]);
    expect((await refresh({ social_account_id: id })).accounts[0]).toMatchObject({ outcome: 'not_needed', reason: expect.stringContaining('do not expire') });
    const missing = await runner.call('refresh_social_tokens', { social_account_id: '00000000-0000-7000-8000-000000000000' }, world.org.as('OWNER'));
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('runs hourly as content.tokens.refresh for each organisation', async () => {
    const id = await connect('snapchat', 'snap-access-0123456789', 'snap-refresh-0123456789', hoursFromNow(20));
    await world.jobs.enqueue({ name: REFRESH_TOKENS_JOB, payload: { organizationId: world.org.id, hour: refreshHour(world.clock.now) } });
    await world.jobs.drain();
    const row = await account(id);
    expect(open(row.accessTokenEncrypted, id, 'access')).toMatch(/^snapchat-fresh-access/);
    expect(open(row.refreshTokenEncrypted, id, 'refresh')).toMatch(/^snapchat-rotated-refresh/);
    expect(await world.database.prisma.jobRun.count({ where: { organizationId: world.org.id, job: REFRESH_TOKENS_JOB } })).toBe(1);
  });

  it('is not offered to the agent or chat surfaces', async () => {
    const viaAgent = await world.runner.call('refresh_social_tokens', {}, world.org.as('OWNER', { surface: 'AGENT' }));
    expect(viaAgent).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});

describe('publishing with a token about to lapse', () => {
  async function approvedXPost(accountId: string) {
    const post = await world.owner.ok<{ post_id: string }>('create_post', { platform: 'x', social_account_id: accountId, caption: 'Lowtide is out now', scheduled_at: '2026-12-10T12:00:00Z' });
    const pending = await world.owner.ok<{ approval_id: string }>('schedule_post', { post_id: post.post_id });
    await world.approve(pending.approval_id);
    return post.post_id;
  }

  it('renews a token expiring within 10 minutes first, then publishes with the new one', async () => {
    const id = await connect('x', X_ACCESS, X_REFRESH, '2026-12-10T12:05:00Z');
    const postId = await approvedXPost(id);
    world.clock.now = new Date('2026-12-10T12:00:30Z');
    await world.sweep();
    expect(await world.database.prisma.scheduledPost.findUniqueOrThrow({ where: { id: postId } })).toMatchObject({ status: 'PUBLISHED', error: null });
    expect(x.posts.map((post) => post.text)).toEqual(['Lowtide is out now']);
    expect(fake.requestsTo('POST /2/tweets')[0]!.headers.authorization).toBe(`Bearer ${RENEWED_X_TOKEN}`);
    const row = await account(id);
    expect(open(row.refreshTokenEncrypted, id, 'refresh')).toBe(tokens.issued[0]!.refreshToken);
    expect(row.tokenExpiresAt).toEqual(new Date('2026-12-10T14:00:30Z'));
  });

  it('fails the post with the reason when the platform revoked the grant, and marks the account revoked', async () => {
    const id = await connect('x', X_ACCESS, X_REFRESH, '2026-12-10T11:59:00Z');
    const postId = await approvedXPost(id);
    tokens.refreshTokens.delete(X_REFRESH);
    world.clock.now = new Date('2026-12-10T12:00:30Z');
    await world.sweep();
    const post = await world.database.prisma.scheduledPost.findUniqueOrThrow({ where: { id: postId } });
    expect(post.status).toBe('FAILED');
    expect(post.error).toContain('X refused to renew the account');
    expect((await account(id)).status).toBe('REVOKED');
    expect(x.posts).toHaveLength(0);
    expect(JSON.stringify(post)).not.toContain(X_REFRESH);
  });

  it('publishes with the old token while it still works when the renewal is only unavailable', async () => {
    const id = await connect('x', RENEWED_X_TOKEN, X_REFRESH, '2026-12-10T12:08:00Z');
    const postId = await approvedXPost(id);
    const down = { status: 503, body: { error: 'temporarily_unavailable' } };
    fake.scriptNext('POST /2/oauth2/token', down, down, down, down);
    world.clock.now = new Date('2026-12-10T12:00:30Z');
    await world.sweep();
    expect((await world.database.prisma.scheduledPost.findUniqueOrThrow({ where: { id: postId } })).status).toBe('PUBLISHED');
    expect((await account(id)).status).toBe('CONNECTED');
  });
});
