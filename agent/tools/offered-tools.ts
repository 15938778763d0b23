import { wrapLanguageModel, type LanguageModel, type ModelMessage } from 'ai';
import { CORE_TOOLS } from '../../tools/catalogue/toolsets.ts';
import { toolOutputValue } from '../guardrails/data-envelope.ts';

/** What a turn's model sees first: the core tools and find_tools. */
export const STARTING_TOOLS: readonly string[] = [...CORE_TOOLS, 'find_tools'];

interface CallPart { type: string; toolName?: string; output?: unknown }

/**
 * The tools offered at the start of a turn: the core, find_tools, and every tool the thread has
 * already used or found, so a follow-up question needs no new search. Only tools the principal
 * may call (`available`) are offered.
 */
export function toolsForTurn(available: ReadonlySet<string>, history: readonly ModelMessage[]): Set<string> {
  const offered = new Set(STARTING_TOOLS.filter((name) => available.has(name)));
  for (const message of history) {
    if (!Array.isArray(message.content)) continue;
    for (const part of message.content as CallPart[]) {
      if (part.type === 'tool-call' && part.toolName) addIfAvailable(offered, available, [part.toolName]);
      if (part.type === 'tool-result' && part.toolName === 'find_tools') addIfAvailable(offered, available, foundNames(toolOutputValue(part.output)));
    }
  }
  return offered;
}

/** Grows the offer with what the turn's steps called and what find_tools returned. */
export function addFromSteps(offered: Set<string>, available: ReadonlySet<string>, steps: readonly { toolCalls: readonly { toolName: string }[]; toolResults: readonly { toolName: string; output: unknown }[] }[]): Set<string> {
  for (const step of steps) {
    addIfAvailable(offered, available, step.toolCalls.map((call) => call.toolName));
    for (const result of step.toolResults) if (result.toolName === 'find_tools') addIfAvailable(offered, available, foundNames(result.output));
  }
  return offered;
}

function addIfAvailable(offered: Set<string>, available: ReadonlySet<string>, names: readonly string[]): void {
  for (const name of names) if (available.has(name)) offered.add(name);
}

function foundNames(output: unknown): string[] {
  const tools = (output as { tools?: { name?: unknown }[] } | null)?.tools;
  return Array.isArray(tools) ? tools.map((tool) => tool.name).filter((name): name is string => typeof name === 'string') : [];
}

/**
 * The model, seeing only the offered tools. The loop itself keeps every tool the principal may
 * call, so a tool the model names without being offered it (from an earlier answer, or from
 * find_tools' text) still runs: the runner's permission check is the gate, not the offer.
 */
export function offeringOnly(model: LanguageModel, offered: () => ReadonlySet<string>): LanguageModel {
  // A model named by id alone is resolved by the SDK's global provider; Crescendo always passes objects.
  if (typeof model === 'string') throw new Error(`the agent needs a model object, not the id "${model}"`);
  return wrapLanguageModel({
    model,
    middleware: {
      specificationVersion: 'v4',
      transformParams: async ({ params }) => {
        const names = offered();
        return params.tools ? { ...params, tools: params.tools.filter((tool) => names.has(tool.name)) } : params;
      },
    },
  });
}
