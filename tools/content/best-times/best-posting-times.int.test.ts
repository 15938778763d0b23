import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/database.ts';
import type { Prisma } from '../../../db/generated/prisma/client.ts';
import { zonedInstant } from '../../common/format.ts';
import { caller } from '../../testing/caller.ts';
import { createTestOrganization, openToolTestWorld, type TestOrganization } from '../../testing/fixtures.ts';
import type { ToolRunner } from '../../registry/runner.ts';

interface Slot { weekday: string; hour: number; label: string; score: number; posts: number; measured: number | null; default_score: number }
interface BestTimes { platform: string; time_zone: string; posts_used: number; posts_without_engagement: number; history: string; best_times: Slot[]; method: string }

const NOW = new Date('2026-02-15T00:00:00Z');
const ZONE = 'America/New_York';
const DAY = 86_400_000;

/** A post published at a New York wall-clock time `weeks` weeks after the local day `firstDay` (DST handled by zonedInstant). */
function localTime(firstDay: string, weeks: number, hour: number, minute: number): Date {
  const [year, month, day] = firstDay.split('-').map(Number) as [number, number, number];
  return zonedInstant(Date.UTC(year, month - 1, day, hour, minute) + weeks * 7 * DAY, ZONE);
}

function published(organizationId: string, publishedAt: Date, engagement: Prisma.InputJsonValue | undefined, overrides: Partial<Prisma.ScheduledPostCreateManyInput> = {}): Prisma.ScheduledPostCreateManyInput {
  return { organizationId, platform: 'INSTAGRAM', status: 'PUBLISHED', caption: 'posted', publishedAt, engagement, ...overrides };
}

/*
 * The 200-post fixture (Instagram, times in America/New_York; it spans the March and November DST
 * changes, so a slot is only right if each post is read in its own offset):
 *   A  40 posts, Fridays 18:00, each likes 200 + comments 50 + shares 30 + saves 20 = 300 interactions (views 10,000, ignored)
 *   B  60 posts, Tuesdays 09:00 (two a week, :00 and :30), each 80 + 10 + 5 + 5 = 100
 *   C  98 posts, Sundays 03:00 (three a week), each 50 likes = 50
 *   D   2 posts, Wednesdays 12:00, each 400 + 100 = 500
 * Interactions 40x300 + 60x100 + 98x50 + 2x500 = 12,000 + 6,000 + 4,900 + 1,000 = 23,900; mean 23,900 / 200 = 119.5.
 * Relative engagement per post: A 300/119.5 = 2.510460; B 0.836820; C 0.418410; D 4.184100.
 * Platform defaults (posting-time-defaults.ts): Instagram Mon-Fri 11-13 and 18-20 -> 1.25; 00-05 -> 0.6; else 1.
 *   A Fri 18 in window 1.25; B Tue 09 ordinary 1; C Sun 03 overnight 0.6; D Wed 12 in window 1.25.
 * Estimate = (sum of relative + 5 x default) / (posts + 5):
 *   A (12,000/119.5 + 6.25) / 45 = (100.418410 + 6.25) / 45 = 2.370409 -> 2.37
 *   D (1,000/119.5 + 6.25) / 7 = (8.368201 + 6.25) / 7 = 2.088314 -> 2.088 (its 4.184 from 2 posts is pulled toward 1.25, so A stays first)
 *   B (6,000/119.5 + 5) / 65 = (50.209205 + 5) / 65 = 0.849372 -> 0.849
 *   C (4,900/119.5 + 3) / 103 = (41.004184 + 3) / 103 = 0.427225 -> 0.427
 * Slots without posts keep their default: the next best are the 28 other window slots at 1.25,
 * earliest first (Monday 11, 12, 13). In UTC, A would have read as Friday 23:00 (22:00 in summer).
 * Left out: 3 posts whose engagement was never read, TikTok posts, drafts and scheduled posts, posts over
 * 365 days old, and another organisation's posts.
 */
