import { describe, expect, test } from 'vitest';
import { checkDraftLimits } from './check-limits.ts';
import { facebook, instagram, pinterest, snapchat, tags, tiktok, words, xThread, youtube } from './testing-drafts.ts';
import { xWeightedLength } from './x-weighted-length.ts';

const fields = (violations: ReturnType<typeof checkDraftLimits>) => violations.map((violation) => violation.field);

describe('Instagram', () => {
  test('a caption of 2,200 characters fits; 2,201 is over, with the field and the limit', () => {
    expect(checkDraftLimits(instagram({ caption: 'a'.repeat(2200) }))).toEqual([]);
    expect(checkDraftLimits(instagram({ caption: 'a'.repeat(2201) }))).toEqual([
      { platform: 'instagram', field: 'caption', unit: 'characters', actual: 2201, max: 2200, message: "the caption is 2,201 characters, over Instagram's 2,200" },
    ]);
  });

  test('hashtags count toward the caption as posted (after a blank line)', () => {
    // 2,190 + "\n\n" + "#tag1 #tag2" (11) = 2,203
    const [violation] = checkDraftLimits(instagram({ caption: 'a'.repeat(2190), hashtags: tags(2) }));
    expect(violation).toMatchObject({ field: 'caption', actual: 2203, max: 2200 });
  });

  test('30 hashtags fit; 31 are over, counting those written in the caption', () => {
    expect(checkDraftLimits(instagram({ hashtags: tags(30) }))).toEqual([]);
    expect(checkDraftLimits(instagram({ hashtags: tags(31) }))).toEqual([
      { platform: 'instagram', field: 'hashtags', unit: 'hashtags', actual: 31, max: 30, message: "the post has 31 hashtags, over Instagram's 30" },
    ]);
    expect(checkDraftLimits(instagram({ caption: 'Out now #newmusic', hashtags: tags(30) }))[0]).toMatchObject({ field: 'hashtags', actual: 31 });
  });

  test('any hashtag is over when none were asked for', () => {
    expect(checkDraftLimits(instagram({ hashtags: tags(1) }), { includeHashtags: false })[0]?.message).toBe('the post has 1 hashtag, but none were asked for');
  });
});

describe('X', () => {
  const url = 'https://example.com/releases/night-drive/pre-save?utm_source=crescendo&utm_medium=x';

  test('280 weighted characters fit and 281 do not, with a link counted as 23 and an emoji as 2', () => {
    // 253 letters + space + link (23) + space + emoji (2) = 280
    const fits = `${'a'.repeat(253)} ${url} 😀`;
    const over = `${'a'.repeat(254)} ${url} 😀`;
    expect(fits.length).toBeGreaterThan(280);
    expect(xWeightedLength(fits)).toBe(280);
    expect(checkDraftLimits(xThread('First post.', fits))).toEqual([]);
    expect(checkDraftLimits(xThread('First post.', over))).toEqual([
      { platform: 'x', field: 'posts[1]', unit: 'weighted characters', actual: 281, max: 280, message: "post 2 of the thread is 281 weighted characters, over X's 280" },
    ]);
  });

  test('CJK characters weigh 2: 140 fit, 141 do not', () => {
    expect(checkDraftLimits(xThread('夜'.repeat(140)))).toEqual([]);
    expect(checkDraftLimits(xThread('夜'.repeat(141)))[0]).toMatchObject({ actual: 282 });
  });
});

