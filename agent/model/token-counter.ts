import Anthropic from '@anthropic-ai/sdk';
import type { ModelMessage } from 'ai';
import type { Logger } from '../../tools/registry/context.ts';
import { messageText } from '../threads/message-text.ts';
import { anthropicEndpoints, type ModelConfig } from './model-config.ts';

export interface TokenCountRequest {
  system: string;
  messages: readonly ModelMessage[];
}

/** How many input tokens a prompt takes; decides when a long thread is summarised. */
export interface TokenCounter {
  count(request: TokenCountRequest): Promise<number>;
}

/** A cheap upper-ish estimate (about 3.5 characters a token for English prose and JSON). */
export function estimateTokens(request: TokenCountRequest): number {
  const characters = request.system.length + request.messages.reduce((sum, message) => sum + messageText(message).length, 0);
  return Math.ceil(characters / 3.5);
}

export const estimatingTokenCounter: TokenCounter = { count: async (request) => estimateTokens(request) };

/**
 * Exact counts from Anthropic's count_tokens endpoint: something the AI SDK does not offer. Tool
 * calls and results are counted in their text rendering, close enough for a budget. Falls back to
 * the estimate when the endpoint fails, so counting never breaks a conversation.
 */
export function anthropicTokenCounter(config: ModelConfig & { provider: 'anthropic' }, log: Logger): TokenCounter {
  const client = new Anthropic({ apiKey: config.apiKey, baseURL: anthropicEndpoints(config).anthropicSdkBaseUrl, maxRetries: 1, timeout: 15_000 });
  return {
    async count(request) {
      try {
        const counted = await client.messages.countTokens({ model: config.modelId, system: request.system, messages: alternatingTextMessages(request.messages) });
        return counted.input_tokens;
      } catch (error) {
        log.warn('token count failed; using an estimate', { error: String(error) });
        return estimateTokens(request);
      }
    },
  };
}

/** The Messages API wants user/assistant turns alternating and starting with the user. */
function alternatingTextMessages(messages: readonly ModelMessage[]): Anthropic.MessageParam[] {
  const turns: Anthropic.MessageParam[] = [];
  for (const message of messages) {
    const role = message.role === 'assistant' ? 'assistant' : 'user';
    const text = messageText(message) || '(empty)';
    const last = turns.at(-1);
    if (last && last.role === role) last.content = `${last.content as string}\n\n${text}`;
    else turns.push({ role, content: text });
  }
  if (turns[0]?.role !== 'user') turns.unshift({ role: 'user', content: '(conversation continues)' });
  return turns;
}
