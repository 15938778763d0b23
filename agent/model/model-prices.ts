import type { TurnUsage } from '../usage.ts';

/** US dollars per million tokens. */
interface Price {
  input: number;
  output: number;
  cacheWrite: number;
  cacheRead: number;
}

/**
 * Anthropic list prices by model family (cache writes 1.25x input, reads 0.1x), matched on the
 * model id's prefix. Costs are estimates for the thread's running total, never an invoice.
 */
const PRICES: ReadonlyArray<[prefix: string, price: Price]> = [
  ['claude-opus-4-0', { input: 15, output: 75, cacheWrite: 18.75, cacheRead: 1.5 }],
  ['claude-opus-4-1', { input: 15, output: 75, cacheWrite: 18.75, cacheRead: 1.5 }],
  ['claude-opus-4-2', { input: 15, output: 75, cacheWrite: 18.75, cacheRead: 1.5 }],
  ['claude-opus', { input: 5, output: 25, cacheWrite: 6.25, cacheRead: 0.5 }],
  ['claude-sonnet', { input: 3, output: 15, cacheWrite: 3.75, cacheRead: 0.3 }],
  ['claude-haiku-3', { input: 0.25, output: 1.25, cacheWrite: 0.3, cacheRead: 0.03 }],
  ['claude-haiku', { input: 1, output: 5, cacheWrite: 1.25, cacheRead: 0.1 }],
];

/** Estimated cost in USD, or null for a model without a known price (a local model, a new family). */
export function estimateCostUsd(modelId: string, usage: TurnUsage): number | null {
  const price = PRICES.find(([prefix]) => modelId.startsWith(prefix))?.[1];
  if (!price) return null;
  const uncachedInput = Math.max(0, usage.inputTokens - usage.cacheReadTokens - usage.cacheWriteTokens);
  const dollars =
    uncachedInput * price.input + usage.outputTokens * price.output + usage.cacheWriteTokens * price.cacheWrite + usage.cacheReadTokens * price.cacheRead;
  return dollars / 1_000_000;
}
