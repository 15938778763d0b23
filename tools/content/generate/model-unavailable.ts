import { ToolError } from '../../registry/errors.ts';

/** Said when a tool needs a language model and none is configured; every other tool still works. */
export function modelUnavailable(tool: string): ToolError {
  return new ToolError(
    'unavailable',
    `${tool} writes with a language model, and none is configured. Set ANTHROPIC_API_KEY (optionally CRESCENDO_MODEL and ANTHROPIC_BASE_URL), ` +
      'or CRESCENDO_OPENAI_BASE_URL with CRESCENDO_MODEL for an OpenAI-compatible server such as a local model, then restart Crescendo. ' +
      'Everything else works without one: create_release, set_brand_voice and trending_hashtags, and posts can be written by hand.',
  );
}

/** A model call that failed for a reason of its own (network, provider error), as the tool's error. */
export function modelCallFailed(error: unknown): ToolError {
  const reason = error instanceof Error ? error.message.replace(/\s+/gu, ' ').slice(0, 300) : 'unknown error';
  return new ToolError('unavailable', `The language model did not answer (${reason}); nothing was stored. Try again shortly.`);
}
