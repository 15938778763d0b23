/**
 * Figures as an answer writes them ("USD 20,744.56", "63%", "1.2k", "3.4 million") and the numbers
 * a turn's data holds, so the answer check can tell a quoted or rounded figure from an invented
 * one. Dates, times, ids, links, list numbering and small counts are not figures.
 */
export interface Figure {
  /** As written, for the finding ("20,744.56"). */
  text: string;
  /** The value, with any k/M/bn multiplier applied. */
  value: number;
  percent: boolean;
  /** The smallest step the writing can express: 0.01 for "3.12", 100 for "1.2k" or "20,700". */
  step: number;
  /**
   * Every way the writing can be read: "20,744" is twenty thousand in English and twenty point
   * seven in German, "20.744,56" only the latter. `value` and `step` are the first.
   */
  readings: Array<{ value: number; step: number }>;
}

const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';
const NOT_FIGURES: readonly RegExp[] = [
  /https?:\/\/\S+/gi,
  /`[^`\n]*`/g,
  /\b[\w.+-]+@[\w-]+\.[\w.]+\b/g,
  /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi,
  /\b\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?\b/g,
  /\b\d{1,4}[/.]\d{1,2}[/.]\d{2,4}\b/g,
  /\b\d{1,2}:\d{2}(?::\d{2})?(?:\s?[ap]\.?m\.?)?/gi,
  /\b\d{1,2}\s?[ap]\.?m\.?(?![a-z])/gi,
  new RegExp(`\\b${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+\\d{4})?\\b`, 'gi'),
  new RegExp(`\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}(?:,?\\s+\\d{4})?`, 'gi'),
  new RegExp(`\\b${MONTH}\\s+\\d{4}\\b`, 'gi'),
  /\b(?:week|wk|q|h)\s?\d{1,2}\b/gi,
  // The unit of a cost per thousand streams, not a figure.
  /\b(?:per|pro|par|por)\s+(?:1\s?k|1[,.\u202f]?000|thousand|tausend|mille)\b/gi,
  // List numbering: "1. ", "2) ", "- 3. " at the start of a line.
  /^\s*(?:[-*]\s+)?\d{1,3}[.)](?=\s)/gm,
];

const MULTIPLIERS: Record<string, number> = { k: 1e3, thousand: 1e3, m: 1e6, million: 1e6, mn: 1e6, b: 1e9, bn: 1e9, billion: 1e9 };

// A number not glued to a word, id or version: optional sign, thousands separators (English ",",
// German ".", French narrow spaces), decimals, then a multiplier and/or a percent sign. The
// surrounding checks happen in code (see `figuresIn`).
const NUMBER = /[-−+]?(?:\d{1,3}(?:[,.\u00a0\u202f]\d{3})+|\d+)(?:[.,]\d+)?(?:\s?(?:thousand|million|billion|bn|mn|k|K|M|B)(?![a-z]))?(?:\s?%|\s(?:percent|per cent|pct)\b)?/g;

/** How the two conventions write a number: [pattern, group separator, decimal mark]. */
const CONVENTIONS: ReadonlyArray<[RegExp, RegExp, string]> = [
  [/^(?:\d{1,3}(?:[,\u00a0\u202f]\d{3})+|\d+)(?:\.\d+)?$/, /[,\u00a0\u202f]/g, '.'],
  [/^(?:\d{1,3}(?:[.\u00a0\u202f]\d{3})+|\d+)(?:,\d+)?$/, /[.\u00a0\u202f]/g, ','],
];

/** Whole numbers up to this, without a unit, are counts and ranks ("3 vendors", "top 5"), not figures. */
export const SMALL_COUNT = 10;

/** The figures an answer states. */
export function figuresIn(text: string): Figure[] {
  const cleaned = NOT_FIGURES.reduce((current, pattern) => current.replace(pattern, (match) => ' '.repeat(match.length)), text);
  const figures: Figure[] = [];
  for (const match of cleaned.matchAll(NUMBER)) {
    let raw = match[0];
    let start = match.index;
    // "10-20": the hyphen joins a range; the second number has no sign.
    if (/^[-−+]/.test(raw) && /[\p{L}\d]/u.test(cleaned[start - 1] ?? ' ')) {
      raw = raw.slice(1);
      start += 1;
    }
    const end = start + raw.length;
    const before = cleaned[start - 1] ?? ' ';
    const after = cleaned.slice(end, end + 2);
    // Part of an identifier, a version, a fraction or a code ("Q3", "v2.1", "28d", "#12", "3/5").
    if (/[\p{L}\d_#/.]/u.test(before)) continue;
    if (/^[\p{L}\d_]/u.test(after) || /^\.\d/.test(after)) continue;
    const figure = readFigure(raw);
    if (!figure) continue;
    if (!figure.percent && figure.step >= 1 && Number.isInteger(figure.value) && Math.abs(figure.value) <= SMALL_COUNT && !/[kmb]/i.test(raw)) continue;
    if (!figure.percent && isYear(raw)) continue;
    figures.push(figure);
  }
  return figures;
}

function readFigure(raw: string): Figure | null {
  const percent = /%|percent|per cent|pct/i.test(raw);
  const body = raw.replace(/\s?(?:%|percent|per cent|pct)$/i, '').trim();
  const parsed = /^[-−+]?([\d,.\u00a0\u202f]+?)\s?([a-zA-Z]+)?$/.exec(body);
  if (!parsed) return null;
  const [, number, suffix] = parsed;
  const multiplier = suffix ? MULTIPLIERS[suffix.toLowerCase()] : 1;
  if (!multiplier) return null;
  const readings: Figure['readings'] = [];
  for (const [pattern, groups, decimalMark] of CONVENTIONS) {
    if (!pattern.test(number!)) continue;
    const [whole, decimals = ''] = number!.replace(groups, '').split(decimalMark);
    const value = Number(`${whole}.${decimals || '0'}`) * multiplier;
    // "20,700" may be 20,744 rounded to hundreds (two significant digits kept at least); "30" and "500" are exact.
    const trailingZeros = decimals || suffix || percent || whole!.length < 4 ? 0 : Math.min(/0*$/.exec(whole!)![0].length, whole!.length - 2);
    const step = (decimals ? 10 ** -decimals.length : 10 ** trailingZeros) * multiplier;
    if (Number.isFinite(value) && !readings.some((reading) => reading.value === value && reading.step === step)) readings.push({ value, step });
  }
  if (!readings.length) return null;
  return { text: raw.trim(), value: readings[0]!.value, step: readings[0]!.step, percent, readings };
}

function isYear(raw: string): boolean {
  return /^(?:19|20)\d{2}$/.test(raw.trim());
}

/**
 * Every number a piece of data holds: number values, numbers inside strings (read generously,
 * "52.4%" as 52.4 and 0.524), digits in field names (streams_28d: 28) and list lengths (a count
 * of rows the answer may state).
 */
export function numbersIn(value: unknown, into: Set<number> = new Set()): Set<number> {
  if (typeof value === 'number') into.add(value);
  else if (typeof value === 'string') numbersInText(value, into);
  else if (Array.isArray(value)) {
    into.add(value.length);
    for (const item of value) numbersIn(item, into);
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      for (const digits of key.match(/\d+/g) ?? []) into.add(Number(digits));
      numbersIn(item, into);
    }
  }
  return into;
}

export function numbersInText(text: string, into: Set<number> = new Set()): Set<number> {
  for (const match of text.matchAll(NUMBER)) {
    const figure = readFigure(match[0].replace(/^[-−+]/, ''));
    if (!figure) continue;
    for (const { value } of figure.readings) {
      into.add(value);
      if (figure.percent) into.add(value / 100);
    }
  }
  return into;
}

/**
 * Whether the figure states `source`: equal after the figure's own rounding or truncation, read
 * as written or, for a percentage, as a ratio (63% for 0.6312). Signs are compared loosely, since
 * prose says "down 12%" for -0.12.
 */
export function figureStates(figure: Figure, source: number): boolean {
  const readings = figure.percent ? figure.readings.flatMap((reading) => [reading, { value: reading.value / 100, step: reading.step / 100 }]) : figure.readings;
  const target = Math.abs(source);
  return readings.some(({ value, step }) => {
    const stated = Math.abs(value);
    const slack = 1e-9 * Math.max(1, target);
    const rounded = Math.abs(stated - target) <= step / 2 + slack;
    const truncated = target >= stated && target - stated < step - slack;
    return rounded || truncated;
  });
}

export function isGrounded(figure: Figure, sources: ReadonlySet<number>): boolean {
  for (const source of sources) if (figureStates(figure, source)) return true;
  return false;
}
