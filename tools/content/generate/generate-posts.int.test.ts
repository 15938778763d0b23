import type { LanguageModelV4CallOptions } from '@ai-sdk/provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { draftingMeter } from '../../../agent/budget/drafting-meter.ts';
import { silentLogger } from '../../registry/context.ts';
import { scriptedModel, type ScriptedStep } from '../../../agent/testing/scripted-model.ts';
import type { Database } from '../../../db/database.ts';
import { createCatalogue } from '../../index.ts';
import { caller } from '../../testing/caller.ts';
import { createTestOrganization, openToolTestWorld, type TestOrganization } from '../../testing/fixtures.ts';
import { ToolRunner } from '../../registry/runner.ts';
import { tags, words } from '../writing/testing-drafts.ts';

const NOW = new Date('2026-12-06T12:00:00Z');

interface Generated {
  release: { id: string; title: string; artist: string };
  drafts: Array<{ post_id: string; platform: string; content: Record<string, unknown>; changes: string[]; media_note: string | null }>;
  failed: Array<{ platform: string; reason: string }>;
  brand_voice: { organisation: boolean; artist: boolean };
  trending_hashtags_offered: Record<string, string[]>;
}

const answer = (drafts: unknown[]): ScriptedStep => ({ text: JSON.stringify({ drafts }) });
const instagram = (overrides: Record<string, unknown> = {}) => ({ caption: 'late roads, low lights. night drive is out friday', hashtags: ['newmusicfriday', 'indiepop'], image_suggestion: 'The cover', best_time: 'Friday 18:00', ...overrides });
const tiktok = { caption: 'pov: the last song on the drive home', hashtags: ['nightdrive', 'indiepop'], sound_suggestions: ['Night Drive'], video_ideas: ['dashboard lights', 'empty road', 'singing along'] };
const xThread = { posts: ['night drive is out friday https://lnk.to/nightdrive', 'written on a night bus'] };

/** Everything the model was sent on one call, instructions and messages, as text. */
function promptText(call: LanguageModelV4CallOptions | undefined): string {
  return (call?.prompt ?? []).map((message) => (typeof message.content === 'string' ? message.content : message.content.map((part) => ('text' in part ? part.text : '')).join(''))).join('\n');
}

