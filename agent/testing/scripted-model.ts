import type { LanguageModelV4CallOptions, LanguageModelV4StreamPart } from '@ai-sdk/provider';
import { convertArrayToReadableStream, MockLanguageModelV4 } from 'ai/test';
import { toolOutputValue } from '../guardrails/data-envelope.ts';

/** One model step: tool calls (the loop continues) or a final text. */
export interface ScriptedStep {
  toolCalls?: Array<{ name: string; input: unknown; id?: string }>;
  text?: string;
  usage?: { input: number; output: number; cacheRead?: number; cacheWrite?: number };
}

export type StepScript = ScriptedStep[] | ((call: LanguageModelV4CallOptions, index: number) => ScriptedStep | Promise<ScriptedStep>);

/**
 * The AI SDK's mock model streaming scripted steps: an array played in order, or a function of
 * the prompt the model receives (to answer from tool results). The mock records every call.
 */
export function scriptedModel(script: StepScript, modelId = 'scripted-model'): MockLanguageModelV4 {
  let index = 0;
  const next = async (options: LanguageModelV4CallOptions): Promise<{ step: ScriptedStep; current: number }> => {
    const current = index++;
    const step = typeof script === 'function' ? await script(options, current) : script[current];
    if (!step) throw new Error(`the scripted model has no step ${current + 1} (it has ${Array.isArray(script) ? script.length : '?'})`);
    return { step, current };
  };
  return new MockLanguageModelV4({
    modelId,
    doStream: async (options) => {
      const { step, current } = await next(options);
      return { stream: convertArrayToReadableStream(streamParts(step, current)) };
    },
    // Non-streaming calls (thread summaries) get the same steps, as one result.
    doGenerate: async (options) => {
      const { step, current } = await next(options);
      const parts = streamParts(step, current);
      const finish = parts.find((part) => part.type === 'finish')!;
      const content = [
        ...(step.text ? [{ type: 'text' as const, text: step.text }] : []),
        ...parts.filter((part) => part.type === 'tool-call'),
      ];
      return { content, finishReason: finish.finishReason, usage: finish.usage, warnings: [] };
    },
  });
}

export function streamParts(step: ScriptedStep, stepIndex: number): LanguageModelV4StreamPart[] {
  const parts: LanguageModelV4StreamPart[] = [{ type: 'stream-start', warnings: [] }];
  if (step.text) {
    const id = `text-${stepIndex}`;
    parts.push({ type: 'text-start', id });
    // Two deltas, so consumers are exercised on a text that arrives in pieces.
    const middle = Math.ceil(step.text.length / 2);
    for (const delta of [step.text.slice(0, middle), step.text.slice(middle)]) if (delta) parts.push({ type: 'text-delta', id, delta });
    parts.push({ type: 'text-end', id });
  }
  step.toolCalls?.forEach((call, callIndex) => {
    parts.push({ type: 'tool-call', toolCallId: call.id ?? `call-${stepIndex}-${callIndex}`, toolName: call.name, input: JSON.stringify(call.input ?? {}) });
  });
  const usage = step.usage ?? { input: 100, output: 20 };
  parts.push({
    type: 'finish',
    finishReason: step.toolCalls?.length ? { unified: 'tool-calls', raw: 'tool_use' } : { unified: 'stop', raw: 'end_turn' },
    usage: {
      inputTokens: { total: usage.input, noCache: usage.input - (usage.cacheRead ?? 0) - (usage.cacheWrite ?? 0), cacheRead: usage.cacheRead ?? 0, cacheWrite: usage.cacheWrite ?? 0 },
      outputTokens: { total: usage.output, text: usage.output, reasoning: 0 },
    },
  });
  return parts;
}

/** The tool results the model has received so far in this turn, by tool name (latest last). */
export function toolResultsInPrompt(call: LanguageModelV4CallOptions): Array<{ toolName: string; value: unknown }> {
  const results: Array<{ toolName: string; value: unknown }> = [];
  for (const message of call.prompt) {
    if (message.role !== 'tool') continue;
    for (const part of message.content) {
      if (part.type === 'tool-result') results.push({ toolName: part.toolName, value: toolOutputValue(part.output) });
    }
  }
  return results;
}
