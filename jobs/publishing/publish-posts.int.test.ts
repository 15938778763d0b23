import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { graphError, GRAPH_VERSION_PATH } from '../../tools/content/connectors/testing/fake-graph-api.ts';
import { PUBLISH_POST_JOB, publishJobPayload } from '../../tools/content/posts/index.ts';
import { INSTAGRAM_TOKEN, openPublishingWorld, X_TOKEN, type PublishingWorld } from './testing/publishing-world.ts';

const IG_ACCOUNT = '17841400000000001';
const at = (iso: string) => new Date(iso);

let world: PublishingWorld;
let accountId: string;
beforeEach(async () => {
  world = await openPublishingWorld(`pub-${Math.random().toString(36).slice(2, 8)}`);
  const account = await world.owner.ok<{ social_account_id: string }>('connect_social_account', { platform: 'instagram', external_account_id: IG_ACCOUNT, display_name: 'Northside on Instagram', access_token: INSTAGRAM_TOKEN });
  accountId = account.social_account_id;
});
afterEach(() => world.close());

async function draft(caption = 'Lowtide is out now', scheduled_at = '2026-12-10T12:00:00Z') {
  const post = await world.owner.ok<{ post_id: string }>('create_post', {
    platform: 'instagram',
    social_account_id: accountId,
    caption,
    hashtags: ['newmusic'],
    media: [{ url: 'https://cdn.example/cover.jpg', kind: 'image', alt_text: 'The cover' }],
    scheduled_at,
  });
  return post.post_id;
}

async function scheduleAndApprove(postId: string) {
  const pending = await world.owner.ok<{ approval_id: string; preview: string }>('schedule_post', { post_id: postId });
  await world.approve(pending.approval_id);
  return pending;
}

const postRow = (id: string) => world.database.prisma.scheduledPost.findUniqueOrThrow({ where: { id } });
const directMessages = () => world.notifier.sent.filter((sent) => sent.kind === 'direct');

