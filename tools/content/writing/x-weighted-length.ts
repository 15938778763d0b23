// twitter-text is X's own reference implementation of how a post is counted (weighted characters
// per its v3 config: most Latin, Greek, Cyrillic and punctuation weigh 1, CJK and emoji weigh 2,
// every URL weighs 23 whatever its length). Re-implementing those tables by hand would drift from
// X; the package is small, installs from the registry with no install script we need, and works
// from ESM through its CommonJS default export.
import twitterText from 'twitter-text';

/** X's limit for one post, in weighted characters (twitter-text's `maxWeightedTweetLength`). */
export const X_POST_MAX_WEIGHT = 280;

/** The length of `text` as X counts it against the 280 limit. */
export function xWeightedLength(text: string): number {
  return twitterText.parseTweet(text).weightedLength;
}
