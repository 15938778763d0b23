/**
 * How long a text is, in the units the platforms count, and how to shorten it to a limit.
 *
 * "Characters" are UTF-16 code units (a string's `length`): TikTok documents its caption limit in
 * them, and for every other platform they are never fewer than the code points or graphemes it
 * may count, so a text that fits here fits there.
 */
export type Measure = (text: string) => number;

export const characterCount: Measure = (text) => text.length;

const utf8 = new TextEncoder();
export const utf8ByteCount: Measure = (text) => utf8.encode(text).length;

/** 2200 -> "2,200", as the change notes write figures. */
export function formatCount(count: number): string {
  return count.toLocaleString('en-GB');
}

/** "1 hashtag", "4 hashtags". */
export function plural(count: number, noun: string): string {
  return `${formatCount(count)} ${noun}${count === 1 ? '' : 's'}`;
}

const ELLIPSIS = '…';
// Punctuation left dangling before the ellipsis ("and so,…") reads as a mistake: drop it.
const DANGLING = /[\s,;:\-–—(]+$/u;

function withEllipsis(prefix: string): string {
  return prefix.replace(DANGLING, '') + ELLIPSIS;
}

/**
 * `text` unchanged when it fits `max`, else cut at the last word boundary that fits with an
 * ellipsis added. A first word longer than the limit is cut between graphemes, so no emoji or
 * accented letter is broken in half (half a surrogate pair cannot even be stored).
 */
export function trimToFit(text: string, max: number, measure: Measure = characterCount): string {
  if (measure(text) <= max) return text;
  // Every measure here counts at least one per UTF-16 unit, so no prefix longer than `max` units can fit.
  const wordEnds = [...text.matchAll(/\S(?=\s)/gu)].map((match) => match.index + match[0].length).filter((end) => end <= max);
  for (let index = wordEnds.length - 1; index >= 0; index--) {
    const candidate = withEllipsis(text.slice(0, wordEnds[index]));
    if (candidate.length > ELLIPSIS.length && measure(candidate) <= max) return candidate;
  }
  return cutBetweenGraphemes(text, max, measure);
}

function cutBetweenGraphemes(text: string, max: number, measure: Measure): string {
  const graphemes = [...new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(text)].map((part) => part.segment);
  let kept = '';
  for (const grapheme of graphemes) {
    if (measure(kept + grapheme + ELLIPSIS) > max) break;
    kept += grapheme;
  }
  return kept + ELLIPSIS;
}
