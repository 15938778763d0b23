import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/database.ts';
import { caller } from '../../testing/caller.ts';
import { openToolTestWorld, type TestOrganization } from '../../testing/fixtures.ts';
import type { ToolRunner } from '../../registry/runner.ts';

interface ImportResult {
  files: number;
  files_loaded: number;
  files_rejected: number;
  rows: number;
  rows_stored: number;
  rows_unchanged: number;
  rows_replaced: number;
  errors: Array<{ file: string; line: number; reason: string }>;
  dry_run: boolean;
}
interface Trending { rows: Array<{ tag: string; kind: string; score: number; peak_score: number; observations: number; category: string | null; source: string }>; note: string | null }

const NOW = new Date('2026-12-06T12:00:00Z');

describe('trend signals', () => {
  let database: Database;
  let runner: ToolRunner;
  let org: TestOrganization;
  let owner: ReturnType<typeof caller>;

  beforeAll(async () => {
    ({ database, runner, org } = await openToolTestWorld('trends', { now: () => NOW }));
    owner = caller(runner, () => org.as('OWNER'));
  });
  afterAll(async () => {
    await database.close();
  });

  const csv = [
    'platform,tag,score,observed_at,category',
    'tiktok,#NewMusicFriday,90,2026-12-05T09:00:00Z,music',
    'tiktok,indiepop,70,2026-12-05T09:00:00Z,music',
    'tiktok,indiepop,75,2026-12-06T09:00:00Z,music',
    'tiktok,booktok,95,2026-12-06T09:00:00Z,books',
    'instagram,nightdrive,40,2026-12-06T09:00:00Z,music',
    'tiktok,stalefeed,99,2026-11-20T09:00:00Z,music',
  ].join('\n');

  it('imports a CSV feed, normalising tags (no #, lower case) and storing each signal once', async () => {
    const result = await owner.ok<ImportResult>('import_trend_signals', { files: [{ name: 'creative-center.csv', content: csv }] });
    expect(result).toMatchObject({ files: 1, files_loaded: 1, rows: 6, rows_stored: 6, rows_unchanged: 0, rows_replaced: 0, errors: [] });
    const stored = await database.prisma.trendSignal.findMany({ where: { organizationId: org.id, tag: 'newmusicfriday' } });
    expect(stored).toEqual([expect.objectContaining({ platform: 'TIKTOK', kind: 'HASHTAG', score: 90, category: 'music', source: 'creative-center.csv', observedAt: new Date('2026-12-05T09:00:00Z') })]);
  });

  it('is idempotent on platform, tag and observed_at: the same feed changes nothing, a new score replaces the old', async () => {
    const again = await owner.ok<ImportResult>('import_trend_signals', { files: [{ name: 'creative-center.csv', content: csv }] });
    expect(again).toMatchObject({ rows: 6, rows_stored: 0, rows_unchanged: 6 });
    const corrected = await owner.ok<ImportResult>('import_trend_signals', { text: csv.replace('booktok,95', 'booktok,60'), source: 'creative-center.csv' });
    expect(corrected).toMatchObject({ rows: 6, rows_stored: 1, rows_replaced: 1, rows_unchanged: 5 });
    expect(await database.prisma.trendSignal.count({ where: { organizationId: org.id } })).toBe(6);
  });

  it('rejects a file with bad records whole, naming each problem\'s line; other files still load', async () => {
    const bad = [
      'platform,tag,score,observed_at',
      'tiktok,fine,10,2026-12-06T08:00:00Z',
      'myspace,retro,10,2026-12-06T08:00:00Z',
      'tiktok,two words,10,2026-12-06T08:00:00Z',
      'tiktok,fine2,lots,2026-12-06T08:00:00Z',
      'tiktok,fine3,10,yesterday',
      'tiktok,fine,12,2026-12-06T08:00:00Z',
    ].join('\n');
    const good = 'platform,tag,score,observed_at,kind\nx,late night radio,30,2026-12-06T10:00:00Z,topic\n';
    const result = await owner.ok<ImportResult>('import_trend_signals', { files: [{ name: 'bad.csv', content: bad }, { name: 'good.csv', content: good }] });
    expect(result).toMatchObject({ files: 2, files_loaded: 1, files_rejected: 1, rows: 1, rows_stored: 1 });
    expect(result.errors).toEqual([
      { file: 'bad.csv', line: 3, reason: 'platform "myspace" is not one of instagram, tiktok, facebook, x, pinterest, youtube, snapchat' },
      { file: 'bad.csv', line: 4, reason: 'tag "two words" is not a hashtag (letters, digits and _ only, up to 100; use kind "topic" for phrases)' },
      { file: 'bad.csv', line: 5, reason: 'score "lots" is not a number (digits with an optional "." for decimals)' },
      { file: 'bad.csv', line: 6, reason: 'observed_at "yesterday" is not a date-time (use ISO 8601, e.g. 2026-11-03T14:05:00Z)' },
      { file: 'bad.csv', line: 7, reason: 'repeats line 2 (tiktok #fine at 2026-12-06T08:00:00.000Z); each may appear once per file' },
    ]);
    const header = await owner.ok<ImportResult>('import_trend_signals', { text: 'platform,hashtag,score\n' });
    expect(header.errors).toEqual([{ file: 'pasted', line: 1, reason: 'missing columns tag, observed_at (expected columns: platform, tag, score, observed_at, category, kind, source)' }]);
  });

  it('reads JSON arrays, {"signals": [...]} and JSON Lines, reporting a bad item at the line it starts on', async () => {
    const array = `[\n  {"platform": "instagram", "tag": "vinyl", "score": 55, "observed_at": "2026-12-06T07:00:00Z", "source": "later.com"},\n  {"platform": "instagram",\n   "tag": "vinyl", "score": -1, "observed_at": "2026-12-06T08:00:00Z"}\n]`;
    const rejected = await owner.ok<ImportResult>('import_trend_signals', { files: [{ name: 'feed.json', content: array }] });
    expect(rejected.errors).toEqual([{ file: 'feed.json', line: 3, reason: 'score "-1" must be at least 0' }]);
    const wrapped = await owner.ok<ImportResult>('import_trend_signals', { text: JSON.stringify({ signals: [{ platform: 'instagram', tag: 'vinyl', score: 55, observed_at: '2026-12-06T07:00:00Z', source: 'later.com' }] }) });
    expect(wrapped).toMatchObject({ rows: 1, rows_stored: 1, errors: [] });
    const lines = '{"platform":"instagram","tag":"vinyl","score":55,"observed_at":"2026-12-06T07:00:00Z","source":"later.com"}\n{"platform":"instagram","tag":"cassette","score":20,"observed_at":"2026-12-06T07:00:00Z"}\nnot json\n';
    const broken = await owner.ok<ImportResult>('import_trend_signals', { text: lines, format: 'json' });
    expect(broken.errors).toEqual([{ file: 'pasted', line: 3, reason: 'this line is not a JSON object (expected a JSON array of signals, {"signals": [...]}, or one JSON object per line)' }]);
    const fixed = await owner.ok<ImportResult>('import_trend_signals', { text: lines.replace('not json\n', ''), source: 'feed' });
    expect(fixed).toMatchObject({ rows: 2, rows_stored: 1, rows_unchanged: 1 });
  });

  it('a dry run checks and stores nothing; files and text together are refused', async () => {
    const before = await database.prisma.trendSignal.count();
    const dry = await owner.ok<ImportResult>('import_trend_signals', { text: 'platform,tag,score,observed_at\nyoutube,shorts,5,2026-12-06\n', dry_run: true });
    expect(dry).toMatchObject({ rows: 1, rows_stored: 0, rows_unchanged: 0, dry_run: true });
    expect(await database.prisma.trendSignal.count()).toBe(before);
    expect((await owner.fails('import_trend_signals', { text: 'x', files: [{ name: 'a.csv', content: 'x' }] })).message).toBe('input: give either files or text');
  });

  it('trending_hashtags ranks a platform\'s tags by their latest score in the window, by category, hashtags unless topics are asked for', async () => {
    const tiktok = await owner.ok<Trending>('trending_hashtags', { platform: 'tiktok' });
    // booktok's 60 replaced its 95; indiepop ranks by its latest 75 (seen twice); stalefeed is older than 7 days;
    // nothing of the rejected bad.csv was stored.
    expect(tiktok.rows.map((row) => [row.tag, row.score, row.peak_score, row.observations])).toEqual([
      ['newmusicfriday', 90, 90, 1],
      ['indiepop', 75, 75, 2],
      ['booktok', 60, 60, 1],
    ]);
    const music = await owner.ok<Trending>('trending_hashtags', { platform: 'tiktok', category: 'Music' });
    expect(music.rows.map((row) => row.tag)).toEqual(['newmusicfriday', 'indiepop']);
    const month = await owner.ok<Trending>('trending_hashtags', { platform: 'tiktok', days: 30, limit: 1 });
    expect(month.rows.map((row) => row.tag)).toEqual(['stalefeed']);
    expect((await owner.ok<Trending>('trending_hashtags', { platform: 'x' })).rows).toEqual([]);
    expect((await owner.ok<Trending>('trending_hashtags', { platform: 'x', include_topics: true })).rows).toEqual([expect.objectContaining({ tag: 'late night radio', kind: 'topic' })]);
    expect((await owner.ok<Trending>('trending_hashtags', { platform: 'pinterest' })).note).toBe('No pinterest signals in the last 7 days; import a feed with import_trend_signals.');
  });
});
