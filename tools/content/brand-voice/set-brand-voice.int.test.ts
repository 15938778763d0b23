import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../../../db/database.ts';
import { caller } from '../../testing/caller.ts';
import { openToolTestWorld, type TestOrganization } from '../../testing/fixtures.ts';
import type { ToolRunner } from '../../registry/runner.ts';
import { scopeToOrganization, type ToolDb } from '../../registry/tenant-scope.ts';
import { loadBrandVoices } from './brand-voice-scope.ts';

let database: Database;
let runner: ToolRunner;
let org: TestOrganization;

beforeAll(async () => {
  ({ database, runner, org } = await openToolTestWorld('brand-voice'));
});
afterAll(async () => {
  await database.close();
});

it('keeps one voice per organisation and one per artist, each call replacing its scope\'s voice', async () => {
  const owner = caller(runner, () => org.as('OWNER'));
  const first = await owner.ok('set_brand_voice', { example_posts: ['out now.'], do_rules: ['short'] });
  expect(first).toMatchObject({ scope: 'organization', artist: null, replaced: false });
  const again = await owner.ok('set_brand_voice', { dont_rules: ['no exclamation marks'] });
  expect(again).toMatchObject({ scope: 'organization', example_posts: [], do_rules: [], dont_rules: ['no exclamation marks'], replaced: true });
  expect(await owner.ok('set_brand_voice', { artist: 'Luna Vale', do_rules: ['lower case'] })).toMatchObject({ scope: 'artist', artist: 'Luna Vale', replaced: false });
  expect(await owner.ok('set_brand_voice', { artist: ' luna   vale ', do_rules: ['lower case', 'mention the city'] })).toMatchObject({ replaced: true });
  expect(await database.prisma.brandVoice.count({ where: { organizationId: org.id } })).toBe(2);
  const voices = await loadBrandVoices(scopeToOrganization(database.prisma, org.id, { write: false, approvals: false, access: false }) as unknown as ToolDb, 'LUNA VALE');
  expect(voices).toEqual({ organisation: { examples: [], do: [], dont: ['no exclamation marks'] }, artist: { examples: [], do: ['lower case', 'mention the city'], dont: [] } });
  expect((await owner.fails('set_brand_voice', { artist: 'Nobody' })).message).toBe("input: give at least one example post, do rule or don't rule");
  expect((await caller(runner, () => org.as('ANALYST')).fails('set_brand_voice', { do_rules: ['x'] })).code).toBe('forbidden');
});
