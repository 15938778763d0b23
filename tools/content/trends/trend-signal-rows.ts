import { CsvSyntaxError, parseCsv } from '../../imports/csv-reader.ts';
import { CsvRow, RowError } from '../../imports/csv-row.ts';
import { PLATFORMS, type Platform } from '../writing/platforms.ts';

/** One signal as it will be stored. */
export interface TrendSignalRow {
  platform: Platform;
  kind: 'hashtag' | 'topic';
  tag: string;
  category: string | null;
  score: number;
  observedAt: Date;
  source: string;
}

export interface LinedSignal {
  line: number;
  row: TrendSignalRow;
}

export interface FileProblem {
  line: number;
  reason: string;
}

export const TREND_COLUMNS = { required: ['platform', 'tag', 'score', 'observed_at'], optional: ['category', 'kind', 'source'] } as const;
const KNOWN_COLUMNS = new Set<string>([...TREND_COLUMNS.required, ...TREND_COLUMNS.optional]);
const PLATFORM_ALIASES: Record<string, Platform> = { twitter: 'x', ig: 'instagram', fb: 'facebook', yt: 'youtube' };
const HASHTAG = /^[\p{L}\p{N}_]{1,100}$/u;

export type FeedFormat = 'csv' | 'json';

/** CSV or JSON by the file name (.csv, .json, .jsonl, .ndjson), else by the first character. */
export function detectFormat(name: string, content: string): FeedFormat {
  if (/\.csv$/i.test(name)) return 'csv';
  if (/\.(json|jsonl|ndjson)$/i.test(name)) return 'json';
  return /^\s*[[{]/.test(content.replace(/^\ufeff/, '')) ? 'json' : 'csv';
}

/**
 * Reads a feed file: every record is checked and each problem reported with its line (the header is
 * line 1 of a CSV; a JSON array's item is reported at the line it starts on; JSON Lines one object a line).
 */
export function readTrendSignals(content: string, format: FeedFormat, defaults: { source: string; timeZone: string }): { rows: LinedSignal[]; problems: FileProblem[] } {
  const records = format === 'csv' ? csvRecords(content) : jsonRecords(content);
  if ('problem' in records) return { rows: [], problems: [records.problem] };
  if (records.length === 0) return { rows: [], problems: [{ line: 1, reason: 'the file has no signals' }] };
  const rows: LinedSignal[] = [];
  const problems: FileProblem[] = [];
  const firstLineOfKey = new Map<string, number>();
  for (const record of records) {
    try {
      const row = readSignal(new CsvRow(record.line, record.cells, defaults.timeZone), defaults.source);
      const key = `${row.platform}|${row.tag}|${row.observedAt.toISOString()}`;
      const first = firstLineOfKey.get(key);
      if (first !== undefined) throw new RowError(`repeats line ${first} (${row.platform} #${row.tag} at ${row.observedAt.toISOString()}); each may appear once per file`);
      firstLineOfKey.set(key, record.line);
      rows.push({ line: record.line, row });
    } catch (error) {
      if (!(error instanceof RowError)) throw error;
      problems.push({ line: record.line, reason: error.message });
    }
  }
  return { rows, problems };
}

function readSignal(cells: CsvRow, defaultSource: string): TrendSignalRow {
  const platformText = cells.text('platform').toLowerCase();
  const platform = PLATFORM_ALIASES[platformText] ?? platformText;
  if (!(PLATFORMS as readonly string[]).includes(platform)) throw new RowError(`platform "${platformText}" is not one of ${PLATFORMS.join(', ')}`);
  const kindText = (cells.text('kind', { optional: true }) ?? 'hashtag').toLowerCase();
  if (kindText !== 'hashtag' && kindText !== 'topic') throw new RowError(`kind "${kindText}" must be hashtag or topic`);
  const tag = cells.text('tag').replace(/^#/, '').trim().toLocaleLowerCase('en');
  if (kindText === 'hashtag' && !HASHTAG.test(tag)) throw new RowError(`tag "${tag}" is not a hashtag (letters, digits and _ only, up to 100; use kind "topic" for phrases)`);
  if (tag.length > 100) throw new RowError('tag is longer than 100 characters');
  const score = Number(cells.decimal('score', { min: 0 }));
  const category = cells.text('category', { optional: true })?.toLocaleLowerCase('en') ?? null;
  return { platform: platform as Platform, kind: kindText, tag, category, score, observedAt: cells.instant('observed_at'), source: cells.text('source', { optional: true }) ?? defaultSource };
}

interface CellRecord {
  line: number;
  cells: Map<string, string>;
}

function csvRecords(content: string): CellRecord[] | { problem: FileProblem } {
  let parsed;
  try {
    parsed = parseCsv(content);
  } catch (error) {
    if (error instanceof CsvSyntaxError) return { problem: { line: error.line, reason: error.message } };
    throw error;
  }
  const header = parsed.header.map((name) => name.trim().toLowerCase());
  const missing = TREND_COLUMNS.required.filter((name) => !header.includes(name));
  const unknown = header.filter((name) => !KNOWN_COLUMNS.has(name));
  const expected = `expected columns: ${[...KNOWN_COLUMNS].join(', ')}`;
  if (missing.length) return { problem: { line: 1, reason: `missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (${expected})` } };
  if (unknown.length) return { problem: { line: 1, reason: `unknown column${unknown.length > 1 ? 's' : ''} ${unknown.map((name) => `"${name}"`).join(', ')} (${expected})` } };
  const records: CellRecord[] = [];
  for (const record of parsed.records) {
    if (record.cells.length !== header.length) return { problem: { line: record.line, reason: `expected ${header.length} fields like the header, found ${record.cells.length}` } };
    records.push({ line: record.line, cells: new Map(header.map((name, index) => [name, record.cells[index]!])) });
  }
  return records;
}

/** A JSON array of objects, {"signals": [...]}, or JSON Lines (one object per line). */
function jsonRecords(content: string): CellRecord[] | { problem: FileProblem } {
  const text = content.replace(/^\ufeff/, '');
  if (text.trimStart().startsWith('[')) return arrayRecords(text);
  let whole: unknown;
  try {
    whole = JSON.parse(text);
  } catch {
    return jsonLines(text);
  }
  const signals = (whole as { signals?: unknown } | null)?.signals;
  if (Array.isArray(signals)) {
    const starts = itemStartLines(text, text.indexOf('[', text.indexOf('"signals"')));
    return signals.map((item, index) => objectRecord(item, starts[index] ?? 1));
  }
  // One object alone is a one-line JSON Lines file.
  return [objectRecord(whole, 1 + countNewlines(text, 0, text.indexOf('{')))];
}

function jsonLines(text: string): CellRecord[] | { problem: FileProblem } {
  const records: CellRecord[] = [];
  for (const [index, line] of text.split(/\r?\n/).entries()) {
    if (!line.trim()) continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      return { problem: { line: index + 1, reason: 'this line is not a JSON object (expected a JSON array of signals, {"signals": [...]}, or one JSON object per line)' } };
    }
    records.push(objectRecord(value, index + 1));
  }
  return records;
}

function arrayRecords(text: string): CellRecord[] | { problem: FileProblem } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { problem: jsonSyntaxProblem(text, error) };
  }
  const starts = itemStartLines(text, text.indexOf('['));
  return (value as unknown[]).map((item, index) => objectRecord(item, starts[index] ?? 1));
}