describe('publishing approved posts', () => {
  it('shows the approver the post as it will appear, with its time, and publishes it once at that time', async () => {
    const postId = await draft();
    const pending = await world.owner.ok<{ approval_id: string; preview: string }>('schedule_post', { post_id: postId });
    expect(pending.preview).toContain('Publish on Instagram as Northside on Instagram (post), Thu, 10 Dec 2026, 12:00 (UTC):');
    expect(pending.preview).toContain('Lowtide is out now\n\n#newmusic');
    expect(pending.preview).toContain('Image: https://cdn.example/cover.jpg (alt: The cover)');
    expect((await postRow(postId)).status).toBe('PENDING_APPROVAL');

    await world.approve(pending.approval_id);
    expect(await postRow(postId)).toMatchObject({ status: 'SCHEDULED', approvalRequestId: pending.approval_id, approvedVersion: 1 });
    world.clock.now = at('2026-12-10T11:59:00Z');
    await world.sweep();
    expect(world.graph.published).toHaveLength(0);

    world.clock.now = at('2026-12-10T12:00:20Z');
    await world.sweep();
    world.clock.now = at('2026-12-10T12:01:00Z');
    await world.sweep();
    expect(world.graph.published).toHaveLength(1);
    expect(world.graph.published[0]!.fields).toEqual({ image_url: 'https://cdn.example/cover.jpg', caption: 'Lowtide is out now\n\n#newmusic' });
    const published = await postRow(postId);
    expect(published).toMatchObject({ status: 'PUBLISHED', externalPostId: world.graph.published[0]!.mediaId, publishedAt: at('2026-12-10T12:00:20Z') });
    expect(published.externalUrl).toMatch(/^https:\/\/www\.instagram\.com\/p\//);
    expect(directMessages()).toHaveLength(1);
    expect(directMessages()[0]).toMatchObject({ email: `owner@${world.org.slug}.test`, message: { title: 'Posted on Instagram as Northside on Instagram', link: published.externalUrl } });
  });

  it('records a sweep in list_jobs only when it handed something out (three sweeps, one recorded)', async () => {
    const sweeps = () => world.database.prisma.jobRun.count({ where: { organizationId: world.org.id, job: 'content.publish.sweep' } });
    const before = await sweeps();
    const postId = await draft('Sweep me', '2026-12-10T14:00:00Z');
    await scheduleAndApprove(postId);
    world.clock.now = at('2026-12-10T13:59:00Z');
    await world.sweep();
    world.clock.now = at('2026-12-10T14:00:30Z');
    await world.sweep();
    world.clock.now = at('2026-12-10T14:01:30Z');
    await world.sweep();
    expect((await postRow(postId)).status).toBe('PUBLISHED');
    expect(await sweeps()).toBe(before + 1);
  });

  it('publishes once when the publish job is delivered twice, together or later, and when the approval is executed again', async () => {
    const postId = await draft();
    const { approval_id } = await scheduleAndApprove(postId);
    world.clock.now = at('2026-12-10T12:00:00Z');
    const payload = publishJobPayload(world.org.id, postId, approval_id, 0, at('2026-12-10T12:00:00Z'));
    // Different keys, so the queue does not drop the copies: only the row's claim stands between them and a second post.
    await Promise.all([
      world.jobs.enqueue({ name: PUBLISH_POST_JOB, payload, key: 'copy-1' }),
      world.jobs.enqueue({ name: PUBLISH_POST_JOB, payload, key: 'copy-2' }),
      world.jobs.enqueue({ name: PUBLISH_POST_JOB, payload, key: 'copy-3' }),
    ]);
    await world.jobs.drain();
    await world.jobs.enqueue({ name: PUBLISH_POST_JOB, payload, key: 'copy-4' });
    await world.sweep();
    const { executeApproval } = await import('../../tools/approvals/execute-approval.ts');
    expect(await executeApproval(world.database.prisma, world.runner, approval_id, world.org.id)).toMatchObject({ status: 'skipped' });
    await world.jobs.drain();
    expect(world.graph.published).toHaveLength(1);
    expect(directMessages()).toHaveLength(1);
  });

  it('publishes once when the same post is approved twice (publish_now, then a schedule_post request approved late)', async () => {
    const postId = await draft();
    const scheduled = await world.owner.ok<{ approval_id: string }>('schedule_post', { post_id: postId });
    const now = await world.owner.ok<{ approval_id: string }>('publish_now', { post_id: postId });
    await world.approve(now.approval_id);
    expect(world.graph.published).toHaveLength(1);
    await world.approve(scheduled.approval_id);
    world.clock.now = at('2026-12-10T12:05:00Z');
    await world.sweep();
    expect(world.graph.published).toHaveLength(1);
    const late = await world.database.prisma.approvalRequest.findUniqueOrThrow({ where: { id: scheduled.approval_id } });
    expect(late.status).toBe('FAILED');
    expect(late.error).toContain('already published');
  });

  it('sends an edited post back to pending approval, files a new request, and does not publish the old approval', async () => {
    const postId = await draft();
    const first = await scheduleAndApprove(postId);
    const edited = await world.owner.ok<{ status: string; approval_id: string | null; content_version: number; approval: { approval_id: string } | null }>('update_post', { post_id: postId, caption: 'Lowtide: out everywhere now' });
    expect(edited).toMatchObject({ status: 'pending_approval', approval_id: null, content_version: 2 });
    expect(edited.approval?.approval_id).toBeTruthy();
    expect(edited.approval!.approval_id).not.toBe(first.approval_id);
    world.clock.now = at('2026-12-10T12:01:00Z');
    await world.sweep();
    // The first approval's job cannot claim it either.
    await world.jobs.enqueue({ name: PUBLISH_POST_JOB, payload: publishJobPayload(world.org.id, postId, first.approval_id, 0, at('2026-12-10T12:00:00Z')), key: 'old-approval' });
    await world.jobs.drain();
    expect(world.graph.published).toHaveLength(0);

    await world.approve(edited.approval!.approval_id);
    await world.sweep();
    expect(world.graph.published.map((entry) => entry.fields.caption)).toEqual(['Lowtide: out everywhere now\n\n#newmusic']);
    expect(await postRow(postId)).toMatchObject({ status: 'PUBLISHED', approvedVersion: 2 });
  });

  it('does not execute a pending request whose post was edited after it was filed: it returns to pending with the change', async () => {
    const postId = await draft();
    const pending = await world.owner.ok<{ approval_id: string }>('schedule_post', { post_id: postId });
    await world.owner.ok('update_post', { post_id: postId, caption: 'Something else' });
    await world.approve(pending.approval_id);
    const request = await world.database.prisma.approvalRequest.findUniqueOrThrow({ where: { id: pending.approval_id } });
    expect(request.status).toBe('PENDING');
    expect(request.changeNote).toContain('Content version: 1 → 2');
    expect((await postRow(postId)).status).toBe('PENDING_APPROVAL');
  });

  it('moves an approved post without a new approval, and publishes it at the new time', async () => {
    const postId = await draft();
    const { approval_id } = await scheduleAndApprove(postId);
    const requestsBefore = await world.database.prisma.approvalRequest.count();
    const moved = await world.owner.ok<{ status: string; approval_id: string; approval_kept: boolean; local_time: string }>('reschedule_post', { post_id: postId, scheduled_at: '2026-12-10T20:00', time_zone: 'Europe/Paris' });
    expect(moved).toMatchObject({ status: 'scheduled', approval_id, approval_kept: true, local_time: 'Thu, 10 Dec 2026, 20:00 (Europe/Paris)' });
    expect(await world.database.prisma.approvalRequest.count()).toBe(requestsBefore);
    world.clock.now = at('2026-12-10T12:30:00Z');
    await world.sweep();
    expect(world.graph.published).toHaveLength(0);
    world.clock.now = at('2026-12-10T19:00:00Z');
    await world.sweep();
    expect(world.graph.published).toHaveLength(1);
  });

  it("marks a refused post failed with the platform's message and tells the requester in Slack", async () => {
    const postId = await draft('x'.repeat(2190));
    const now = await world.owner.ok<{ approval_id: string }>('publish_now', { post_id: postId });
    await world.approve(now.approval_id);
    const failed = await postRow(postId);
    expect(failed.status).toBe('FAILED');
    expect(failed.error).toContain('The caption can be at most 2,200 characters.');
    expect(directMessages()).toHaveLength(1);
    expect(directMessages()[0]).toMatchObject({ email: `owner@${world.org.slug}.test`, message: { title: 'Post not published on Instagram as Northside on Instagram' } });
    expect(JSON.stringify(directMessages()[0])).toContain('The caption can be at most 2,200 characters.');
  });

  it('retries a platform outage later with back-off, resuming from its checkpoint, and publishes once', async () => {
    const postId = await draft();
    const down = { status: 503, body: graphError(2, 'Service temporarily unavailable', { is_transient: true }) };
    world.fake.scriptNext(`POST ${GRAPH_VERSION_PATH}/${IG_ACCOUNT}/media_publish`, down, down, down, down);
    const now = await world.owner.ok<{ approval_id: string }>('publish_now', { post_id: postId });
    await world.approve(now.approval_id);
    const waiting = await postRow(postId);
    expect(waiting).toMatchObject({ status: 'SCHEDULED', publishAttempts: 1, nextAttemptAt: at('2026-12-10T10:01:00Z') });
    expect(waiting.error).toContain('Instagram is not available right now');
    expect(directMessages()).toHaveLength(0);
    await world.sweep();
    expect(world.graph.published).toHaveLength(0);
    world.clock.now = at('2026-12-10T10:01:00Z');
    await world.sweep();
    expect(world.graph.published).toHaveLength(1);
    // The container made before the outage was published: no second container.
    expect(world.graph.containers.size).toBe(1);
    expect(await postRow(postId)).toMatchObject({ status: 'PUBLISHED', error: null });
  });

  it('marks the account expired and the post failed with a reconnect message when the token has expired', async () => {
    world.fake.expiredTokens.add(INSTAGRAM_TOKEN);
    const postId = await draft();
    const now = await world.owner.ok<{ approval_id: string }>('publish_now', { post_id: postId });
    await world.approve(now.approval_id);
    const failed = await postRow(postId);
    expect(failed.status).toBe('FAILED');
    expect(failed.error).toMatch(/Session has expired.*connect it again \(connect_social_account\)/);
    const account = await world.database.prisma.socialAccount.findUniqueOrThrow({ where: { id: accountId } });
    expect(account.status).toBe('EXPIRED');
    const accounts = await world.owner.ok<{ accounts: Array<{ status: string }> }>('list_social_accounts', {});
    expect(accounts.accounts[0]!.status).toBe('expired');
    expect(directMessages()).toHaveLength(1);
  });

  it('resumes a publish whose worker died after claiming it, once the claim is older than the lease', async () => {
    const postId = await draft();
    await scheduleAndApprove(postId);
    // A worker claimed it at 12:00 and died before publishing.
    await world.database.prisma.scheduledPost.update({ where: { id: postId }, data: { status: 'PUBLISHING', publishClaimedAt: at('2026-12-10T12:00:00Z') } });
    world.clock.now = at('2026-12-10T12:10:00Z');
    await world.sweep();
    expect(world.graph.published).toHaveLength(0);
    world.clock.now = at('2026-12-10T12:16:00Z');
    await world.sweep();
    world.clock.now = at('2026-12-10T12:17:00Z');
    await world.sweep();
    expect(world.graph.published).toHaveLength(1);
    expect((await postRow(postId)).status).toBe('PUBLISHED');
  });

  it('publishes an X thread from its own account', async () => {
    const x = await world.owner.ok<{ social_account_id: string }>('connect_social_account', { platform: 'x', external_account_id: '2244994945', display_name: 'Northside on X', access_token: X_TOKEN });
    const post = await world.owner.ok<{ post_id: string }>('create_post', { platform: 'x', social_account_id: x.social_account_id, content_type: 'thread', thread: ['1/2 Lowtide is out', '2/2 Listen: https://smart.link/lowtide'] });
    const now = await world.owner.ok<{ approval_id: string }>('publish_now', { post_id: post.post_id });
    await world.approve(now.approval_id);
    expect(world.x.posts.map((entry) => entry.text)).toEqual(['1/2 Lowtide is out', '2/2 Listen: https://smart.link/lowtide']);
    expect((await postRow(post.post_id)).externalPostIds).toHaveLength(2);
  });

  it('never shows a token in outputs, errors, notifications, approval requests or audit rows', async () => {
    world.fake.expiredTokens.add(INSTAGRAM_TOKEN);
    const postId = await draft();
    const now = await world.owner.ok<{ approval_id: string }>('publish_now', { post_id: postId });
    await world.approve(now.approval_id);
    const outputs = [await world.owner.ok('list_social_accounts', {}), await world.owner.ok('list_posts', { from: '2026-12-01', to: '2026-12-31' })];
    const prisma = world.database.prisma;
    const audit = await prisma.toolCall.findMany();
    const stored = [outputs, world.notifier.sent, await prisma.approvalRequest.findMany(), await prisma.scheduledPost.findMany(), audit];
    expect(JSON.stringify(stored)).not.toContain(INSTAGRAM_TOKEN);
    const account = await prisma.socialAccount.findUniqueOrThrow({ where: { id: accountId } });
    expect(account.accessTokenEncrypted).toMatch(/^v1\./);
    expect(account.accessTokenEncrypted).not.toContain(INSTAGRAM_TOKEN);
    expect(audit.some((row) => row.tool === 'publish_scheduled_post')).toBe(true);
    // The connection's own row is there, its tokens redacted.
    expect(audit.find((row) => row.tool === 'connect_social_account')?.input).toMatchObject({ access_token: '[redacted]' });
  });
});