describe('best_posting_times', () => {
  let database: Database;
  let runner: ToolRunner;
  let org: TestOrganization;
  let owner: ReturnType<typeof caller>;

  beforeAll(async () => {
    ({ database, runner, org } = await openToolTestWorld('best-times', { now: () => NOW }));
    owner = caller(runner, () => org.as('OWNER'));
    const rows: Prisma.ScheduledPostCreateManyInput[] = [];
    for (let week = 0; week < 40; week++) rows.push(published(org.id, localTime('2025-03-07', week, 18, 0), { likes: 200, comments: 50, shares: 30, saves: 20, views: 10_000 }));
    for (let week = 0; week < 30; week++) for (const minute of [0, 30]) rows.push(published(org.id, localTime('2025-03-04', week, 9, minute), { likes: 80, comments: 10, shares: 5, saves: 5 }));
    for (let index = 0; index < 98; index++) rows.push(published(org.id, localTime('2025-03-02', Math.floor(index / 3), 3, (index % 3) * 20), { likes: 50 }));
    for (const week of [0, 1]) rows.push(published(org.id, localTime('2025-12-03', week, 12, 0), { likes: 400, comments: 100 }));
    expect(rows).toHaveLength(200);
    // Not counted:
    for (const week of [0, 1, 2]) rows.push(published(org.id, localTime('2025-06-02', week, 7, 0), undefined));
    for (let week = 0; week < 5; week++) rows.push(published(org.id, localTime('2025-06-03', week, 7, 0), { likes: 9_999 }, { platform: 'TIKTOK' }));
    rows.push(published(org.id, localTime('2025-06-04', 0, 7, 0), { likes: 9_999 }, { status: 'DRAFT' }));
    rows.push(published(org.id, localTime('2025-06-04', 1, 7, 0), { likes: 9_999 }, { status: 'SCHEDULED' }));
    rows.push(published(org.id, localTime('2024-06-05', 0, 7, 0), { likes: 9_999 }));
    const other = await createTestOrganization(database, 'best-times-other');
    for (let week = 0; week < 10; week++) rows.push(published(other.id, localTime('2025-06-01', week, 3, 0), { likes: 10_000 }));
    await database.prisma.scheduledPost.createMany({ data: rows });
  });
  afterAll(async () => {
    await database.close();
  });

  it('ranks weekday-hour slots as the hand computation above says, and says what it rests on', async () => {
    const answer = await owner.ok<BestTimes>('best_posting_times', { platform: 'instagram', time_zone: ZONE });
    expect(answer).toMatchObject({ platform: 'instagram', time_zone: ZONE, posts_used: 200, posts_without_engagement: 3, history: 'enough' });
    expect(answer.best_times).toEqual([
      { weekday: 'Friday', hour: 18, label: 'Friday 18:00', score: 2.37, posts: 40, measured: 2.51, default_score: 1.25 },
      { weekday: 'Wednesday', hour: 12, label: 'Wednesday 12:00', score: 2.088, posts: 2, measured: 4.184, default_score: 1.25 },
      { weekday: 'Monday', hour: 11, label: 'Monday 11:00', score: 1.25, posts: 0, measured: null, default_score: 1.25 },
      { weekday: 'Monday', hour: 12, label: 'Monday 12:00', score: 1.25, posts: 0, measured: null, default_score: 1.25 },
      { weekday: 'Monday', hour: 13, label: 'Monday 13:00', score: 1.25, posts: 0, measured: null, default_score: 1.25 },
    ]);
    const week = await owner.ok<BestTimes>('best_posting_times', { platform: 'instagram', time_zone: ZONE, limit: 168 });
    expect(week.best_times).toHaveLength(168);
    const slot = (weekday: string, hour: number) => week.best_times.find((entry) => entry.weekday === weekday && entry.hour === hour);
    expect(slot('Tuesday', 9)).toMatchObject({ score: 0.849, posts: 60, measured: 0.837, default_score: 1 });
    expect(slot('Sunday', 3)).toMatchObject({ score: 0.427, posts: 98, measured: 0.418, default_score: 0.6 });
    expect(week.best_times.reduce((sum, entry) => sum + entry.posts, 0)).toBe(200);
  });

  it('reads the slots in the time zone asked for (the organisation\'s by default)', async () => {
    const utc = await owner.ok<BestTimes>('best_posting_times', { platform: 'instagram', limit: 168 });
    expect(utc.time_zone).toBe('UTC');
    // Fridays 18:00 in New York are 23:00 UTC in winter (7 March, and 7 November to 5 December: 6 posts)
    // and 22:00 in summer (14 March to 31 October: 34 posts).
    const friday = utc.best_times.filter((entry) => entry.weekday === 'Friday' && entry.posts > 0);
    expect(friday.map((entry) => [entry.hour, entry.posts]).toSorted()).toEqual([[22, 34], [23, 6]]);
    expect((await owner.fails('best_posting_times', { platform: 'instagram', time_zone: 'Mars/Olympus' })).issues?.map((issue) => issue.path)).toEqual(['time_zone']);
  });

  it('without history it answers the platform defaults and says it rests on no posts; thin history is flagged', async () => {
    const fresh = await createTestOrganization(database, 'best-times-fresh');
    const freshOwner = caller(runner, () => fresh.as('OWNER'));
    const none = await freshOwner.ok<BestTimes>('best_posting_times', { platform: 'pinterest', limit: 3 });
    expect(none).toMatchObject({ posts_used: 0, history: 'none' });
    // Pinterest's default window is Friday to Sunday 19:00-22:59; Sunday comes first in the week.
    expect(none.best_times.map((entry) => entry.label)).toEqual(['Sunday 19:00', 'Sunday 20:00', 'Sunday 21:00']);
    await database.prisma.scheduledPost.createMany({ data: [published(fresh.id, new Date('2026-02-10T15:00:00Z'), { likes: 10 }, { platform: 'PINTEREST' })] });
    expect(await freshOwner.ok<BestTimes>('best_posting_times', { platform: 'pinterest' })).toMatchObject({ posts_used: 1, history: 'thin' });
  });
});
