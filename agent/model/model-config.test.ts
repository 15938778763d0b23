import { describe, expect, it } from 'vitest';
import { anthropicEndpoints, DEFAULT_ANTHROPIC_MODEL, resolveModelConfig } from './model-config.ts';

describe('model configuration', () => {
  it('is none without a key or a server, so everything else still runs', () => {
    expect(resolveModelConfig({})).toEqual({ provider: 'none' });
    expect(resolveModelConfig({ CRESCENDO_MODEL: 'claude-opus-4-8' })).toEqual({ provider: 'none' });
  });

  it('uses Anthropic with the default Sonnet when a key is set; CRESCENDO_MODEL overrides the model', () => {
    expect(resolveModelConfig({ ANTHROPIC_API_KEY: 'k' })).toEqual({ provider: 'anthropic', modelId: DEFAULT_ANTHROPIC_MODEL, apiKey: 'k', apiRoot: 'https://api.anthropic.com' });
    expect(resolveModelConfig({ ANTHROPIC_API_KEY: 'k', CRESCENDO_MODEL: 'claude-haiku-4-5' })).toMatchObject({ modelId: 'claude-haiku-4-5' });
  });

  it('accepts ANTHROPIC_BASE_URL in either library\'s convention and gives each library its own', () => {
    for (const baseUrl of ['http://127.0.0.1:9000', 'http://127.0.0.1:9000/', 'http://127.0.0.1:9000/v1', 'http://127.0.0.1:9000/v1/']) {
      const config = resolveModelConfig({ ANTHROPIC_API_KEY: 'k', ANTHROPIC_BASE_URL: baseUrl });
      if (config.provider !== 'anthropic') throw new Error('expected anthropic');
      expect(anthropicEndpoints(config)).toEqual({ aiSdkBaseUrl: 'http://127.0.0.1:9000/v1', anthropicSdkBaseUrl: 'http://127.0.0.1:9000' });
    }
    const gateway = resolveModelConfig({ ANTHROPIC_API_KEY: 'k', ANTHROPIC_BASE_URL: 'https://gateway.example/anthropic/v1' });
    expect(gateway).toMatchObject({ apiRoot: 'https://gateway.example/anthropic' });
  });

  it('prefers an OpenAI-compatible server when configured, and needs a model name for it', () => {
    expect(resolveModelConfig({ ANTHROPIC_API_KEY: 'k', CRESCENDO_OPENAI_BASE_URL: 'http://localhost:11434/v1/', CRESCENDO_MODEL: 'llama3.1:8b' }))
      .toEqual({ provider: 'openai-compatible', modelId: 'llama3.1:8b', baseUrl: 'http://localhost:11434/v1', apiKey: undefined });
    expect(() => resolveModelConfig({ CRESCENDO_OPENAI_BASE_URL: 'http://localhost:11434/v1' })).toThrow('CRESCENDO_MODEL: name the model');
  });

  it('names the variable when a URL is wrong', () => {
    expect(() => resolveModelConfig({ ANTHROPIC_API_KEY: 'k', ANTHROPIC_BASE_URL: 'localhost:9000' })).toThrow('ANTHROPIC_BASE_URL: "localhost:9000" must be an http or https URL');
    expect(() => resolveModelConfig({ CRESCENDO_OPENAI_BASE_URL: 'not a url', CRESCENDO_MODEL: 'm' })).toThrow('CRESCENDO_OPENAI_BASE_URL: "not a url" is not a URL');
  });
});
