/** Figures in prose: numbers (with thousands separators, signs, decimals, percentages), minus ids, dates and small counts. */
export interface Figure {
  text: string;
  value: number;
  percent: boolean;
  decimals: number;
}

const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;
const DATE = /\b\d{4}-\d{2}-\d{2}(?:T[\d:.]+Z?)?\b/g;
const URL_PATTERN = /https?:\/\/\S+/g;
/** A month's name or abbreviation as a whole word ("decreased" is not December). */
const MONTH = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\b\\.?';
/**
 * Calendar references, not figures: "October 2026", "Q3 2026", "week 46", "16 November",
 * "Nov 16th", a time of day ("14:00"), and a bare year of this decade ("in 2026").
 */
const CALENDAR = new RegExp(
  `\\b(?:${MONTH}\\s+(?:\\d{1,2}(?:st|nd|rd|th)?,?\\s+)?\\d{4}|\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH}(?:\\s+\\d{4})?|${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?|q[1-4]\\s+\\d{4}|week\\s+\\d{1,2}|\\d{1,2}:\\d{2}(?::\\d{2})?|20[2-3]\\d)\\b`,
  'gi',
);
/** A score's scale ("66.7/100", "90 out of 100"): the denominator is not a figure. */
const SCALE = /(?:\/|\bout of\s+)100\b/gi;
const NUMBER = /(?<![\w.])[-−]?\d{1,3}(?:,\d{3})+(?:\.\d+)?%?|(?<![\w.])[-−]?\d+(?:\.\d+)?%?/g;

/** Small whole numbers (ordinals, "3 vendors") are not scored as figures. */
const SMALL_COUNT = 10;

export function extractFigures(text: string, options: { includeSmallCounts?: boolean } = {}): Figure[] {
  const cleaned = text.replace(URL_PATTERN, ' ').replace(UUID, ' ').replace(DATE, ' ').replace(CALENDAR, ' ').replace(SCALE, ' ');
  const figures: Figure[] = [];
  for (const match of cleaned.matchAll(NUMBER)) {
    const raw = match[0];
    const percent = raw.endsWith('%');
    const digits = raw.replace(/[,%]/g, '').replace('−', '-');
    const value = Number(digits);
    if (!Number.isFinite(value)) continue;
    if (!options.includeSmallCounts && !percent && Number.isInteger(value) && Math.abs(value) <= SMALL_COUNT) continue;
    figures.push({ text: raw, value, percent, decimals: digits.includes('.') ? digits.split('.')[1]!.length : 0 });
  }
  return figures;
}

/** Every number in a tool output (including numbers inside strings such as "42,748 of 67,500"). */
export function numbersIn(value: unknown, into: number[] = []): number[] {
  if (typeof value === 'number') into.push(value);
  else if (typeof value === 'string') for (const figure of extractFigures(value)) into.push(figure.percent ? figure.value / 100 : figure.value);
  else if (Array.isArray(value)) for (const item of value) numbersIn(item, into);
  else if (value && typeof value === 'object') for (const item of Object.values(value)) numbersIn(item, into);
  return into;
}

/**
 * A figure matches a number when equal after the figure's own rounding (or within a relative
 * tolerance), read as a plain number or as a percentage of a ratio (52.4% for 0.5244). Signs are
 * compared loosely: prose says "down 12%" for -0.12.
 */
export function figureMatches(figure: Figure, target: number, tolerance = 0.005): boolean {
  const rounding = 0.5 * 10 ** -figure.decimals;
  const readings = [
    { value: figure.value, slack: rounding },
    { value: figure.value / 100, slack: rounding / 100 },
  ];
  return readings.some((reading) => Math.abs(Math.abs(reading.value) - Math.abs(target)) <= Math.max(reading.slack, Math.abs(target) * tolerance, 1e-9));
}

export function groundedIn(figure: Figure, numbers: readonly number[]): boolean {
  return numbers.some((number) => figureMatches(figure, number));
}
