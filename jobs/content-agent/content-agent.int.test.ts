import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scriptedModel, type ScriptedStep } from '../../agent/testing/scripted-model.ts';
import type { Database } from '../../db/database.ts';
import type { SocialPlatform } from '../../db/generated/prisma/enums.ts';
import { openTestDatabase } from '../../db/testing/test-database.ts';
import { createCatalogue } from '../../tools/index.ts';
import { silentLogger, type Logger } from '../../tools/registry/context.ts';
import { ToolRunner } from '../../tools/registry/runner.ts';
import { createTestOrganization, type TestOrganization } from '../../tools/testing/fixtures.ts';
import { InProcessJobQueue } from '../in-process-queue.ts';
import { recordingNotifier } from '../testing/recording-notifier.ts';
import { CONTENT_AGENT_JOB } from './content-agent-job.ts';

// 07:00 in Madrid (UTC+1) on Thursday 2026-12-10: the agent drafts for Friday the 11th and sums up Wednesday the 9th.
const NOW = new Date('2026-12-10T06:00:00Z');
const RUN_DAY = '2026-12-10';

const answer = (drafts: unknown[]): ScriptedStep => ({ text: JSON.stringify({ drafts }) });
const instagramDraft = { caption: 'night drive. out friday.', hashtags: ['newmusicfriday'], image_suggestion: 'The cover', best_time: 'Friday 18:00' };
const tiktokDraft = { caption: 'pov: the last song on the drive home', hashtags: ['nightdrive', 'indiepop', 'altpop'], sound_suggestions: ['Night Drive'], video_ideas: ['dashboard lights', 'empty road', 'singing along'] };

/** The real catalogue and in-process queue, the configured model playing `steps` (none: no model), and a recording notifier. */
function world(database: Database, steps: ScriptedStep[] | null) {
  const catalogue = createCatalogue();
  const model = steps ? scriptedModel(steps) : null;
  const jobs = new InProcessJobQueue({ retryDelayMs: () => 0 });
  const runner = new ToolRunner({ prisma: database.prisma, catalogue, jobs, now: () => NOW, log: silentLogger, ...(model ? { llm: model } : {}) });
  const notifier = recordingNotifier();
  const warnings: Array<{ message: string; data?: Record<string, unknown> }> = [];
  const log: Logger = { info() {}, error() {}, warn: (message, data) => warnings.push({ message, data }) };
  jobs.bind({ prisma: database.prisma, runner, log, notifier, now: () => NOW });
  return { jobs, runner, notifier, model, warnings };
}

