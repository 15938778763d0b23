import { wrapLanguageModel, type LanguageModel } from 'ai';
import type { PrismaClient } from '../../db/generated/prisma/client.ts';
import type { Logger } from '../../tools/registry/context.ts';
import type { Principal } from '../../tools/registry/runner.ts';
import { ModelBudgetError } from '../../tools/usage/model-budget-error.ts';
import { isBudgetExceeded } from './budget-exceeded.ts';
import { meteredModel } from './metered-model.ts';
import { ModelMeter } from './model-meter.ts';

/**
 * The runner's `meterModel`: a tool's model calls (generate_posts) count against the same daily
 * budgets as the agent's, as the person who called the tool, recorded as DRAFTING; a spent budget
 * fails the tool with its sentence instead of making the call.
 */
export function draftingMeter(prisma: PrismaClient, modelId: string, log: Logger, now: () => Date = () => new Date()) {
  return (model: LanguageModel, call: { principal: Principal; timeZone: string }): LanguageModel => {
    const metered = meteredModel(model, new ModelMeter(prisma, { principal: call.principal, timeZone: call.timeZone, modelId, threadId: null }, now, log), 'DRAFTING');
    if (typeof metered === 'string') return metered;
    return wrapLanguageModel({
      model: metered,
      middleware: {
        specificationVersion: 'v4',
        wrapGenerate: ({ doGenerate }) => Promise.resolve(doGenerate()).catch(asToolError),
        wrapStream: ({ doStream }) => Promise.resolve(doStream()).catch(asToolError),
      },
    });
  };
}

function asToolError(error: unknown): never {
  throw isBudgetExceeded(error) ? new ModelBudgetError(error.message) : error;
}
