import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/database.ts';
import type { Prisma } from '../../../db/generated/prisma/client.ts';
import { caller } from '../../testing/caller.ts';
import { openToolTestWorld, type TestOrganization } from '../../testing/fixtures.ts';
import type { ToolRunner } from '../../registry/runner.ts';

interface Drafted { post_id: string | null; platform: string; repost_of: string; source_interactions: number; trending_tags: string[]; caption: string; hashtags: string[]; thread: string[] | null; changes: string[] }
interface RuleResult { rule_id: string; name: string; max_per_day: number; already_today: number; drafted: Drafted[]; skipped: Array<{ platform: string | null; post_id: string | null; reason: string }> }
interface Reposts { dry_run: boolean; rules: RuleResult[]; note: string | null }

const DAY_MS = 86_400_000;

describe('trending reposts', () => {
  const clock = { now: new Date('2026-12-06T12:00:00Z') };
  let database: Database;
  let runner: ToolRunner;
  let org: TestOrganization;
  let owner: ReturnType<typeof caller>;
  const ids: Record<string, string> = {};

  /** A published post of the organisation with its engagement, as the publish job and engagement sync leave it. */
  async function published(name: string, data: { platform: 'INSTAGRAM' | 'TIKTOK' | 'X'; caption: string; hashtags?: string[]; engagement: Prisma.InputJsonValue | null; daysAgo: number; repostOfId?: string }) {
    const account = await database.prisma.socialAccount.findFirstOrThrow({ where: { organizationId: org.id, platform: data.platform } });
    const at = new Date(clock.now.getTime() - data.daysAgo * DAY_MS);
    const post = await database.prisma.scheduledPost.create({
      data: {
        organizationId: org.id,
        platform: data.platform,
        socialAccountId: account.id,
        caption: data.caption,
        hashtags: data.hashtags ?? [],
        media: [{ url: `https://cdn.test/${name}.jpg`, kind: 'image' }],
        status: 'PUBLISHED',
        scheduledAt: at,
        publishedAt: at,
        engagement: data.engagement ?? undefined,
        repostOfId: data.repostOfId,
        createdAt: at,
      },
    });
    ids[name] = post.id;
  }

  beforeAll(async () => {
    ({ database, runner, org } = await openToolTestWorld('reposts', { now: () => clock.now }));
    owner = caller(runner, () => org.as('OWNER'));
    for (const platform of ['INSTAGRAM', 'TIKTOK', 'X'] as const) {
      await database.prisma.socialAccount.create({ data: { organizationId: org.id, platform, externalAccountId: `acct-${platform}`, displayName: `@label.${platform.toLowerCase()}`, accessTokenEncrypted: 'sealed' } });
    }
    // Instagram: A 100+10 = 110 interactions, B 50+5+5 = 60; C has no engagement, F (1,000) was reposted 3 days ago by D
    // (inside the 30-day window), D is itself a repost, E is older than a year.
    await published('A', { platform: 'INSTAGRAM', caption: 'night drive, out now', hashtags: ['newmusic'], engagement: { likes: 100, comments: 10, views: 5000 }, daysAgo: 20 });
    await published('B', { platform: 'INSTAGRAM', caption: 'studio day', engagement: { likes: 50, shares: 5, saves: 5 }, daysAgo: 10 });
    await published('C', { platform: 'INSTAGRAM', caption: 'no numbers yet', engagement: null, daysAgo: 2 });
    await published('F', { platform: 'INSTAGRAM', caption: 'the big one', engagement: { likes: 1000 }, daysAgo: 60 });
    await published('D', { platform: 'INSTAGRAM', caption: 'the big one, again', engagement: { likes: 900 }, daysAgo: 3, repostOfId: ids.F });
    await published('E', { platform: 'INSTAGRAM', caption: 'ancient', engagement: { likes: 5000 }, daysAgo: 400 });
    // TikTok: T1 300, T2 20.
    await published('T1', { platform: 'TIKTOK', caption: 'pov: the last song on the drive home', hashtags: ['fyp', 'nightdrive'], engagement: { likes: 280, comments: 20 }, daysAgo: 5 });
    await published('T2', { platform: 'TIKTOK', caption: 'dashboard lights', hashtags: ['nightdrive'], engagement: { likes: 20 }, daysAgo: 4 });
    // X: 270 characters, so the trending tag pushes it over 280.
    await published('X1', { platform: 'X', caption: `${'word '.repeat(53)}ended`, engagement: { likes: 40 }, daysAgo: 6 });
    await owner.ok('import_trend_signals', {
      text: [
        'platform,tag,score,observed_at',
        'instagram,vinyl,80,2026-12-06T09:00:00Z',
        'instagram,nightdrive,60,2026-12-06T09:00:00Z',
        'tiktok,newmusicfriday,90,2026-12-06T09:00:00Z',
        'tiktok,fyp,85,2026-12-06T09:00:00Z',
        'tiktok,altpop,75,2026-12-06T09:00:00Z',
        'tiktok,indiepop,72,2026-12-06T09:00:00Z',
        'tiktok,citypop,71,2026-12-06T09:00:00Z',
        'tiktok,synthwave,70,2026-12-06T09:00:00Z',
        'tiktok,bedroompop,69,2026-12-06T09:00:00Z',
        'x,latenight,50,2026-12-06T09:00:00Z',
      ].join('\n'),
    });
  });
  afterAll(async () => {
    await database.close();
  });

  it('set_repost_rule creates and replaces by name; list_repost_rules shows them', async () => {
    const created = await owner.ok<{ rule_id: string; replaced: boolean; tags: string[] }>('set_repost_rule', { name: 'trends', platforms: ['instagram', 'tiktok', 'instagram'], tags: [], min_score: 70, max_per_day: 5 });
    expect(created.replaced).toBe(false);
    const replaced = await owner.ok<{ rule_id: string; replaced: boolean; platforms: string[]; max_per_day: number }>('set_repost_rule', { name: 'trends', platforms: ['instagram', 'tiktok'], min_score: 70, max_per_day: 3 });
    expect(replaced).toMatchObject({ rule_id: created.rule_id, replaced: true, platforms: ['instagram', 'tiktok'], max_per_day: 3 });
    ids.rule = created.rule_id;
    const paused = await owner.ok<{ rule_id: string }>('set_repost_rule', { name: 'x late', platforms: ['x'], tags: ['#LateNight'], min_score: 40, max_per_day: 1, active: false });
    ids.xRule = paused.rule_id;
    const listed = await owner.ok<{ rows: Array<{ name: string; tags: string[]; active: boolean; reposts_today: number }> }>('list_repost_rules', {});
    expect(listed.rows).toEqual([
      expect.objectContaining({ name: 'trends', tags: [], active: true, reposts_today: 0 }),
      expect.objectContaining({ name: 'x late', tags: ['latenight'], active: false, reposts_today: 0 }),
    ]);
  });

  it('a dry run shows the drafts without storing any', async () => {
    const before = await database.prisma.scheduledPost.count({ where: { organizationId: org.id } });
    const result = await owner.ok<Reposts>('trending_reposts', { dry_run: true });
    expect(result.rules.map((rule) => rule.name)).toEqual(['trends']);
    expect(result.rules[0]!.drafted.map((row) => [row.post_id, row.repost_of])).toEqual([[null, ids.A], [null, ids.T1], [null, ids.B]]);
    expect(await database.prisma.scheduledPost.count({ where: { organizationId: org.id } })).toBe(before);
  });

  it('drafts the best posts of each platform in turn with the qualifying trending tags, up to the daily maximum, within limits', async () => {
    const result = await owner.ok<Reposts>('trending_reposts', {});
    const rule = result.rules[0]!;
    // Round robin over instagram [A 110, B 60] and tiktok [T1 300, T2 20]: A, T1, B; the maximum of 3 leaves T2.
    expect(rule).toMatchObject({ already_today: 0, max_per_day: 3 });
    expect(rule.drafted.map((row) => [row.repost_of, row.source_interactions])).toEqual([[ids.A, 110], [ids.T1, 300], [ids.B, 60]]);
    // Instagram: only #vinyl reaches 70 (#nightdrive is 60), ahead of the post's own tag.
    expect(rule.drafted[0]).toMatchObject({ platform: 'instagram', trending_tags: ['vinyl'], caption: 'night drive, out now', hashtags: ['vinyl', 'newmusic'], changes: [] });
    // TikTok: the top five of six qualifying tags (synthwave 70 is the sixth, bedroompop 69 is under), then the post's own
    // (#fyp already there); six is over TikTok's five, so the fixer drops the last, the post's #nightdrive.
    expect(rule.drafted[1]).toMatchObject({
      platform: 'tiktok',
      trending_tags: ['newmusicfriday', 'fyp', 'altpop', 'indiepop', 'citypop'],
      hashtags: ['newmusicfriday', 'fyp', 'altpop', 'indiepop', 'citypop'],
      changes: ["Removed 1 hashtag over TikTok's 5"],
    });
    const stored = await database.prisma.scheduledPost.findMany({ where: { organizationId: org.id, repostRuleId: ids.rule }, orderBy: { createdAt: 'asc' } });
    expect(stored.map((post) => [post.status, post.repostOfId, post.scheduledAt])).toEqual([['DRAFT', ids.A, null], ['DRAFT', ids.T1, null], ['DRAFT', ids.B, null]]);
    const sourceA = await database.prisma.scheduledPost.findUniqueOrThrow({ where: { id: ids.A } });
    expect(stored[0]).toMatchObject({ socialAccountId: sourceA.socialAccountId, media: sourceA.media, details: expect.objectContaining({ source: 'repost', rule: 'trends', trending_tags: ['vinyl'] }) });
    expect(result.note).toMatch(/schedule_post each one/);
  });

  it('a second run the same day drafts nothing: the day is full', async () => {
    const result = await owner.ok<Reposts>('trending_reposts', { rule_id: ids.rule });
    expect(result.rules[0]).toMatchObject({ already_today: 3, drafted: [] });
    expect(result.rules[0]!.skipped).toContainEqual({ platform: null, post_id: null, reason: 'The rule already has 3 of its 3 reposts today.' });
    expect((await owner.ok<{ rows: Array<{ reposts_today: number }> }>('list_repost_rules', { include_paused: false })).rows[0]!.reposts_today).toBe(3);
  });

  it('the next day counts reposts scheduled for it and never reposts a post twice within the window', async () => {
    // Yesterday's repost of A is scheduled for today (2026-12-07, UTC): it takes one of today's places.
    const repostOfA = await database.prisma.scheduledPost.findFirstOrThrow({ where: { organizationId: org.id, repostOfId: ids.A } });
    await database.prisma.scheduledPost.update({ where: { id: repostOfA.id }, data: { scheduledAt: new Date('2026-12-07T18:00:00Z') } });
    clock.now = new Date('2026-12-07T12:00:00Z');
    await owner.ok('set_repost_rule', { name: 'trends', platforms: ['instagram', 'tiktok'], min_score: 70, max_per_day: 3 });
    const result = await owner.ok<Reposts>('trending_reposts', {});
    // A, T1 and B were reposted yesterday and F 4 days ago (within 30 days); C has no engagement, D is a repost, E is too old: T2 is all that is left.
    expect(result.rules[0]).toMatchObject({ already_today: 1 });
    expect(result.rules[0]!.drafted.map((row) => row.repost_of)).toEqual([ids.T2]);
  });

  it('a paused rule is refused by id; on X a tag that makes the post too long splits it into a thread', async () => {
    expect((await owner.fails('trending_reposts', { rule_id: ids.xRule })).code).toBe('conflict');
    await owner.ok('set_repost_rule', { name: 'x late', platforms: ['x'], tags: ['latenight'], min_score: 40, max_per_day: 1 });
    const result = await owner.ok<Reposts>('trending_reposts', { rule_id: ids.xRule });
    const [drafted] = result.rules[0]!.drafted;
    // 270 characters + a blank line + "#latenight" = 282, over X's 280.
    expect(drafted).toMatchObject({ platform: 'x', repost_of: ids.X1, trending_tags: ['latenight'], hashtags: [] });
    expect(drafted!.thread).toHaveLength(2);
    expect(drafted!.thread!.at(-1)).toMatch(/#latenight$/);
    expect(drafted!.changes[0]).toMatch(/^Split post 1 of the thread \(282 weighted characters\) into 2 posts/);
    const stored = await database.prisma.scheduledPost.findUniqueOrThrow({ where: { id: drafted!.post_id! } });
    expect(stored).toMatchObject({ contentType: 'THREAD', status: 'DRAFT', caption: drafted!.thread![0] });
  });

  it('a rule whose tags are not trending high enough drafts nothing and says why; nothing is ever published', async () => {
    await owner.ok('set_repost_rule', { name: 'trends', platforms: ['instagram'], tags: ['nightdrive'], min_score: 70, max_per_day: 3 });
    const result = await owner.ok<Reposts>('trending_reposts', { rule_id: ids.rule });
    expect(result.rules[0]).toMatchObject({ drafted: [], skipped: [{ platform: 'instagram', post_id: null, reason: 'No named hashtag trending on instagram at a score of 70 or more in the last 7 days.' }] });
    expect(await database.prisma.scheduledPost.count({ where: { organizationId: org.id, repostOfId: { not: null }, status: { not: 'DRAFT' } } })).toBe(1); // D, the fixture's published repost
  });
});
