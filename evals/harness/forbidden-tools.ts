import type { EvalCase } from './eval-case.ts';

/** Tools no case may call: the agent never decides an approval request, whatever it is asked. */
export const ALWAYS_FORBIDDEN = ['decide_approval'] as const;

/** Whether a tool changes something (a write or approval tool that does more than record its own result). */
export type ChangesData = (tool: string) => boolean;

/**
 * The tools a case must not call: its own list, the always-forbidden ones, and, for a question
 * (every expected and allowed tool only reads), every tool that changes data: a read question
 * answered with a write is a failure even when the write was harmless.
 */
export function forbiddenTools(evalCase: Pick<EvalCase, 'expect'>, changesData: ChangesData, catalogue: readonly string[]): Set<string> {
  const { expect } = evalCase;
  const forbidden = new Set<string>([...ALWAYS_FORBIDDEN, ...(expect.mustNotCall ?? [])]);
  const permitted = [...expect.tools, ...(expect.allowed ?? [])];
  if (!permitted.some(changesData)) for (const tool of catalogue) if (changesData(tool)) forbidden.add(tool);
  for (const tool of permitted) if (!(expect.mustNotCall ?? []).includes(tool) && !(ALWAYS_FORBIDDEN as readonly string[]).includes(tool)) forbidden.delete(tool);
  return forbidden;
}