/** An item that is not an object gets no cells, so its first required column is reported missing. */
function objectRecord(value: unknown, line: number): CellRecord {
  const cells = new Map<string, string>();
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, cell] of Object.entries(value)) {
      if (cell === null || cell === undefined) continue;
      cells.set(key.toLowerCase(), typeof cell === 'string' ? cell : typeof cell === 'number' || typeof cell === 'boolean' ? String(cell) : JSON.stringify(cell));
    }
  } else {
    cells.set('platform', '');
  }
  return { line, cells };
}

/** The line each item of the array opening at `open` starts on (a scan that skips strings). */
function itemStartLines(text: string, open: number): number[] {
  const starts: number[] = [];
  let line = 1 + countNewlines(text, 0, open);
  let depth = 0;
  let inString = false;
  let escaped = false;
  let expectItem = true;
  for (let index = open; index < text.length; index++) {
    const character = text[index]!;
    if (character === '\n') line++;
    if (inString) {
      if (escaped) escaped = false;
      else if (character === '\\') escaped = true;
      else if (character === '"') inString = false;
      continue;
    }
    if (depth === 1 && expectItem && !/[\s,\]]/.test(character)) {
      starts.push(line);
      expectItem = false;
    }
    if (character === '"') inString = true;
    else if (character === '[' || character === '{') depth++;
    else if (character === ']' || character === '}') {
      depth--;
      if (depth === 0) break;
    } else if (character === ',' && depth === 1) expectItem = true;
  }
  return starts;
}

function countNewlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let index = from; index < to; index++) if (text[index] === '\n') count++;
  return count;
}

function jsonSyntaxProblem(text: string, error: unknown): FileProblem {
  const message = error instanceof Error ? error.message : String(error);
  const position = /position (\d+)/.exec(message);
  const line = position ? 1 + countNewlines(text, 0, Number(position[1])) : 1;
  return { line, reason: `not valid JSON: ${message.replace(/\s*\(line \d+ column \d+\)/, '')}` };
}
