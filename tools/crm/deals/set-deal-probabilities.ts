import { z } from 'zod';
import { defineTool } from '../../registry/define-tool.ts';
import { invalidInput } from '../../registry/errors.ts';
import { DEAL_STAGES, DEFAULT_STAGE_PROBABILITIES, loadStageProbabilities } from './deal-common.ts';

const probability = z.number().min(0).max(1).nullable().optional();

/**
 * crm:write, like set_attribution_settings' attribution:write: the people who run the pipeline tune
 * its forecast; it changes no access, money or member, and the audit log keeps every call.
 */
export const setDealProbabilities = defineTool({
  name: 'set_deal_probabilities',
  title: 'Set deal stage probabilities',
  description:
    'Sets the chance (0-1) that a deal at each stage closes won, which pipeline_summary\'s weighted amounts use. Stages left out keep their value; null resets one to the default ' +
    `(${DEAL_STAGES.map((stage) => `${stage} ${DEFAULT_STAGE_PROBABILITIES[stage]}`).join(', ')}). Returns every stage's probability in force.`,
  area: 'crm',
  access: 'write',
  permission: 'crm:write',
  input: z.object(Object.fromEntries(DEAL_STAGES.map((stage) => [stage, probability.describe(`Probability for ${stage} (0-1); null resets it.`)])) as Record<(typeof DEAL_STAGES)[number], typeof probability>),
  output: z.object({ stage_probabilities: z.record(z.enum(DEAL_STAGES), z.number()) }),
  hints: { idempotent: true },
  example: { PROPOSAL: 0.4, NEGOTIATION: 0.7 },
  async handler(ctx, input) {
    const given = DEAL_STAGES.filter((stage) => input[stage] !== undefined);
    if (!given.length) throw invalidInput('PROPOSAL', `give at least one stage: ${DEAL_STAGES.join(', ')}`);
    const organization = await ctx.db.organization.findUniqueOrThrow({ where: { id: ctx.orgId }, select: { settings: true } });
    const settings = (organization.settings ?? {}) as Record<string, unknown>;
    const crm = (settings.crm ?? {}) as Record<string, unknown>;
    const stored = { ...((crm.stage_probabilities ?? {}) as Record<string, number>) };
    for (const stage of given) {
      if (input[stage] === null) delete stored[stage];
      else stored[stage] = input[stage]!;
    }
    await ctx.db.organization.update({ where: { id: ctx.orgId }, data: { settings: { ...settings, crm: { ...crm, stage_probabilities: stored } } } });
    return { stage_probabilities: await loadStageProbabilities(ctx) };
  },
});
