/** Average advance of a character of the UI's sans-serif at 1px: an estimate that errs wide, so labels never collide. */
const CHAR_EM = 0.6;
export const AXIS_FONT_PX = 12;
export const LINE_HEIGHT_PX = 14;
const MAX_LINES = 2;
/** Angled labels run at 40° below the axis. */
export const LABEL_ANGLE = 40;

export function textWidth(text: string, fontPx = AXIS_FONT_PX): number {
  return text.length * fontPx * CHAR_EM;
}

/** Words into lines of at most `width` pixels; a word longer than a line gets a line of its own. */
export function wrapWords(text: string, width: number, fontPx = AXIS_FONT_PX): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines.at(-1);
    if (last !== undefined && textWidth(`${last} ${word}`, fontPx) <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines.length ? lines : [''];
}

export type CategoryLabels =
  | { mode: 'wrap'; lines: string[][]; height: number }
  | { mode: 'angle'; lines: string[][]; height: number };

/**
 * How category names sit under bands `bandWidth` wide without overlapping: on up to two lines when
 * every word fits the band, otherwise the whole name at an angle (never cut). `height` is the room
 * the labels need below the axis.
 */
export function layoutCategoryLabels(labels: readonly string[], bandWidth: number, fontPx = AXIS_FONT_PX): CategoryLabels {
  const room = bandWidth - 6;
  const wrapped = labels.map((label) => wrapWords(label, room, fontPx));
  const fits = wrapped.every((lines) => lines.length <= MAX_LINES && lines.every((line) => textWidth(line, fontPx) <= room));
  if (fits) return { mode: 'wrap', lines: wrapped, height: Math.max(...wrapped.map((lines) => lines.length), 1) * LINE_HEIGHT_PX + 6 };
  const longest = Math.max(...labels.map((label) => textWidth(label, fontPx)), 0);
  const radians = (LABEL_ANGLE * Math.PI) / 180;
  return { mode: 'angle', lines: labels.map((label) => [label]), height: Math.ceil(longest * Math.sin(radians) + fontPx * Math.cos(radians)) + 10 };
}

/** How far left of its anchor an angled label reaches. */
export function angledReach(text: string, fontPx = AXIS_FONT_PX): number {
  return textWidth(text, fontPx) * Math.cos((LABEL_ANGLE * Math.PI) / 180);
}
