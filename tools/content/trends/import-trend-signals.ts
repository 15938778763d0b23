import { z } from 'zod';
import { defineTool } from '../../registry/define-tool.ts';
import { invalidInput } from '../../registry/errors.ts';
import type { ToolDb } from '../../registry/tenant-scope.ts';
import { toDbPlatform } from '../platform-codes.ts';
import { detectFormat, readTrendSignals, TREND_COLUMNS, type LinedSignal, type TrendSignalRow } from './trend-signal-rows.ts';

/** Bigger feeds are split into several calls: this one runs in one transaction. */
const MAX_SIGNALS = 20_000;
const LISTED_ERRORS = 100;

const count = z.int().min(0);
const columns = [...TREND_COLUMNS.required, ...TREND_COLUMNS.optional.map((name) => `${name}?`)].join(',');

export const importTrendSignals = defineTool({
  name: 'import_trend_signals',
  title: 'Import trend signals',
  description:
    `Stores trending hashtags and topics from a feed (CSV ${columns}, or JSON objects with those keys), as files or text. A file with a bad record is rejected whole, problems listed by line; re-importing changes nothing.`,
  area: 'content',
  access: 'write',
  permission: 'content:write',
  hints: { idempotent: true },
  transactionTimeoutMs: 5 * 60_000,
  input: z.object({
    files: z
      .array(z.object({ name: z.string().min(1).describe('File name (its .csv/.json ending picks the format), used in error messages.'), content: z.string().describe('The file text (UTF-8).') }))
      .min(1)
      .optional()
      .describe('Feed files.'),
    text: z.string().min(1).optional().describe('The feed pasted as text, instead of files.'),
    format: z.enum(['csv', 'json']).optional().describe('Format of text (default: JSON when it starts with [ or {, else CSV).'),
    source: z.string().trim().min(1).max(100).optional().describe('Where the signals come from, for records without a source column (default: the file name, or "pasted").'),
    dry_run: z.boolean().default(false).describe('Check every record and report, storing nothing.'),
  }),
  output: z.object({
    files: count,
    files_loaded: count.describe('Files whose every record was valid (stored unless dry_run).'),
    files_rejected: count,
    rows: count.describe('Signals read from the loaded files.'),
    rows_stored: count.describe('Signals stored now (new or with a changed score).'),
    rows_unchanged: count.describe('Signals already stored as they are.'),
    rows_replaced: count.describe('Of rows_stored, signals that replaced a stored one with another score, category or source.'),
    errors: z.array(z.object({ file: z.string(), line: z.int().describe('1 is a CSV\'s header row.'), reason: z.string() })).describe(`The first ${LISTED_ERRORS} problems.`),
    errors_not_shown: count,
    dry_run: z.boolean(),
  }),
  example: { text: 'platform,tag,score,observed_at,category\ntiktok,newmusicfriday,87.5,2026-12-01T09:00:00Z,music\n', source: 'TikTok Creative Center export' },
  async handler(ctx, input) {
    if (!input.files === !input.text) throw invalidInput('input', 'give either files or text');
    if (input.format && !input.text) throw invalidInput('format', 'applies to text only; files are read by their name');
    const files = input.files ?? [{ name: 'pasted', content: input.text! }];
    const errors: Array<{ file: string; line: number; reason: string }> = [];
    const accepted: LinedSignal[][] = [];
    for (const file of files) {
      const format = input.text && input.format ? input.format : detectFormat(file.name, file.content);
      const read = readTrendSignals(file.content, format, { source: input.source ?? file.name, timeZone: ctx.org.timeZone });
      if (read.problems.length) errors.push(...read.problems.map((problem) => ({ file: file.name, ...problem })));
      else accepted.push(read.rows);
    }
    const rows = accepted.flat().map((lined) => lined.row);
    if (rows.length > MAX_SIGNALS) throw invalidInput('files', `${rows.length.toLocaleString('en')} signals in one call; send at most ${MAX_SIGNALS.toLocaleString('en')} per call`);
    const stored = input.dry_run ? { inserted: 0, replaced: 0 } : await storeSignals(ctx.db, ctx.orgId, rows);
    return {
      files: files.length,
      files_loaded: accepted.length,
      files_rejected: files.length - accepted.length,
      rows: rows.length,
      rows_stored: stored.inserted + stored.replaced,
      rows_unchanged: input.dry_run ? 0 : rows.length - stored.inserted - stored.replaced,
      rows_replaced: stored.replaced,
      errors: errors.slice(0, LISTED_ERRORS),
      errors_not_shown: Math.max(0, errors.length - LISTED_ERRORS),
      dry_run: input.dry_run,
    };
  },
});

/**
 * Inserts new signals and updates those whose score, category or source changed. Files apply in
 * order, so a signal repeated in a later file of the same call wins.
 */
async function storeSignals(db: ToolDb, organizationId: string, rows: TrendSignalRow[]): Promise<{ inserted: number; replaced: number }> {
  const latest = new Map<string, TrendSignalRow>();
  for (const row of rows) latest.set(signalKey(row.platform, row.tag, row.observedAt), row);
  if (latest.size === 0) return { inserted: 0, replaced: 0 };
  const times = [...latest.values()].map((row) => row.observedAt.getTime());
  const existing = await db.trendSignal.findMany({
    where: { tag: { in: [...new Set([...latest.values()].map((row) => row.tag))] }, observedAt: { gte: new Date(Math.min(...times)), lte: new Date(Math.max(...times)) } },
  });
  const stored = new Map(existing.map((row) => [signalKey(row.platform.toLowerCase(), row.tag, row.observedAt), row]));
  const fresh: TrendSignalRow[] = [];
  let replaced = 0;
  for (const [key, row] of latest) {
    const before = stored.get(key);
    if (!before) {
      fresh.push(row);
      continue;
    }
    if (before.score === row.score && before.category === row.category && before.source === row.source && before.kind === row.kind.toUpperCase()) continue;
    await db.trendSignal.update({ where: { id: before.id }, data: { score: row.score, category: row.category, source: row.source, kind: row.kind === 'topic' ? 'TOPIC' : 'HASHTAG' } });
    replaced++;
  }
  const created = await db.trendSignal.createMany({
    data: fresh.map((row) => ({
      organizationId,
      platform: toDbPlatform(row.platform),
      kind: row.kind === 'topic' ? ('TOPIC' as const) : ('HASHTAG' as const),
      tag: row.tag,
      category: row.category,
      score: row.score,
      observedAt: row.observedAt,
      source: row.source,
    })),
    skipDuplicates: true,
  });
  return { inserted: created.count, replaced };
}

function signalKey(platform: string, tag: string, observedAt: Date): string {
  return `${platform}|${tag}|${observedAt.toISOString()}`;
}