describe('TikTok', () => {
  test('3 to 5 hashtags fit; 2 are under and 6 over', () => {
    expect(checkDraftLimits(tiktok({ hashtags: tags(3) }))).toEqual([]);
    expect(checkDraftLimits(tiktok({ hashtags: tags(5) }))).toEqual([]);
    expect(checkDraftLimits(tiktok({ hashtags: tags(2) }))).toEqual([
      { platform: 'tiktok', field: 'hashtags', unit: 'hashtags', actual: 2, min: 3, max: 5, message: "the post has 2 hashtags, under TikTok's minimum of 3" },
    ]);
    expect(checkDraftLimits(tiktok({ hashtags: tags(6) }))[0]).toMatchObject({ field: 'hashtags', actual: 6, max: 5, message: "the post has 6 hashtags, over TikTok's 5" });
  });

  test('no minimum when hashtags were not asked for', () => {
    expect(checkDraftLimits(tiktok({ hashtags: [] }), { includeHashtags: false })).toEqual([]);
  });

  test('the caption with its hashtags fits at 2,200 characters and not at 2,201', () => {
    // "\n\n#tag1 #tag2 #tag3" is 19 characters
    expect(checkDraftLimits(tiktok({ caption: 'a'.repeat(2181), hashtags: tags(3) }))).toEqual([]);
    expect(fields(checkDraftLimits(tiktok({ caption: 'a'.repeat(2182), hashtags: tags(3) })))).toEqual(['caption']);
  });

  test('exactly 3 video ideas', () => {
    expect(checkDraftLimits(tiktok({ video_ideas: ['one', 'two'] }))[0]).toMatchObject({ field: 'video_ideas', actual: 2, min: 3 });
  });
});

describe('Pinterest', () => {
  test('title 100 fits, 101 is over; description 500 fits, 501 is over', () => {
    expect(checkDraftLimits(pinterest({ title: 'a'.repeat(100), description: 'b'.repeat(500) }))).toEqual([]);
    expect(checkDraftLimits(pinterest({ title: 'a'.repeat(101), description: 'b'.repeat(501) }))).toEqual([
      { platform: 'pinterest', field: 'title', unit: 'characters', actual: 101, max: 100, message: "the title is 101 characters, over Pinterest's 100" },
      { platform: 'pinterest', field: 'description', unit: 'characters', actual: 501, max: 500, message: "the description is 501 characters, over Pinterest's 500" },
    ]);
  });
});

describe('YouTube', () => {
  test('title 100 fits, 101 is over', () => {
    expect(checkDraftLimits(youtube({ title: 'a'.repeat(100) }))).toEqual([]);
    expect(checkDraftLimits(youtube({ title: 'a'.repeat(101) }))[0]).toMatchObject({ field: 'title', actual: 101, max: 100 });
  });

  test('the description is counted in UTF-8 bytes: 5,000 fit, 5,001 do not', () => {
    // "é" is 2 bytes: 2,500 of them are 5,000 bytes in 2,500 characters
    expect(checkDraftLimits(youtube({ description: 'é'.repeat(2500) }))).toEqual([]);
    expect(checkDraftLimits(youtube({ description: `${'é'.repeat(2500)}a` }))[0]).toMatchObject({ field: 'description', unit: 'bytes', actual: 5001, max: 5000 });
  });

  test('tags are 500 characters in all, commas and the quotes around tags with spaces included', () => {
    // 5 tags of 98 + 4 commas = 494; a 6th of "a b" is 3 + 2 quotes + 1 comma = 500
    const base = Array.from({ length: 5 }, (_, index) => `${index}`.repeat(98));
    expect(checkDraftLimits(youtube({ tags: [...base, 'a b'] }))).toEqual([]);
    expect(checkDraftLimits(youtube({ tags: [...base, 'a bc'] }))[0]).toMatchObject({ field: 'tags', actual: 501, max: 500 });
  });

  test('< and > are refused', () => {
    expect(checkDraftLimits(youtube({ title: 'Night Drive <3' }))[0]?.message).toBe('the title contains 1 < or > character, which YouTube refuses');
  });
});

test('Facebook text 63,206 fits and 63,207 does not; Snapchat caption 250 fits and 251 does not', () => {
  expect(checkDraftLimits(facebook(words(63206)))).toEqual([]);
  expect(checkDraftLimits(facebook(words(63207)))[0]).toMatchObject({ field: 'text', actual: 63207, max: 63206 });
  expect(checkDraftLimits(snapchat('a'.repeat(250)))).toEqual([]);
  expect(checkDraftLimits(snapchat('a'.repeat(251)))[0]).toMatchObject({ field: 'caption', actual: 251, max: 250 });
});
