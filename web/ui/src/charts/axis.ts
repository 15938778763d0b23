/** Steps an axis may take, per power of ten: ticks read 0, 2.5, 5, 7.5 rather than 0, 2.3, 4.6. */
const NICE_STEPS = [1, 2, 2.5, 5, 10];

export interface ValueAxis {
  /** The axis top: the data's maximum rounded up to the next tick, never further. */
  max: number;
  ticks: number[];
}

/**
 * A zero-based axis for values up to `dataMax`, in at most `intervals` steps of a nice size. The top
 * is the first tick at or above the data (a ROAS of 3.4 gets 0–4, not 0–8), so the tallest bar
 * nearly fills the chart. `include` widens it to a reference value (break-even at 1×).
 */
export function valueAxis(dataMax: number, { intervals = 4, include = 0 }: { intervals?: number; include?: number } = {}): ValueAxis {
  const top = Math.max(dataMax, include, 0);
  if (!Number.isFinite(top) || top === 0) return { max: 1, ticks: [0, 1] };
  const rough = top / intervals;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = NICE_STEPS.map((multiple) => multiple * power).find((candidate) => candidate >= rough * (1 - 1e-9))!;
  // Floating point: 0.1 * 3 is 0.30000000000000004; twelve significant digits are plenty for an axis.
  const count = Math.ceil(top / step - 1e-9);
  const ticks = Array.from({ length: count + 1 }, (_, index) => Number((index * step).toPrecision(12)));
  return { max: ticks.at(-1)!, ticks };
}

/** Every how many categories an axis label fits, so labels `labelWidth` wide never touch on bands `bandWidth` wide. */
export function labelEvery(bandWidth: number, labelWidth: number, gap = 8): number {
  if (bandWidth <= 0) return 1;
  return Math.max(1, Math.ceil((labelWidth + gap) / bandWidth));
}
