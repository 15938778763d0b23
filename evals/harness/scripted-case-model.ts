import type { LanguageModelV4CallOptions } from '@ai-sdk/provider';
import { scriptedModel, toolResultsInPrompt } from '../../agent/testing/scripted-model.ts';
import type { CaseVars, EvalCase, ScriptResults, ToolCallSpec } from './eval-case.ts';

/**
 * The scripted stand-in for a model: plays the case's tool calls step by step (later steps may
 * read earlier results), then composes the answer from the results. Like a real model, it can only
 * call tools it is offered: when a step needs one that is not, it first asks find_tools with the
 * question, and gives up if the search does not bring the tool. It exercises the tools, discovery,
 * the agent loop and the scoring, never a model's judgement.
 */
export function scriptedCaseModel(evalCase: EvalCase, vars: CaseVars) {
  const question = typeof evalCase.question === 'function' ? evalCase.question(vars) : evalCase.question;
  let planned = 0;
  let searched = false;
  return scriptedModel((call) => {
    const results = resultsFrom(call);
    const step = evalCase.script.steps[planned];
    if (!step) return { text: evalCase.script.answer(results, vars) };
    const specs = typeof step === 'function' ? step(results, vars) : step;
    const calls = (Array.isArray(specs) ? specs : [specs]).map((spec: ToolCallSpec) => ({ name: spec.tool, input: spec.input ?? {} }));
    const offered = new Set((call.tools ?? []).map((tool) => tool.name));
    const unseen = calls.filter((planned) => !offered.has(planned.name)).map((planned) => planned.name);
    if (unseen.length && !searched) {
      searched = true;
      return { toolCalls: [{ name: 'find_tools', input: { query: question } }] };
    }
    if (unseen.length) return { text: `I could not find a tool for this (searched for: ${unseen.join(', ')}).` };
    planned++;
    searched = false;
    return { toolCalls: calls };
  }, 'scripted');
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
