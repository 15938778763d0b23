import { X_POST_MAX_WEIGHT, xWeightedLength } from './x-weighted-length.ts';

/**
 * One X post too long for X, as consecutive posts that each fit: words are kept whole (so links
 * stay intact and keep counting 23), filled greedily in order; a single word longer than a post is
 * cut between graphemes. Line breaks inside a piece are kept.
 */
export function splitXPost(post: string, maxWeight: number = X_POST_MAX_WEIGHT): string[] {
  // Each word carries the whitespace after it, so joining pieces gives back the text.
  const words = post.trim().match(/\S+\s*/gu) ?? [];
  const pieces: string[] = [];
  let current = '';
  for (const word of words) {
    if (xWeightedLength((current + word).trimEnd()) <= maxWeight) {
      current += word;
      continue;
    }
    if (current.trim()) pieces.push(current.trimEnd());
    current = '';
    if (xWeightedLength(word.trimEnd()) <= maxWeight) {
      current = word;
      continue;
    }
    const cut = cutLongWord(word.trimEnd(), maxWeight);
    pieces.push(...cut.slice(0, -1));
    current = `${cut.at(-1) ?? ''} `;
  }
  if (current.trim()) pieces.push(current.trimEnd());
  return pieces;
}

function cutLongWord(word: string, maxWeight: number): string[] {
  const graphemes = [...new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(word)].map((part) => part.segment);
  const pieces: string[] = [''];
  for (const grapheme of graphemes) {
    const last = pieces.length - 1;
    if (xWeightedLength(pieces[last] + grapheme) <= maxWeight) pieces[last] += grapheme;
    else pieces.push(grapheme);
  }
  return pieces;
}
