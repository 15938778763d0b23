import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPublishingWorld, INSTAGRAM_TOKEN, TEST_KEY, type PublishingWorld } from '../../../jobs/publishing/testing/publishing-world.ts';
import { createTokenCipher } from '../../common/secrets/token-cipher.ts';
import { configureContentServices, contentServices } from './content-services.ts';

/** The calendar tools themselves; the publishing path is tested in jobs/publishing. */
describe('content calendar tools', () => {
  let world: PublishingWorld;
  let accountId: string;

  beforeAll(async () => {
    world = await openPublishingWorld('calendar');
    const account = await world.owner.ok<{ social_account_id: string }>('connect_social_account', {
      platform: 'instagram',
      external_account_id: '17841400000000001',
      display_name: 'Northside on Instagram',
      access_token: INSTAGRAM_TOKEN,
      refresh_token: 'IGQVJ-refresh-token-abcdefghijkl',
      token_expires_at: '2027-02-01T00:00:00Z',
    });
    accountId = account.social_account_id;
  });
  afterAll(() => world.close());

  it('connects an account with its tokens sealed, and never returns them', async () => {
    const accounts = await world.owner.ok<{ accounts: Array<Record<string, unknown>> }>('list_social_accounts', {});
    expect(accounts.accounts).toEqual([
      expect.objectContaining({ social_account_id: accountId, platform: 'instagram', display_name: 'Northside on Instagram', status: 'connected', has_refresh_token: true, token_expires_at: '2027-02-01T00:00:00.000Z' }),
    ]);
    expect(JSON.stringify(accounts)).not.toContain('IGQVJ');
    const row = await world.database.prisma.socialAccount.findUniqueOrThrow({ where: { id: accountId } });
    expect(row.accessTokenEncrypted).not.toContain(INSTAGRAM_TOKEN);
    expect(createTokenCipher(TEST_KEY).decrypt(row.accessTokenEncrypted, `social_account:${accountId}:access`)).toBe(INSTAGRAM_TOKEN);
    // Sealed for its row and its purpose: the access token does not open as the refresh token.
    expect(() => createTokenCipher(TEST_KEY).decrypt(row.accessTokenEncrypted, `social_account:${accountId}:refresh`)).toThrow(/integrity check/);
  });

  it('refuses to store a token without CRESCENDO_ENCRYPTION_KEY, saying how to set it', async () => {
    const configured = contentServices();
    configureContentServices({ ...configured, cipher: createTokenCipher(undefined) });
    try {
      const refused = await world.owner.fails('connect_social_account', { platform: 'x', external_account_id: '2244994945', display_name: 'Northside on X', access_token: 'x-token-never-stored-123' });
      expect(refused.code).toBe('unavailable');
      expect(refused.message).toMatch(/CRESCENDO_ENCRYPTION_KEY is not set.*openssl rand -base64 32/);
      expect(refused.message).not.toContain('x-token-never-stored-123');
      expect(await world.database.prisma.socialAccount.count({ where: { platform: 'X' } })).toBe(0);
    } finally {
      configureContentServices(configured);
    }
  });

  it('is not offered to the agent, Slack or MCP clients, where a token would stay in a transcript', async () => {
    const viaAgent = await world.runner.call('connect_social_account', { platform: 'x', external_account_id: '1', display_name: 'X', access_token: 'x-token-through-chat' }, world.org.as('OWNER', { surface: 'AGENT' }));
    expect(viaAgent).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('creates drafts, checks the account is on the post’s platform, and reads local times in the given zone', async () => {
    const post = await world.owner.ok<Record<string, unknown>>('create_post', { platform: 'instagram', social_account_id: accountId, caption: 'Out Friday', hashtags: ['#newmusic'], scheduled_at: '2026-12-11T18:00', time_zone: 'America/New_York' });
    expect(post).toMatchObject({ status: 'draft', hashtags: ['newmusic'], scheduled_at: '2026-12-11T23:00:00.000Z', local_time: 'Fri, 11 Dec 2026, 18:00 (America/New_York)', content_version: 1, approved_version: null });
    const mismatch = await world.owner.fails('create_post', { platform: 'tiktok', social_account_id: accountId, caption: 'Wrong account' });
    expect(mismatch).toMatchObject({ code: 'invalid_input' });
    expect(mismatch.message).toContain('is an account on Instagram; this post is for TikTok');
    expect(await world.owner.fails('create_post', { platform: 'x', caption: '  ' })).toMatchObject({ code: 'invalid_input' });
  });

  it('lists the calendar between two days by time, filtered by platform and status, with the drafts that have no time beside it', async () => {
    await world.owner.ok('create_post', { platform: 'instagram', social_account_id: accountId, caption: 'Mon', scheduled_at: '2026-12-14T09:00:00Z' });
    await world.owner.ok('create_post', { platform: 'instagram', social_account_id: accountId, caption: 'Sun', scheduled_at: '2026-12-13T09:00:00Z' });
    await world.owner.ok('create_post', { platform: 'facebook', caption: 'Facebook on Sunday', scheduled_at: '2026-12-13T10:00:00Z' });
    await world.owner.ok('create_post', { platform: 'instagram', social_account_id: accountId, caption: 'Someday' });
    const week = await world.owner.ok<{ posts: Array<{ caption: string }>; unscheduled: number; unscheduled_posts: Array<{ caption: string; scheduled_at: string | null }> }>('list_posts', { from: '2026-12-13', to: '2026-12-14', platform: 'instagram' });
    expect(week.posts.map((post) => post.caption)).toEqual(['Sun', 'Mon']);
    expect(week.unscheduled).toBe(1);
    expect(week.unscheduled_posts).toMatchObject([{ caption: 'Someday', scheduled_at: null }]);
    const paged = await world.owner.ok<{ posts: Array<{ caption: string }>; next_cursor: string | null }>('list_posts', { from: '2026-12-01', to: '2026-12-31', limit: 2 });
    const rest = await world.owner.ok<{ posts: Array<{ caption: string }>; next_cursor: string | null }>('list_posts', { from: '2026-12-01', to: '2026-12-31', limit: 2, cursor: paged.next_cursor! });
    expect([...paged.posts, ...rest.posts].map((post) => post.caption)).toEqual(['Out Friday', 'Sun', 'Facebook on Sunday', 'Mon']);
    const drafts = await world.owner.ok<{ posts: unknown[] }>('list_posts', { from: '2026-12-01', to: '2026-12-31', status: 'scheduled' });
    expect(drafts.posts).toEqual([]);
  });

  it('cancels a post so it never publishes, even when its pending request is approved afterwards, and does not move it', async () => {
    const post = await world.owner.ok<{ post_id: string }>('create_post', { platform: 'instagram', social_account_id: accountId, caption: 'Cancel me', scheduled_at: '2026-12-10T11:00:00Z' });
    const pending = await world.owner.ok<{ approval_id: string }>('schedule_post', { post_id: post.post_id });
    expect(await world.owner.ok('cancel_post', { post_id: post.post_id })).toMatchObject({ status: 'cancelled' });
    await world.approve(pending.approval_id);
    world.clock.now = new Date('2026-12-10T11:30:00Z');
    await world.sweep();
    expect(world.graph.published).toHaveLength(0);
    expect((await world.database.prisma.approvalRequest.findUniqueOrThrow({ where: { id: pending.approval_id } })).error).toContain('cancelled');
    expect(await world.owner.fails('reschedule_post', { post_id: post.post_id, scheduled_at: '2026-12-12T09:00' })).toMatchObject({ code: 'conflict' });
  });

  it('a rejected request sends its post back to draft with the approver\'s reason; scheduling again files a new request', async () => {
    const post = await world.owner.ok<{ post_id: string }>('create_post', { platform: 'instagram', social_account_id: accountId, caption: 'Not yet', scheduled_at: '2026-12-14T11:00:00Z' });
    const pending = await world.owner.ok<{ approval_id: string }>('schedule_post', { post_id: post.post_id });
    await world.approver.ok('decide_approval', { approval_id: pending.approval_id, decision: 'reject', comment: 'Wait for the video' });
    const row = await world.database.prisma.scheduledPost.findUniqueOrThrow({ where: { id: post.post_id } });
    expect(row).toMatchObject({ status: 'DRAFT', error: 'Approval rejected: Wait for the video. Edit it and schedule it again.' });
    const again = await world.owner.ok<{ approval_id: string }>('schedule_post', { post_id: post.post_id });
    expect(again.approval_id).not.toBe(pending.approval_id);
    expect((await world.database.prisma.scheduledPost.findUniqueOrThrow({ where: { id: post.post_id } })).status).toBe('PENDING_APPROVAL');
  });

  it('get_post reads one post in full (an X thread, media with alt text) and writes nothing', async () => {
    const post = await world.owner.ok<{ post_id: string }>('create_post', {
      platform: 'x', thread: ['Lowtide is out', 'Listen: https://smart.link/lowtide'], media: [{ url: 'https://cdn.example/cover.jpg', kind: 'image', alt_text: 'The cover' }],
    });
    const audits = () => world.database.prisma.toolCall.count({ where: { tool: 'update_post' } });
    const before = await audits();
    expect(await world.owner.ok('get_post', { post_id: post.post_id })).toMatchObject({
      post_id: post.post_id, platform: 'x', status: 'draft', thread: ['Lowtide is out', 'Listen: https://smart.link/lowtide'],
      media: [{ url: 'https://cdn.example/cover.jpg', kind: 'image', alt_text: 'The cover' }], media_count: 1, content_version: 1,
    });
    expect(await audits()).toBe(before);
    expect(await world.owner.fails('get_post', { post_id: '01a20000-0000-7000-8000-000000000000' })).toMatchObject({ code: 'not_found' });
  });

  it('refuses to file an approval for a post without an account or a time', async () => {
    const noAccount = await world.owner.ok<{ post_id: string }>('create_post', { platform: 'facebook', caption: 'No account', scheduled_at: '2026-12-20T10:00:00Z' });
    expect(await world.owner.fails('schedule_post', { post_id: noAccount.post_id })).toMatchObject({ code: 'invalid_input' });
    const noTime = await world.owner.ok<{ post_id: string }>('create_post', { platform: 'instagram', social_account_id: accountId, caption: 'No time' });
    expect(await world.owner.fails('schedule_post', { post_id: noTime.post_id })).toMatchObject({ code: 'conflict' });
    expect(await world.database.prisma.approvalRequest.count({ where: { payload: { path: ['post_id'], equals: noTime.post_id } } })).toBe(0);
  });

  it("suggests the calendar's empty days at each platform's best hours, leaving covered days alone", async () => {
    world.clock.now = new Date('2026-12-10T11:30:00Z');
    const suggestions = await world.owner.ok<{ suggestions: Array<{ platform: string; scheduled_at: string }>; days_already_covered: number; basis: string }>('post_suggestions', { platforms: ['instagram'], from: '2026-12-13', days: 3 });
    // 13 and 14 December have Instagram posts (from the calendar test); only the 15th is open.
    expect(suggestions.days_already_covered).toBe(2);
    expect(suggestions.suggestions).toHaveLength(1);
    expect(suggestions.suggestions[0]!.scheduled_at.slice(0, 10)).toBe('2026-12-15');
    expect(suggestions.basis).toContain('instagram: 0 published posts');
  });
});
