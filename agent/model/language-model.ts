import { createAnthropic } from '@ai-sdk/anthropic';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import type { LanguageModel } from 'ai';
import { anthropicEndpoints, type ReadyModelConfig } from './model-config.ts';

/**
 * The AI SDK model for a configuration. Base URL and key are always passed explicitly, so the
 * providers never fall back to reading process.env on their own.
 */
export function createLanguageModel(config: ReadyModelConfig): LanguageModel {
  if (config.provider === 'anthropic') {
    const anthropic = createAnthropic({ apiKey: config.apiKey, baseURL: anthropicEndpoints(config).aiSdkBaseUrl });
    return anthropic(config.modelId);
  }
  const server = createOpenAICompatible({ name: 'openai-compatible', baseURL: config.baseUrl, apiKey: config.apiKey, includeUsage: true });
  return server(config.modelId);
}
