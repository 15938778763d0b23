import { describe, expect, test } from 'vitest';
import { checkDraftLimits } from './check-limits.ts';
import type { DraftFor, PlatformDraft } from './draft-shapes.ts';
import { fitDraftToLimits } from './fit-to-limits.ts';
import { facebook, instagram, pinterest, snapchat, tags, tiktok, words, xThread, youtube } from './testing-drafts.ts';
import { xWeightedLength } from './x-weighted-length.ts';

function contentOf<P extends PlatformDraft['platform']>(draft: PlatformDraft, platform: P): DraftFor<P> {
  if (draft.platform !== platform) throw new Error(`expected a ${platform} draft, got ${draft.platform}`);
  return draft.content as DraftFor<P>;
}

test('a draft within every limit comes back unchanged, with no changes listed', () => {
  const draft = instagram({ caption: 'a'.repeat(2200) });
  expect(fitDraftToLimits(draft)).toEqual({ draft, changes: [], violations: [] });
});

describe('Instagram', () => {
  test('hashtags over 30 are dropped from the end, and the draft says so', () => {
    const fitted = fitDraftToLimits(instagram({ hashtags: tags(34) }));
    expect(contentOf(fitted.draft, 'instagram').hashtags).toEqual(tags(30));
    expect(fitted.changes).toEqual(["Removed 4 hashtags over Instagram's 30"]);
    expect(fitted.violations).toEqual([]);
  });

  test('hashtags written in the caption count too: the list goes first, then the caption\'s last ones', () => {
    const fitted = fitDraftToLimits(instagram({ caption: 'Out now #one #two #three', hashtags: tags(29) }));
    const content = contentOf(fitted.draft, 'instagram');
    expect(content.hashtags).toEqual(tags(27));
    expect(content.caption).toBe('Out now #one #two #three');
    expect(fitted.changes).toEqual(["Removed 2 hashtags over Instagram's 30"]);
    const crowded = fitDraftToLimits(instagram({ caption: `Out now ${tags(32).map((tag) => `#${tag}`).join(' ')}`, hashtags: ['extra'] }));
    expect(contentOf(crowded.draft, 'instagram')).toMatchObject({ hashtags: [], caption: `Out now ${tags(30).map((tag) => `#${tag}`).join(' ')}` });
  });

  test("a caption over 2,200 is cut at a word with an ellipsis, leaving room for its hashtags", () => {
    const fitted = fitDraftToLimits(instagram({ caption: words(2500), hashtags: tags(3) }));
    const content = contentOf(fitted.draft, 'instagram');
    expect(content.hashtags).toEqual(tags(3));
    expect(content.caption).toMatch(/words…$/);
    expect(fitted.changes).toEqual(["Shortened the caption from 2,519 to 2,197 characters (hashtags included) to fit Instagram's 2,200"]);
    expect(checkDraftLimits(fitted.draft)).toEqual([]);
  });

  test('hashtags come off when none were asked for; repeats and # signs are cleaned', () => {
    expect(fitDraftToLimits(instagram({ hashtags: ['#a', 'b'] }), { includeHashtags: false }).changes).toEqual(['Removed 2 hashtags: none were asked for']);
    const cleaned = fitDraftToLimits(instagram({ hashtags: ['#NewMusic', 'newmusic', ' indie '] }));
    expect(contentOf(cleaned.draft, 'instagram').hashtags).toEqual(['NewMusic', 'indie']);
    expect(cleaned.changes).toEqual(['Removed 1 repeated hashtag']);
  });
});

describe('TikTok', () => {
  test('6 hashtags become 5', () => {
    const fitted = fitDraftToLimits(tiktok({ hashtags: tags(6) }));
    expect(contentOf(fitted.draft, 'tiktok').hashtags).toEqual(tags(5));
    expect(fitted.changes).toEqual(["Removed 1 hashtag over TikTok's 5"]);
  });

  test('2 hashtags are topped up from the trending tags the model was shown, skipping ones already there', () => {
    const fitted = fitDraftToLimits(tiktok({ hashtags: ['indie', 'newmusic'] }), { spareHashtags: ['#IndieMusic', 'NewMusic', 'fyp'].slice(1) });
    expect(contentOf(fitted.draft, 'tiktok').hashtags).toEqual(['indie', 'newmusic', 'fyp']);
    expect(fitted.changes).toEqual(["Added 1 trending hashtag (#fyp) to reach TikTok's minimum of 3"]);
    expect(fitted.violations).toEqual([]);
  });

  test('2 hashtags with nothing to add stay a violation, for the draft to be written again', () => {
    const fitted = fitDraftToLimits(tiktok({ hashtags: tags(2) }));
    expect(fitted.changes).toEqual([]);
    expect(fitted.violations).toMatchObject([{ field: 'hashtags', actual: 2, min: 3 }]);
  });

  test('extra video ideas are dropped; the caption is cut to fit with its hashtags', () => {
    const fitted = fitDraftToLimits(tiktok({ caption: words(2300), video_ideas: ['1', '2', '3', '4'] }));
    expect(contentOf(fitted.draft, 'tiktok').video_ideas).toEqual(['1', '2', '3']);
    expect(fitted.changes).toEqual([
      "Shortened the caption from 2,330 to 2,196 characters (hashtags included) to fit TikTok's 2,200",
      'Kept the first 3 of 4 video ideas (a TikTok draft carries 3)',
    ]);
    expect(fitted.violations).toEqual([]);
  });
});

describe('X', () => {
  test('a post of 281 weighted characters is split into two posts of the thread, the link kept whole', () => {
    const url = 'https://example.com/releases/night-drive/pre-save?utm_source=crescendo';
    const long = `${'word '.repeat(51)}now ${url} 😀`; // 255 + 3 + 1 + 23 + 1 + 2 = 285
    expect(xWeightedLength(long)).toBeGreaterThan(280);
    const fitted = fitDraftToLimits(xThread('Intro.', long, 'Outro.'));
    const posts = contentOf(fitted.draft, 'x').posts;
    expect(posts).toHaveLength(4);
    expect(posts[0]).toBe('Intro.');
    expect(posts[3]).toBe('Outro.');
    expect(posts[2]).toContain(url);
    expect(`${posts[1]} ${posts[2]}`).toBe(long);
    for (const post of posts) expect(xWeightedLength(post)).toBeLessThanOrEqual(280);
    expect(fitted.changes).toEqual([`Split post 2 of the thread (${xWeightedLength(long)} weighted characters) into 2 posts to fit X's 280`, 'The thread now has 4 posts instead of 3']);
  });

  test('empty posts are dropped from the thread', () => {
    const fitted = fitDraftToLimits(xThread('one', ' ', 'two'));
    expect(contentOf(fitted.draft, 'x').posts).toEqual(['one', 'two']);
    expect(fitted.changes).toEqual(['Removed 1 empty post from the thread', 'The thread now has 2 posts instead of 3']);
  });

  test('a post of 280 stays as it is', () => {
    expect(fitDraftToLimits(xThread('a'.repeat(280))).changes).toEqual([]);
  });

  test('a word longer than a post is cut between characters, never inside an emoji', () => {
    const fitted = fitDraftToLimits(xThread('👩‍🎤'.repeat(200)));
    const posts = contentOf(fitted.draft, 'x').posts;
    expect(posts.join('')).toBe('👩‍🎤'.repeat(200));
    for (const post of posts) expect(xWeightedLength(post)).toBeLessThanOrEqual(280);
  });
});

test('Pinterest: a 101-character title and a 501-character description are cut at a word', () => {
  const fitted = fitDraftToLimits(pinterest({ title: words(101), description: words(501) }));
  const content = contentOf(fitted.draft, 'pinterest');
  expect(content.title.length).toBeLessThanOrEqual(100);
  expect(content.title).toMatch(/ words…$/);
  expect(content.description.length).toBeLessThanOrEqual(500);
  expect(fitted.changes).toEqual([
    "Shortened the title from 101 to 96 characters to fit Pinterest's 100",
    "Shortened the description from 501 to 498 characters to fit Pinterest's 500",
  ]);
});

test('YouTube: title cut, description cut in bytes, tags dropped from the end, < and > replaced', () => {
  const fitted = fitDraftToLimits(youtube({ title: `Night Drive <3 ${words(101)}`, description: `${'é '.repeat(2600)}`, tags: tags(100) }));
  const content = contentOf(fitted.draft, 'youtube');
  expect(content.title.startsWith('Night Drive ‹3')).toBe(true);
  expect(checkDraftLimits(fitted.draft)).toEqual([]);
  expect(fitted.changes).toEqual([
    'Replaced 1 < or > character in the title with ‹ or › (YouTube refuses < and >)',
    "Shortened the title from 116 to 99 characters to fit YouTube's 100",
    "Shortened the description from 7,800 to 5,000 bytes to fit YouTube's 5,000",
    "Removed 15 tags over YouTube's 500 characters of tags",
  ]);
});

test('Facebook and Snapchat texts are cut to their limits', () => {
  expect(fitDraftToLimits(facebook(words(63300))).changes).toEqual(["Shortened the text from 63,300 to 63,204 characters to fit Facebook's 63,206"]);
  expect(fitDraftToLimits(snapchat(words(251))).changes).toEqual(["Shortened the caption from 251 to 246 characters to fit Snapchat's 250"]);
});