describe('generate_posts', () => {
  let database: Database;
  let org: TestOrganization;
  let releaseId: string;
  let owner: ReturnType<typeof caller>;

  /** A runner whose configured model plays `steps`, as bin/runtime.ts hands the configured model to the runner. */
  function withModel(steps: ScriptedStep[]) {
    const model = scriptedModel(steps);
    const runner = new ToolRunner({ prisma: database.prisma, catalogue: createCatalogue(), now: () => NOW, llm: model });
    return { model, call: caller(runner, () => org.as('OWNER')) };
  }

  beforeAll(async () => {
    let runner: ToolRunner;
    ({ database, runner, org } = await openToolTestWorld('generate-posts', { now: () => NOW }));
    owner = caller(runner, () => org.as('OWNER'));
    const release = await owner.ok<{ id: string }>('create_release', {
      title: 'Night Drive',
      artist: 'Luna Vale',
      kind: 'single',
      date: '2026-12-12',
      links: { smart_link: 'https://lnk.to/nightdrive' },
      key_points: ['Written on a night bus'],
      assets: [
        { url: 'https://cdn.test/cover.jpg', kind: 'image', alt_text: 'A car on an empty road at dusk' },
        { url: 'https://cdn.test/teaser.mp4', kind: 'video', alt_text: 'Dashboard lights, 15 seconds' },
      ],
    });
    releaseId = release.id;
    await owner.ok('set_brand_voice', { example_posts: ['out now. go listen.'], dont_rules: ['no exclamation marks'] });
    await owner.ok('set_brand_voice', { artist: 'luna  VALE', do_rules: ['lower case only'] });
    await owner.ok('import_trend_signals', { text: 'platform,tag,score,observed_at\ntiktok,newmusicfriday,90,2026-12-05T09:00:00Z\ntiktok,altpop,60,2026-12-05T09:00:00Z\ninstagram,vinyl,50,2026-12-05T09:00:00Z\n' });
  });
  afterAll(async () => {
    await database.close();
  });

  it('without a configured model answers unavailable, saying how to configure one (after checking the release)', async () => {
    const failure = await owner.fails('generate_posts', { release_id: releaseId, platforms: ['instagram'], style: 'promotional' });
    expect(failure.code).toBe('unavailable');
    expect(failure.message).toMatch(/^generate_posts writes with a language model, and none is configured\. Set ANTHROPIC_API_KEY .*CRESCENDO_OPENAI_BASE_URL with CRESCENDO_MODEL/);
    expect((await owner.fails('generate_posts', { release_id: '01900000-0000-7000-8000-000000000000', platforms: ['instagram'], style: 'promotional' })).code).toBe('not_found');
    expect(await database.prisma.scheduledPost.count({ where: { organizationId: org.id } })).toBe(0);
  });

  it('writes each platform\'s drafts in the brand voices with trending tags, fits them to the limits and stores them as DRAFT posts', async () => {
    const { model, call } = withModel([answer([instagram({ caption: words(2500), hashtags: tags(34) })]), answer([tiktok]), answer([xThread])]);
    const result = await call.ok<Generated>('generate_posts', { release_id: releaseId, platforms: ['instagram', 'tiktok', 'x'], style: 'promotional', tone: 'warm' });

    expect(result.release).toEqual({ id: releaseId, title: 'Night Drive', artist: 'Luna Vale' });
    expect(result.brand_voice).toEqual({ organisation: true, artist: true });
    expect(result.trending_hashtags_offered).toEqual({ instagram: ['vinyl'], tiktok: ['newmusicfriday', 'altpop'], x: [] });
    expect(result.failed).toEqual([]);
    const [ig, tt, x] = result.drafts;
    expect(ig!.changes).toEqual(["Removed 4 hashtags over Instagram's 30", expect.stringMatching(/^Shortened the caption from 2,\d{3} to 2,\d{3} characters \(hashtags included\) to fit Instagram's 2,200$/)]);
    expect(tt!.changes).toEqual(["Added 1 trending hashtag (#newmusicfriday) to reach TikTok's minimum of 3"]);
    expect(x!.changes).toEqual([]);

    // The brand voices (the artist's matched whatever its case and spacing) and the trending tags went into the prompt.
    const tiktokPrompt = promptText(model.doGenerateCalls[1]);
    expect(tiktokPrompt).toContain('no exclamation marks');
    expect(tiktokPrompt).toContain('lower case only');
    expect(tiktokPrompt).toContain('newmusicfriday');
    expect(tiktokPrompt).toContain('"warm"');

    const stored = await database.prisma.scheduledPost.findMany({ where: { organizationId: org.id }, orderBy: { id: 'asc' } });
    expect(stored.map((post) => post.id)).toEqual(result.drafts.map((draft) => draft.post_id));
    expect(stored.every((post) => post.status === 'DRAFT' && post.releaseId === releaseId && post.scheduledAt === null && post.approvalRequestId === null)).toBe(true);
    expect(stored[0]).toMatchObject({ platform: 'INSTAGRAM', contentType: 'POST', hashtags: tags(30), media: [{ url: 'https://cdn.test/cover.jpg', kind: 'image', alt_text: 'A car on an empty road at dusk' }] });
    expect(stored[0]!.caption.length).toBeLessThan(2200);
    expect(stored[0]!.details).toMatchObject({ source: 'generated', style: 'promotional', tone: 'warm', limit_changes: ig!.changes, suggestions: { image_suggestion: 'The cover', best_time: 'Friday 18:00' } });
    expect(stored[1]).toMatchObject({ platform: 'TIKTOK', contentType: 'VIDEO', caption: tiktok.caption, hashtags: ['nightdrive', 'indiepop', 'newmusicfriday'], media: [expect.objectContaining({ kind: 'video' })] });
    expect(stored[1]!.details).toMatchObject({ suggestions: { sound_suggestions: ['Night Drive'], video_ideas: tiktok.video_ideas } });
    expect(stored[2]).toMatchObject({ platform: 'X', contentType: 'THREAD', caption: xThread.posts[0], thread: xThread.posts });
  });

  it('reports a platform whose answers break the draft shape twice, and stores the others; when none is usable nothing is stored', async () => {
    const before = await database.prisma.scheduledPost.count({ where: { organizationId: org.id } });
    const { model, call } = withModel([answer([{ caption: 42 }]), { text: 'Here are your posts!' }, answer([{ title: 'Night Drive', description: 'For late roads.', board_suggestions: ['Road trip'], keywords: ['night drive'] }])]);
    const result = await call.ok<Generated>('generate_posts', { release_id: releaseId, platforms: ['instagram', 'pinterest'], style: 'lifestyle', include_hashtags: false });
    expect(model.doGenerateCalls).toHaveLength(3);
    expect(result.failed).toEqual([{ platform: 'instagram', reason: expect.stringMatching(/^The model could not write usable Instagram drafts after 2 attempts: attempt 1: the answer did not match the draft shape/) }]);
    expect(result.drafts.map((draft) => draft.platform)).toEqual(['pinterest']);
    expect(result.trending_hashtags_offered).toEqual({ instagram: [], pinterest: [] });
    expect(await database.prisma.scheduledPost.count({ where: { organizationId: org.id } })).toBe(before + 1);

    const broken = withModel([{ text: 'no' }, { text: 'still no' }]);
    const failure = await broken.call.fails('generate_posts', { release_id: releaseId, platforms: ['snapchat'], style: 'ugc' });
    expect(failure).toMatchObject({ code: 'unavailable', message: expect.stringMatching(/^The model could not write usable Snapchat drafts after 2 attempts/) });
    expect(await database.prisma.scheduledPost.count({ where: { organizationId: org.id } })).toBe(before + 1);
  });

  it('counts its model calls against the daily budgets as DRAFTING, and once a budget is spent makes no call and says so', async () => {
    const model = scriptedModel([answer([instagram()])]);
    const runner = new ToolRunner({ prisma: database.prisma, catalogue: createCatalogue(), now: () => NOW, llm: model, meterModel: draftingMeter(database.prisma, 'scripted', silentLogger, () => NOW) });
    const call = caller(runner, () => org.as('OWNER'));
    await call.ok('generate_posts', { release_id: releaseId, platforms: ['instagram'], style: 'promotional' });
    const usage = await database.prisma.modelUsage.findMany({ where: { organizationId: org.id, purpose: 'DRAFTING' } });
    expect(usage).toHaveLength(1);
    expect(usage[0]!.userId).toBe(org.ownerId);

    await owner.ok('set_model_budget', { org_daily_tokens: 1 });
    const calls = model.doGenerateCalls.length;
    const refused = await call.fails('generate_posts', { release_id: releaseId, platforms: ['instagram', 'x'], style: 'promotional' });
    expect(refused).toMatchObject({ code: 'unavailable', message: expect.stringContaining("Today's assistant budget for your organisation is used up") });
    expect(model.doGenerateCalls.length).toBe(calls);
    await owner.ok('set_model_budget', { org_daily_tokens: null });
  });

  it('says when the release has no asset of the kind a platform needs; another organisation\'s release is not found', async () => {
    const bare = await owner.ok<{ id: string }>('create_release', { title: 'Glow Hoodie', artist: 'Luna Vale', kind: 'merch_drop' });
    const { call } = withModel([answer([{ title: 'Glow hoodie', description: 'Lit from within.', tags: ['merch'] }])]);
    const result = await call.ok<Generated>('generate_posts', { release_id: bare.id, platforms: ['youtube'], style: 'promotional' });
    expect(result.drafts[0]!.media_note).toBe('The release has no video asset: add media before scheduling.');
    const other = await createTestOrganization(database, 'generate-posts-other');
    const outsider = caller(new ToolRunner({ prisma: database.prisma, catalogue: createCatalogue(), llm: scriptedModel([]) }), () => other.as('OWNER'));
    expect((await outsider.fails('generate_posts', { release_id: releaseId, platforms: ['x'], style: 'promotional' })).code).toBe('not_found');
  });
});
