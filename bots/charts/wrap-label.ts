/**
 * Splits a label into lines of at most `maxChars` at spaces, so an axis label is wrapped between
 * words and never cut inside one (a word longer than the limit keeps a line of its own).
 */
export function wrapLabel(label: string, maxChars: number): string[] {
  const lines: string[] = [];
  for (const word of label.trim().split(/\s+/).filter(Boolean)) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= maxChars) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines.length ? lines : [''];
}
