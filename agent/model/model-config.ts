/**
 * Which language model the agent talks to, resolved once from the environment (bin/config.ts
 * hands the raw values in). Nothing else decides the provider, the model id or the base URL.
 */
export type ModelConfig = AnthropicModelConfig | OpenAiCompatibleModelConfig | NoModelConfig;

export interface AnthropicModelConfig {
  provider: 'anthropic';
  modelId: string;
  apiKey: string;
  /** The API root without `/v1` (https://api.anthropic.com): see anthropicEndpoints. */
  apiRoot: string;
}

export interface OpenAiCompatibleModelConfig {
  provider: 'openai-compatible';
  modelId: string;
  /** The server's OpenAI-style base URL, usually ending in /v1 (http://localhost:11434/v1). */
  baseUrl: string;
  apiKey: string | undefined;
}

export interface NoModelConfig {
  provider: 'none';
}

export type ReadyModelConfig = AnthropicModelConfig | OpenAiCompatibleModelConfig;

export interface ModelEnvironment {
  CRESCENDO_MODEL?: string;
  ANTHROPIC_API_KEY?: string;
  ANTHROPIC_BASE_URL?: string;
  CRESCENDO_OPENAI_BASE_URL?: string;
  CRESCENDO_OPENAI_API_KEY?: string;
}

/** A current Claude Sonnet; `CRESCENDO_MODEL` overrides it. */
export const DEFAULT_ANTHROPIC_MODEL = 'claude-sonnet-4-6';
export const ANTHROPIC_DEFAULT_ROOT = 'https://api.anthropic.com';

/** A model variable that cannot work as given; the message names the variable. */
export class ModelConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ModelConfigError';
  }
}

/**
 * An OpenAI-compatible server (CRESCENDO_OPENAI_BASE_URL) wins when configured, because setting it
 * is a deliberate choice for this project while ANTHROPIC_API_KEY is often exported shell-wide.
 */
export function resolveModelConfig(env: ModelEnvironment): ModelConfig {
  const modelId = env.CRESCENDO_MODEL?.trim() || undefined;
  if (env.CRESCENDO_OPENAI_BASE_URL) {
    if (!modelId) throw new ModelConfigError('CRESCENDO_MODEL: name the model to use on CRESCENDO_OPENAI_BASE_URL (for example llama3.1:8b)');
    return { provider: 'openai-compatible', modelId, baseUrl: httpUrl('CRESCENDO_OPENAI_BASE_URL', env.CRESCENDO_OPENAI_BASE_URL).replace(/\/+$/, ''), apiKey: env.CRESCENDO_OPENAI_API_KEY };
  }
  if (env.ANTHROPIC_API_KEY) {
    return { provider: 'anthropic', modelId: modelId ?? DEFAULT_ANTHROPIC_MODEL, apiKey: env.ANTHROPIC_API_KEY, apiRoot: anthropicApiRoot(env.ANTHROPIC_BASE_URL) };
  }
  return { provider: 'none' };
}

/**
 * ANTHROPIC_BASE_URL means the API root to @anthropic-ai/sdk (which appends /v1) and the /v1 URL
 * to @ai-sdk/anthropic. People copy it from either convention, so both are accepted here and each
 * library gets the form it expects from anthropicEndpoints.
 */
export function anthropicApiRoot(baseUrl: string | undefined): string {
  if (!baseUrl) return ANTHROPIC_DEFAULT_ROOT;
  return httpUrl('ANTHROPIC_BASE_URL', baseUrl).replace(/\/+$/, '').replace(/\/v1$/, '');
}

export function anthropicEndpoints(config: AnthropicModelConfig): { aiSdkBaseUrl: string; anthropicSdkBaseUrl: string } {
  return { aiSdkBaseUrl: `${config.apiRoot}/v1`, anthropicSdkBaseUrl: config.apiRoot };
}

/** What the agent says when it has no model: how to configure one, plainly. */
export const NO_MODEL_HELP =
  'The agent has no language model configured, so it cannot answer. Set ANTHROPIC_API_KEY (and optionally CRESCENDO_MODEL, ' +
  `default ${DEFAULT_ANTHROPIC_MODEL}, and ANTHROPIC_BASE_URL for a proxy or gateway), or point CRESCENDO_OPENAI_BASE_URL and ` +
  'CRESCENDO_MODEL at an OpenAI-compatible server such as a local model, then start Crescendo again. Every tool still works without a model: see `crescendo tools list` and `crescendo call`.';

export function describeModel(config: ModelConfig): string {
  if (config.provider === 'none') return 'none configured';
  const where = config.provider === 'anthropic' ? config.apiRoot : config.baseUrl;
  return `${config.provider} ${config.modelId} at ${where}`;
}

function httpUrl(variable: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ModelConfigError(`${variable}: "${value}" is not a URL (expected http(s)://host[:port][/path])`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ModelConfigError(`${variable}: "${value}" must be an http or https URL`);
  return value;
}
