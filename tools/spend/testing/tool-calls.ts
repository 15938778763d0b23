import type { ToolRunner } from '../../registry/runner.ts';
import type { TestOrganization } from '../../testing/fixtures.ts';

/** Calls a tool as the organisation's owner and returns its output, failing the test with the tool's message otherwise. */
export async function callOk<Output = Record<string, unknown>>(runner: ToolRunner, org: TestOrganization, tool: string, input: unknown): Promise<Output> {
  const result = await runner.call(tool, input, org.as('OWNER'));
  if (!result.ok) throw new Error(`${tool} failed: ${result.error.code} ${result.error.message}`);
  return result.output as Output;
}

/** Calls a tool expecting it to fail; returns the typed error. */
export async function callFails(runner: ToolRunner, org: TestOrganization, tool: string, input: unknown) {
  const result = await runner.call(tool, input, org.as('OWNER'));
  if (result.ok) throw new Error(`${tool} unexpectedly succeeded: ${JSON.stringify(result.output)}`);
  return result.error;
}

/** One in-memory CSV file as the import tools take it. */
export function csvFile(name: string, lines: string[]) {
  return { name, content: `${lines.join('\n')}\n` };
}
