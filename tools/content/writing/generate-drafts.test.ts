import type { LanguageModelV4CallOptions } from '@ai-sdk/provider';
import { describe, expect, test } from 'vitest';
import { scriptedModel } from '../../../agent/testing/scripted-model.ts';
import { DraftGenerationError } from './draft-generation-error.ts';
import { generatePlatformDrafts, generatePostDrafts } from './generate-drafts.ts';
import { tags, words } from './testing-drafts.ts';
import { postRequest } from './testing-request.ts';

// The AI SDK's mock model (through agent/testing/scripted-model.ts) answers each call in turn.
const answer = (drafts: unknown[]) => ({ text: JSON.stringify({ drafts }) });

const instagramDraft = (overrides: Record<string, unknown> = {}) => ({
  caption: 'late roads, low lights. night drive is out now',
  hashtags: ['newmusicfriday', 'indiepop'],
  image_suggestion: 'The cover: a car on an empty road at dusk',
  best_time: 'Friday 18:00',
  ...overrides,
});

const tiktokDraft = (hashtags: string[]) => ({ caption: 'pov: the last song on the drive home', hashtags, sound_suggestions: ['Night Drive'], video_ideas: ['a', 'b', 'c'] });

/** The last user message the model was sent on a call, as text. */
function lastUserText(call: LanguageModelV4CallOptions | undefined): string {
  const message = call?.prompt.filter((entry) => entry.role === 'user').at(-1);
  if (!message || message.role !== 'user') return '';
  return message.content.map((part) => (part.type === 'text' ? part.text : '')).join('');
}

test('a draft within its limits comes back as the model wrote it, from one call asking for JSON', async () => {
  const model = scriptedModel([answer([instagramDraft()])]);
  const drafts = await generatePlatformDrafts(model, postRequest(), 'instagram');
  expect(drafts).toEqual([{ draft: { platform: 'instagram', content: instagramDraft() }, changes: [] }]);
  expect(model.doGenerateCalls).toHaveLength(1);
  expect(model.doGenerateCalls[0]?.responseFormat).toMatchObject({ type: 'json', name: 'instagram_drafts' });
});

test('an answer over the limits is fixed, and the draft lists what was changed', async () => {
  const model = scriptedModel([answer([instagramDraft({ caption: words(2500), hashtags: tags(34) })])]);
  const [generated] = await generatePlatformDrafts(model, postRequest(), 'instagram');
  expect(generated?.changes).toEqual([
    "Removed 4 hashtags over Instagram's 30",
    expect.stringMatching(/^Shortened the caption from 2,[0-9]{3} to 2,[0-9]{3} characters \(hashtags included\) to fit Instagram's 2,200$/),
  ]);
  if (generated?.draft.platform !== 'instagram') throw new Error('expected an Instagram draft');
  expect(generated.draft.content.hashtags).toHaveLength(30);
  expect(model.doGenerateCalls).toHaveLength(1);
});

describe('an answer that breaks the schema', () => {
  test('is retried once, with the problem sent back, and the second answer is used', async () => {
    const model = scriptedModel([answer([{ caption: 42 }]), answer([instagramDraft()])]);
    const drafts = await generatePlatformDrafts(model, postRequest(), 'instagram');
    expect(drafts).toHaveLength(1);
    expect(model.doGenerateCalls).toHaveLength(2);
    expect(lastUserText(model.doGenerateCalls[1])).toMatch(/^That answer did not match the required JSON shape: drafts\.0\.caption: Invalid input: expected string, received number;/);
  });

  test('twice is reported as unavailable, naming the platform and each attempt\'s problem', async () => {
    const model = scriptedModel([{ text: 'Here are your posts!' }, answer([])]);
    const failure = await generatePlatformDrafts(model, postRequest(), 'instagram').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DraftGenerationError);
    const error = failure as DraftGenerationError;
    expect(error.code).toBe('unavailable');
    expect(error.platform).toBe('instagram');
    expect(error.problems).toEqual([
      expect.stringMatching(/^attempt 1: the answer did not match the draft shape \(JSON parsing failed/),
      'attempt 2: the answer did not match the draft shape (drafts: Too small: expected array to have >=1 items)',
    ]);
    expect(error.message).toMatch(/^The model could not write usable Instagram drafts after 2 attempts: attempt 1: /);
    expect(model.doGenerateCalls).toHaveLength(2);
  });
});

describe('TikTok hashtags under the minimum', () => {
  test('are topped up from the platform\'s trending tags without another call', async () => {
    const model = scriptedModel([answer([tiktokDraft(['roadtrip', 'indie'])])]);
    const [generated] = await generatePlatformDrafts(model, postRequest(), 'tiktok');
    if (generated?.draft.platform !== 'tiktok') throw new Error('expected a TikTok draft');
    expect(generated.draft.content.hashtags).toEqual(['roadtrip', 'indie', 'nightdrive']);
    expect(generated.changes).toEqual(["Added 1 trending hashtag (#nightdrive) to reach TikTok's minimum of 3"]);
    expect(model.doGenerateCalls).toHaveLength(1);
  });

  test('are written again when the trending tags cannot make up the difference', async () => {
    const model = scriptedModel([answer([tiktokDraft(['nightdrive'])]), answer([tiktokDraft(['roadtrip', 'indie', 'latenight'])])]);
    const [generated] = await generatePlatformDrafts(model, postRequest(), 'tiktok');
    expect(generated?.changes).toEqual([]);
    expect(model.doGenerateCalls).toHaveLength(2);
    expect(lastUserText(model.doGenerateCalls[1])).toBe(
      "Those drafts break limits that cannot be shortened away: the post has 2 hashtags, under TikTok's minimum of 3. Write them again within the limits, as JSON in the same shape.",
    );
  });
});

test('every platform of the request, in order, each with the requested number of drafts', async () => {
  const model = scriptedModel([
    answer([instagramDraft(), instagramDraft({ caption: 'second angle' }), instagramDraft({ caption: 'one too many' })]),
    answer([{ posts: ['one', 'two', 'three'] }, { posts: ['four', 'five', 'six'] }]),
  ]);
  const drafts = await generatePostDrafts(model, postRequest({ platforms: ['instagram', 'x'], count: 2 }));
  expect(drafts.map(({ draft }) => draft.platform)).toEqual(['instagram', 'instagram', 'x', 'x']);
  expect(model.doGenerateCalls.map((call) => lastUserText(call).split('\n')[0])).toEqual([
    'Write 2 Instagram drafts for the release in the data below.',
    'Write 2 X drafts for the release in the data below.',
  ]);
});
