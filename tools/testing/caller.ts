import { expect } from 'vitest';
import type { ToolFailure, Principal, ToolRunner } from '../registry/runner.ts';

/** Test helpers: call a tool and get its output (failing the test on an error), or its error. */
export function caller(runner: ToolRunner, principal: () => Principal) {
  return {
    async ok<Output = Record<string, unknown>>(name: string, input: unknown): Promise<Output> {
      const result = await runner.call(name, input, principal());
      if (!result.ok) expect.fail(`${name} failed: ${JSON.stringify(result.error)}`);
      return result.output as Output;
    },
    async fails(name: string, input: unknown): Promise<ToolFailure> {
      const result = await runner.call(name, input, principal());
      if (result.ok) expect.fail(`${name} should have failed but returned ${JSON.stringify(result.output)}`);
      return result.error;
    },
  };
}
