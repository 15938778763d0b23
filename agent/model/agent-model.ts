import type { LanguageModel } from 'ai';
import type { Logger } from '../../tools/registry/context.ts';
import { createLanguageModel } from './language-model.ts';
import type { ModelConfig } from './model-config.ts';
import { anthropicTokenCounter, estimatingTokenCounter, type TokenCounter } from './token-counter.ts';

/** A usable model: the AI SDK model, its id (for prices and reports), and how to count its tokens. */
export interface AgentModel {
  languageModel: LanguageModel;
  modelId: string;
  tokenCounter: TokenCounter;
}

/** null when no model is configured: the agent then explains how to configure one. */
export function agentModelFromConfig(config: ModelConfig, log: Logger): AgentModel | null {
  if (config.provider === 'none') return null;
  return {
    languageModel: createLanguageModel(config),
    modelId: config.modelId,
    tokenCounter: config.provider === 'anthropic' ? anthropicTokenCounter(config, log) : estimatingTokenCounter,
  };
}
