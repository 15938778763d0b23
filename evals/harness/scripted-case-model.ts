import type { LanguageModelV4CallOptions } from '@ai-sdk/provider';
import { scriptedModel, toolResultsInPrompt } from '../../agent/testing/scripted-model.ts';
import type { CaseScript, CaseVars, EvalCase, ScriptResults, ToolCallSpec } from './eval-case.ts';

/**
 * The scripted stand-in for a model: plays the case's tool calls step by step (later steps may
 * read earlier results), then composes the answer from the results. Like a real model, it can only
 * call tools it is offered: when a step needs one that is not, it first asks find_tools with the
 * question, and gives up if the search does not bring the tool. On the last allowed step (no more
 * tools) it answers with what it has. A call offering no tools is a thread summary: it keeps the
 * whole transcript it was given. It exercises the tools, discovery, the agent loop and the
 * scoring, never a model's judgement.
 */
export function scriptedCaseModel(evalCase: EvalCase, vars: CaseVars) {
  return scriptedTurnModel(evalCase.script, typeof evalCase.question === 'function' ? evalCase.question(vars) : evalCase.question, vars);
}

/** The same for one turn of a case (an earlier turn of a conversation has its own script). */
export function scriptedTurnModel(script: CaseScript, question: string, vars: CaseVars) {
  let planned = 0;
  let searched = 0;
  return scriptedModel((call) => {
    if (!call.tools?.length) return { text: `Summary of the conversation so far:\n${promptText(call).slice(0, 2_000)}` };
    const results = resultsFrom(call);
    const step = script.steps[planned];
    if (!step || call.toolChoice?.type === 'none') return { text: script.answer(results, vars) };
    const specs = typeof step === 'function' ? step(results, vars) : step;
    const calls = (Array.isArray(specs) ? specs : [specs]).map((spec: ToolCallSpec) => ({ name: spec.tool, input: spec.input ?? {} }));
    const offered = new Set((call.tools ?? []).map((tool) => tool.name));
    const unseen = calls.filter((planned) => !offered.has(planned.name)).map((planned) => planned.name);
    // Like a model, it searches with the question first, then once more with the words of the tool it wants.
    if (unseen.length && searched < 2) {
      searched++;
      return { toolCalls: [{ name: 'find_tools', input: { query: searched === 1 ? question : unseen.join(' ').replace(/_/g, ' ') } }] };
    }
    if (unseen.length) return { text: `I could not find a tool for this (searched for: ${unseen.join(', ')}).` };
    planned++;
    searched = 0;
    return { toolCalls: calls };
  }, 'scripted');
}

function promptText(call: LanguageModelV4CallOptions): string {
  return call.prompt
    .filter((message) => message.role === 'user')
    .flatMap((message) => (Array.isArray(message.content) ? message.content : []))
    .map((part) => (part.type === 'text' ? part.text : ''))
    .join('\n');
}

function resultsFrom(call: LanguageModelV4CallOptions): ScriptResults {
  const latest = new Map<string, unknown>();
  for (const result of toolResultsInPrompt(call)) latest.set(result.toolName, result.value);
  return {
    out(tool) {
      if (!latest.has(tool)) throw new Error(`the script reads ${tool}, which has not been called`);
      const value = latest.get(tool) as { error?: { code: string; message: string } };
      if (value && typeof value === 'object' && 'error' in value && value.error) throw new Error(`${tool} failed in the script: ${value.error.code} ${value.error.message}`);
      return value as never;
    },
  };
}
