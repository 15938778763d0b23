import type { LanguageModel } from 'ai';
import type { Database } from '../../db/database.ts';
import { openTestDatabase } from '../../db/testing/test-database.ts';
import { createCatalogue } from '../../tools/index.ts';
import { ToolRunner } from '../../tools/registry/runner.ts';
import { fixturePayVendor } from '../../tools/testing/fixture-tools.ts';
import { createTestOrganization, type TestOrganization } from '../../tools/testing/fixtures.ts';
import { createAgent, type Agent, type AgentLimits } from '../create-agent.ts';
import type { AgentModel } from '../model/agent-model.ts';
import { estimatingTokenCounter, type TokenCounter } from '../model/token-counter.ts';

export const APPROVE_BASE = 'http://crescendo.test/approvals/';

export interface AgentTestWorld {
  database: Database;
  runner: ToolRunner;
  org: TestOrganization;
  /** An agent over this world's registry with the given model (null: no model configured). */
  agent(model: LanguageModel | AgentModel | null, options?: { limits?: Partial<AgentLimits>; tokenCounter?: TokenCounter; modelId?: string; now?: () => Date }): Agent;
}

/**
 * A migrated database, one organisation, the real catalogue plus an approval fixture, approval
 * links on. `toolsWithoutConfirmation` is the organisation's agent setting: tests of the loop's
 * plumbing name the write tools they call, so those run at once instead of waiting for Confirm.
 */
export async function openAgentTestWorld(slug: string, options: { toolsWithoutConfirmation?: string[] } = {}): Promise<AgentTestWorld> {
  const database = await openTestDatabase();
  const runner = new ToolRunner({
    prisma: database.prisma,
    catalogue: createCatalogue([...createCatalogue().list(), fixturePayVendor]),
    approvalUrl: (id) => `${APPROVE_BASE}${id}`,
  });
  const org = await createTestOrganization(database, slug);
  if (options.toolsWithoutConfirmation) {
    await database.prisma.organization.update({ where: { id: org.id }, data: { settings: { agent_settings: { tools_without_confirmation: options.toolsWithoutConfirmation } } } });
  }
  return {
    database,
    runner,
    org,
    agent: (model, options = {}) =>
      createAgent({
        runner,
        prisma: database.prisma,
        model: model && isAgentModel(model) ? model : model && { languageModel: model, modelId: options.modelId ?? 'claude-sonnet-4-6', tokenCounter: options.tokenCounter ?? estimatingTokenCounter },
        limits: options.limits,
        now: options.now,
      }),
  };
}

function isAgentModel(model: LanguageModel | AgentModel): model is AgentModel {
  return typeof model === 'object' && 'languageModel' in model;
}