describe('the daily content agent', () => {
  let database: Database;
  let org: TestOrganization;

  async function account(organization: TestOrganization, platform: SocialPlatform, status: 'CONNECTED' | 'EXPIRED' = 'CONNECTED') {
    return database.prisma.socialAccount.create({ data: { organizationId: organization.id, platform, externalAccountId: `${platform}-${organization.slug}`, displayName: `@nightdrive.${platform.toLowerCase()}`, accessTokenEncrypted: 'sealed', status } });
  }
  async function published(organization: TestOrganization, platform: SocialPlatform, at: string, engagement: Record<string, number> | null) {
    await database.prisma.scheduledPost.create({ data: { organizationId: organization.id, platform, caption: 'out now', status: 'PUBLISHED', scheduledAt: new Date(at), publishedAt: new Date(at), engagement: engagement ?? undefined } });
  }
  async function release(organization: TestOrganization, title: string, promoStartsOn: string, promoEndsOn: string) {
    return database.prisma.release.create({
      data: { organizationId: organization.id, title, artistName: 'Luna Vale', kind: 'SINGLE', promoStartsOn: new Date(promoStartsOn), promoEndsOn: new Date(promoEndsOn), assets: [{ url: 'https://cdn.test/cover.jpg', kind: 'image', alt_text: 'cover' }, { url: 'https://cdn.test/teaser.mp4', kind: 'video', alt_text: 'teaser' }] },
    });
  }
  async function enqueue(jobs: InProcessJobQueue, organization: TestOrganization, key?: string) {
    await jobs.enqueue({ name: CONTENT_AGENT_JOB, payload: { organizationId: organization.id, date: RUN_DAY }, key });
    await jobs.drain();
  }

  beforeAll(async () => {
    database = await openTestDatabase();
    org = await createTestOrganization(database, 'content-agent');
    await database.prisma.organization.update({ where: { id: org.id }, data: { timeZone: 'Europe/Madrid' } });
    await account(org, 'INSTAGRAM');
    await account(org, 'TIKTOK');
    await account(org, 'X', 'EXPIRED');
    await release(org, 'Night Drive', '2026-12-01', '2026-12-20');
    await release(org, 'Old Single', '2026-11-01', '2026-12-10');
    // Wednesday 2026-12-09 in Madrid runs from 2026-12-08T23:00Z to 2026-12-09T23:00Z.
    await published(org, 'INSTAGRAM', '2026-12-08T23:30:00Z', { likes: 10 });
    await published(org, 'INSTAGRAM', '2026-12-09T12:00:00Z', { likes: 100, comments: 5, views: 1000, saves: 7 });
    await published(org, 'INSTAGRAM', '2026-12-09T18:00:00Z', { likes: 20, shares: 2, views: 300 });
    await published(org, 'TIKTOK', '2026-12-09T19:00:00Z', { likes: 50, comments: 1, shares: 3, views: 5000 });
    await published(org, 'TIKTOK', '2026-12-09T20:00:00Z', null);
    // Outside the day: Tuesday, and Thursday 00:30 in Madrid.
    await published(org, 'INSTAGRAM', '2026-12-08T12:00:00Z', { likes: 999 });
    await published(org, 'TIKTOK', '2026-12-09T23:30:00Z', { likes: 999 });
  });
  afterAll(async () => {
    await database.close();
  });

  it("drafts tomorrow's posts for the release in its promo window, files them for approval at post_suggestions' times, and posts yesterday's engagement", async () => {
    const { jobs, runner, notifier, model } = world(database, [answer([instagramDraft]), answer([tiktokDraft])]);
    // What post_suggestions offers for Friday before anything is on it: the times the agent must use.
    const suggested = await runner.call('post_suggestions', { platforms: ['instagram', 'tiktok'], from: '2026-12-11', days: 1 }, org.as('OWNER'));
    if (!suggested.ok) throw new Error(JSON.stringify(suggested.error));
    const times = Object.fromEntries((suggested.output as { suggestions: Array<{ platform: string; scheduled_at: string; local_time: string }> }).suggestions.map((row) => [row.platform, row]));

    await enqueue(jobs, org);
    expect(jobs.failures).toEqual([]);
    // Only Night Drive is promoted on Friday (Old Single's window ends Thursday); X's account is expired, so two platforms.
    expect(model!.doGenerateCalls.length + model!.doStreamCalls.length).toBe(2);
    const posts = await database.prisma.scheduledPost.findMany({ where: { organizationId: org.id, status: { not: 'PUBLISHED' } }, include: { socialAccount: true, release: true }, orderBy: { platform: 'asc' } });
    expect(posts.map((post) => [post.platform, post.status, post.release?.title, post.socialAccount?.platform, post.scheduledAt?.toISOString()])).toEqual([
      ['INSTAGRAM', 'PENDING_APPROVAL', 'Night Drive', 'INSTAGRAM', times.instagram!.scheduled_at],
      ['TIKTOK', 'PENDING_APPROVAL', 'Night Drive', 'TIKTOK', times.tiktok!.scheduled_at],
    ]);
    // One pending schedule_post request per post, filed in the owner's name through the JOB surface: another person decides it.
    const requests = await database.prisma.approvalRequest.findMany({ where: { organizationId: org.id }, orderBy: { createdAt: 'asc' } });
    expect(requests.map((request) => [request.action, request.status, request.requestedById, request.requestedVia, (request.payload as { post_id: string }).post_id])).toEqual(
      posts.map((post) => ['schedule_post', 'PENDING', org.ownerId, 'JOB', post.id]),
    );
    expect(posts.map((post) => post.caption)).toEqual([instagramDraft.caption, tiktokDraft.caption]);

    expect(notifier.sent.filter((sent) => sent.kind === 'approvalRequested').map((sent) => sent.kind === 'approvalRequested' && sent.approval.approvalId)).toEqual(requests.map((request) => request.id));
    const alerts = notifier.sent.filter((sent) => sent.kind === 'alerts');
    expect(alerts).toHaveLength(1);
    const message = alerts[0]!.kind === 'alerts' ? alerts[0]!.message : null;
    // Wednesday: Instagram 10 + 100 + 20 likes, 5 comments, 2 shares, 1,000 + 300 views over 3 posts; TikTok 50 likes, 1 comment,
    // 3 shares, 5,000 views over 2 posts (one not measured yet). Saves are not in the summary.
    expect(message).toMatchObject({
      title: "Content, 2026-12-09: yesterday's engagement and tomorrow's drafts",
      summary: '5 posts published yesterday: 180 likes, 6 comments, 5 shares, 6,300 views. 2 posts for tomorrow drafted and waiting for approval.',
      tables: [{ columns: ['Platform', 'Posts', 'Likes', 'Comments', 'Shares', 'Views'], rows: [['Instagram', 3, 130, 5, 2, 1300], ['TikTok', 2, 50, 1, 3, 5000]] }],
      sections: [{ heading: 'Night Drive (Luna Vale)', lines: [`Instagram: waiting for approval, ${times.instagram!.local_time}`, `TikTok: waiting for approval, ${times.tiktok!.local_time}`] }],
    });
  });

  it('a rerun the same day drafts nothing again and sends no second summary; nothing was published', async () => {
    const { jobs, notifier, model } = world(database, [answer([instagramDraft]), answer([tiktokDraft])]);
    await enqueue(jobs, org, 'a-manual-rerun');
    expect(jobs.failures).toEqual([]);
    expect(model!.doGenerateCalls.length + model!.doStreamCalls.length).toBe(0);
    expect(await database.prisma.scheduledPost.count({ where: { organizationId: org.id, status: { not: 'PUBLISHED' } } })).toBe(2);
    expect(notifier.sent.filter((sent) => sent.kind === 'alerts')).toEqual([]);
    // Published: the fixture's seven posts of history, nothing more.
    expect(await database.prisma.scheduledPost.count({ where: { organizationId: org.id, status: { in: ['PUBLISHING', 'PUBLISHED'] } } })).toBe(7);
  });

  it('without a model it skips the drafting with a logged reason and still posts the engagement summary', async () => {
    const other = await createTestOrganization(database, 'content-agent-no-model');
    await account(other, 'INSTAGRAM');
    await release(other, 'Night Drive', '2026-12-01', '2026-12-20');
    await published(other, 'INSTAGRAM', '2026-12-09T12:00:00Z', { likes: 7, comments: 1, shares: 0, views: 70 });
    const { jobs, notifier, warnings } = world(database, null);
    await enqueue(jobs, other);
    expect(jobs.failures).toEqual([]);
    expect(warnings).toEqual([{ message: 'content agent: drafting skipped', data: { organizationId: other.id, reason: expect.stringMatching(/^generate_posts writes with a language model, and none is configured/) } }]);
    expect(await database.prisma.scheduledPost.count({ where: { organizationId: other.id, status: { not: 'PUBLISHED' } } })).toBe(0);
    const [sent] = notifier.sent;
    expect(sent).toMatchObject({ kind: 'alerts', organizationId: other.id, message: { summary: expect.stringMatching(/^1 post published yesterday: 7 likes, 1 comments, 0 shares, 70 views\. No drafts for tomorrow: generate_posts writes with a language model, and none is configured/) } });
    // The release was given back: once a model is configured, a rerun that day drafts it.
    expect(await database.prisma.scheduleRun.count({ where: { organizationId: other.id, job: { startsWith: 'content.agent.release.' } } })).toBe(0);
  });
});
