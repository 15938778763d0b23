import { z } from 'zod';
import { defineTool } from '../../registry/define-tool.ts';
import { invalidInput } from '../../registry/errors.ts';
import { brandVoiceScope } from './brand-voice-scope.ts';

const rules = z.array(z.string().trim().min(1).max(300)).max(20);

export const setBrandVoice = defineTool({
  name: 'set_brand_voice',
  title: 'Set the brand voice',
  description: 'Sets how posts are written, for the whole organisation or (with artist) for one artist: a few example posts and do/don\'t rules, replacing that voice. generate_posts writes in both, the artist\'s winning where they differ.',
  area: 'content',
  access: 'write',
  permission: 'content:write',
  hints: { idempotent: true, destructive: true },
  input: z.object({
    artist: z.string().trim().min(1).max(200).optional().describe('The artist this voice is for; omit for the organisation-wide voice.'),
    example_posts: z.array(z.string().trim().min(1).max(2_200)).max(10).default([]).describe('Posts that sound right (up to 10; the first 5 go into prompts).'),
    do_rules: rules.default([]).describe('e.g. "lower case only", "mention the city of the show".'),
    dont_rules: rules.default([]).describe('e.g. "no exclamation marks", "never say banger".'),
  }),
  output: z.object({
    id: z.string(),
    scope: z.enum(['organization', 'artist']),
    artist: z.string().nullable(),
    example_posts: z.array(z.string()),
    do_rules: z.array(z.string()),
    dont_rules: z.array(z.string()),
    replaced: z.boolean().describe('true when a voice for this scope existed and was replaced.'),
  }),
  example: { artist: 'Luna Vale', example_posts: ['night drive. out friday. windows down.'], do_rules: ['lower case'], dont_rules: ['no exclamation marks'] },
  async handler(ctx, input) {
    if (!input.example_posts.length && !input.do_rules.length && !input.dont_rules.length) {
      throw invalidInput('input', 'give at least one example post, do rule or don\'t rule');
    }
    const scopeKey = brandVoiceScope(input.artist);
    const existing = await ctx.db.brandVoice.findFirst({ where: { scopeKey }, select: { id: true } });
    const fields = { artistName: input.artist ?? null, examplePosts: input.example_posts, doRules: input.do_rules, dontRules: input.dont_rules, updatedById: ctx.actor.userId };
    const voice = await ctx.db.brandVoice.upsert({
      where: { organizationId_scopeKey: { organizationId: ctx.orgId, scopeKey } },
      create: { organizationId: ctx.orgId, scopeKey, ...fields },
      update: fields,
    });
    return {
      id: voice.id,
      scope: input.artist ? ('artist' as const) : ('organization' as const),
      artist: voice.artistName,
      example_posts: voice.examplePosts,
      do_rules: voice.doRules,
      dont_rules: voice.dontRules,
      replaced: existing !== null,
    };
  },
});
