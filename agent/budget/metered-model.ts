import type { LanguageModelV4StreamPart, LanguageModelV4Usage } from '@ai-sdk/provider';
import { wrapLanguageModel, type LanguageModel } from 'ai';
import type { ModelCallPurpose } from '../../db/generated/prisma/enums.ts';
import type { TurnUsage } from '../usage.ts';
import type { ModelMeter } from './model-meter.ts';

/**
 * The model, asking the meter before every call (a refused call throws BudgetExceededError before
 * any request leaves) and recording each call's usage as it finishes. Every model call of a turn
 * goes through it: the answer's steps, a thread summary, the answer check's correction.
 */
export function meteredModel(model: LanguageModel, meter: ModelMeter, purpose: ModelCallPurpose): LanguageModel {
  if (typeof model === 'string') throw new Error(`the agent needs a model object, not the id "${model}"`);
  return wrapLanguageModel({
    model,
    middleware: {
      specificationVersion: 'v4',
      wrapGenerate: async ({ doGenerate }) => {
        await meter.admit();
        const result = await doGenerate();
        await meter.record(purpose, fromProviderUsage(result.usage));
        return result;
      },
      wrapStream: async ({ doStream }) => {
        await meter.admit();
        const result = await doStream();
        let recorded: Promise<void> | undefined;
        const stream = result.stream.pipeThrough(
          new TransformStream<LanguageModelV4StreamPart, LanguageModelV4StreamPart>({
            transform(part, controller) {
              if (part.type === 'finish') recorded = meter.record(purpose, fromProviderUsage(part.usage));
              controller.enqueue(part);
            },
            async flush() {
              await recorded;
            },
          }),
        );
        return { ...result, stream };
      },
    },
  });
}

function fromProviderUsage(usage: LanguageModelV4Usage): TurnUsage {
  return {
    inputTokens: usage.inputTokens.total ?? 0,
    outputTokens: usage.outputTokens.total ?? 0,
    cacheReadTokens: usage.inputTokens.cacheRead ?? 0,
    cacheWriteTokens: usage.inputTokens.cacheWrite ?? 0,
  };
}
