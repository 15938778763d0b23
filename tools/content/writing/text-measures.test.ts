import { expect, test } from 'vitest';
import { splitXPost } from './split-x-post.ts';
import { characterCount, trimToFit, utf8ByteCount } from './text-measures.ts';

test('a text that fits is returned as it is', () => {
  expect(trimToFit('night drive', 11)).toBe('night drive');
});

test('a cut falls after the last whole word that fits with the ellipsis, dropping dangling punctuation', () => {
  expect(trimToFit('late roads, low lights', 13)).toBe('late roads…');
  expect(trimToFit('late roads, low lights', 21)).toBe('late roads, low…');
});

test('a single word longer than the limit is cut between graphemes', () => {
  expect(trimToFit('supercalifragilistic', 6)).toBe('super…');
  const cut = trimToFit('👩‍🎤👩‍🎤👩‍🎤', 8);
  expect(cut).toBe('👩‍🎤…');
  expect(characterCount(cut)).toBeLessThanOrEqual(8);
});

test('a byte limit counts UTF-8 bytes, so accented text is cut shorter', () => {
  // "café" is 5 bytes and "…" 3: "café café…" is 14 bytes in 10 characters
  expect(trimToFit('café café café', 14, utf8ByteCount)).toBe('café café…');
  expect(trimToFit('café café café', 13, utf8ByteCount)).toBe('café…');
});

test('an X post splits at spaces and keeps its line breaks', () => {
  expect(splitXPost('one two\nthree four', 9)).toEqual(['one two', 'three', 'four']);
});
