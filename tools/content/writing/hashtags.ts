/**
 * Hashtags as drafts hold them (a list without '#') and as they are posted (appended to the
 * caption after a blank line). Limits count the posted text, so a caption that fits alone but not
 * with its hashtags is still over.
 */

// A hashtag in running text: '#' after a space or at the start, then letters, digits or '_'.
const INLINE_HASHTAG = /(?<=^|\s)#[\p{L}\p{M}\p{N}_]+/gu;

/** Tags without '#' or spaces, empty ones dropped, repeats (ignoring case) dropped after the first. */
export function normalizeHashtags(tags: readonly string[]): { tags: string[]; repeatsRemoved: number } {
  const seen = new Set<string>();
  const kept: string[] = [];
  let repeatsRemoved = 0;
  for (const raw of tags) {
    const tag = raw.replace(/\s+/gu, '').replace(/^#+/u, '');
    if (!tag) continue;
    const key = tag.toLocaleLowerCase('en');
    if (seen.has(key)) {
      repeatsRemoved++;
      continue;
    }
    seen.add(key);
    kept.push(tag);
  }
  return { tags: kept, repeatsRemoved };
}

/** The hashtags written in the text itself ("out now #newmusic"). */
export function inlineHashtags(text: string): string[] {
  return text.match(INLINE_HASHTAG) ?? [];
}

/** The caption as posted: the text, then the hashtags after a blank line. */
export function postedCaption(caption: string, hashtags: readonly string[]): string {
  if (hashtags.length === 0) return caption;
  const line = hashtags.map((tag) => `#${tag}`).join(' ');
  return caption ? `${caption}\n\n${line}` : line;
}

/** `text` without its last `count` inline hashtags (and the space before each). */
export function removeLastInlineHashtags(text: string, count: number): string {
  if (count <= 0) return text;
  const matches = [...text.matchAll(INLINE_HASHTAG)];
  let result = text;
  for (const match of matches.slice(-count).reverse()) {
    const start = match.index;
    const before = result.slice(0, start).replace(/[ \t]+$/u, '');
    result = before + result.slice(start + match[0].length);
  }
  return result.trimEnd();
}
