import { jsonSchema, tool, type ToolSet } from 'ai';
import { z } from 'zod';
import { answersQuestions, type AnyTool } from '../../tools/registry/define-tool.ts';
import type { Principal, ToolFailure, ToolResult, ToolRunner } from '../../tools/registry/runner.ts';

/** One tool call the agent made in a turn, as the reply and the CLI's --json report it. */
export interface AgentToolCall {
  id: string;
  name: string;
  input: unknown;
  ok: boolean;
  output?: unknown;
  error?: ToolFailure;
}

/** What the model reads back for a failed call: the typed error, so it can correct itself. */
export interface ModelToolError {
  error: { code: ToolFailure['code']; message: string; issues?: ToolFailure['issues'] };
}

/**
 * The registry's tools that the principal's role may call, as AI SDK tools. Schemas, names and
 * descriptions come from the registry; every call goes through ToolRunner.call as the AGENT
 * surface, so permissions, tenancy, validation, audit and approvals apply exactly as elsewhere.
 * The runner is the one validator: the model's raw arguments reach it unparsed (unknown fields
 * are refused, not stripped), and failures return to the model as results it can recover from.
 */
export function buildAgentTools(runner: ToolRunner, principal: Principal, record: (call: AgentToolCall) => void): ToolSet {
  const agentPrincipal: Principal = { ...principal, surface: 'AGENT' };
  const tools: ToolSet = {};
  for (const definition of runner.catalogue.list({ role: principal.role })) {
    // Deciding approvals is for people only (the registry refuses it from the AGENT surface), so it is not offered.
    if (definition.permission === 'approvals:decide') continue;
    tools[definition.name] = tool({
      description: describeForModel(definition),
      inputSchema: jsonSchema(z.toJSONSchema(definition.input, { io: 'input' }) as Parameters<typeof jsonSchema>[0]),
      execute: async (input: unknown, { toolCallId }) => {
        const result = await runner.call(definition.name, input, agentPrincipal);
        record(toAgentToolCall(toolCallId, definition.name, input, result));
        return toModelResult(result);
      },
    });
  }
  return tools;
}

/** The registry description, plus what the access kind means for the model's wording. */
export function describeForModel(definition: AnyTool): string {
  if (definition.access === 'approval') {
    return `${definition.description}\n[approval] Calling this only files an approval request: nothing happens until a manager approves it. Tell the user it is pending approval, with the approve_url.`;
  }
  if (definition.access === 'write' && !answersQuestions(definition)) return `${definition.description}\n[write] Changes Crescendo's data: call it only when the user asked for this change.`;
  return definition.description;
}

export function toModelResult(result: ToolResult): unknown {
  if (result.ok) return result.output ?? {};
  const { code, message, issues } = result.error;
  const failure: ModelToolError = { error: { code, message, ...(issues?.length ? { issues } : {}) } };
  return failure;
}

function toAgentToolCall(id: string, name: string, input: unknown, result: ToolResult): AgentToolCall {
  return result.ok ? { id, name, input, ok: true, output: result.output } : { id, name, input, ok: false, error: result.error };
}
