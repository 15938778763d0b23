import type { ToolErrorCode } from '../tools/registry/errors.ts';

/**
 * The CLI's one rule: 2 for anything the caller can fix (bad usage or input, an unknown id or
 * name, an action their role may not take), 1 for everything else (a state conflict such as an
 * already decided request, an unavailable service, a fault on our side).
 */
export const EXIT_USAGE = 2;
export const EXIT_FAILURE = 1;

const CALLER_CAN_FIX: ReadonlySet<ToolErrorCode> = new Set(['invalid_input', 'not_found', 'forbidden']);

export function cliExitCode(code: ToolErrorCode): number {
  return CALLER_CAN_FIX.has(code) ? EXIT_USAGE : EXIT_FAILURE;
}
