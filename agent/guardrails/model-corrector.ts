import { generateText, type LanguageModel, type ModelMessage, type SystemModelMessage, type ToolSet } from 'ai';
import type { Logger } from '../../tools/registry/context.ts';
import { toTurnUsage } from '../usage.ts';
import type { Corrector } from './answer-review.ts';

export interface CorrectionCall {
  model: LanguageModel;
  instructions: SystemModelMessage[];
  /** The turn so far: history, question, and the steps that produced the rejected answer. */
  messages: ModelMessage[];
  tools: ToolSet;
  maxRetries: number;
  maxOutputTokens: number;
  timeoutMs: number;
  abortSignal?: AbortSignal;
  log: Logger;
}

/**
 * The answer check's one extra model call: the findings as a user message after the rejected
 * answer, no tools (the model rewrites from what it already has). A failure (the budget, the
 * provider) returns null, and the answer goes out with its note instead.
 */
export function modelCorrector(call: CorrectionCall): Corrector {
  return async (findings) => {
    try {
      const rewrite = await generateText({
        model: call.model,
        instructions: call.instructions,
        messages: [...call.messages, { role: 'user', content: findings }],
        tools: call.tools,
        toolChoice: 'none',
        maxRetries: call.maxRetries,
        maxOutputTokens: call.maxOutputTokens,
        abortSignal: call.abortSignal,
        timeout: { totalMs: call.timeoutMs },
      });
      return { text: rewrite.text.trim(), usage: toTurnUsage(rewrite.totalUsage) };
    } catch (error) {
      call.log.warn('the answer check\'s correction failed; the answer goes out with a note', { error: String(error) });
      return null;
    }
  };
}
