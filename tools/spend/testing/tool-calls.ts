import type { ToolRunner } from '../../registry/runner.ts';
import { caller } from '../../testing/caller.ts';
import type { TestOrganization } from '../../testing/fixtures.ts';

/** Calls a tool as the organisation's owner and returns its output, failing the test with the tool's message otherwise. */
export function callOk<Output = Record<string, unknown>>(runner: ToolRunner, org: TestOrganization, tool: string, input: unknown): Promise<Output> {
  return caller(runner, () => org.as('OWNER')).ok<Output>(tool, input);
}

/** Calls a tool expecting it to fail; returns the typed error. */
export function callFails(runner: ToolRunner, org: TestOrganization, tool: string, input: unknown) {
  return caller(runner, () => org.as('OWNER')).fails(tool, input);
}

/** One in-memory CSV file as the import tools take it. */
export function csvFile(name: string, lines: string[]) {
  return { name, content: `${lines.join('\n')}\n` };
}
