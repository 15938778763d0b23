import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { describeFailure } from '../tools/registry/errors.ts';
import type { ToolFailure, ToolResult } from '../tools/registry/runner.ts';

/** A runner result as MCP returns it: structured output plus its compact JSON, or an isError text. */
export function toCallToolResult(result: ToolResult): CallToolResult {
  if (result.ok) {
    const output = (result.output ?? {}) as Record<string, unknown>;
    return { content: [{ type: 'text', text: JSON.stringify(output) }], structuredContent: output };
  }
  return failure(result.error);
}

export function failure(error: ToolFailure): CallToolResult {
  const issues = error.issues?.map((issue) => `\n- ${issue.path}: ${issue.message}`).join('') ?? '';
  return { content: [{ type: 'text', text: `${describeFailure(error)}${issues}` }], isError: true };
}
