import { jsonSchema, tool, type ToolSet } from 'ai';
import { CATALOGUE_TOOLS } from '../../tools/catalogue/index.ts';
import { publishTool } from '../../tools/registry/published-tool.ts';
import type { Principal, ToolFailure, ToolResult, ToolRunner } from '../../tools/registry/runner.ts';
import type { DataEnvelope } from '../guardrails/data-envelope.ts';
import { detectInstructions, type DataFlag } from '../guardrails/instruction-detector.ts';

/** One tool call the agent made in a turn, as the reply and the CLI's --json report it. */
export interface AgentToolCall {
  id: string;
  name: string;
  input: unknown;
  ok: boolean;
  output?: unknown;
  error?: ToolFailure;
  /** Instruction-like text found in the result (flagged, never blocked). */
  dataFlags?: DataFlag[];
  /** A proposed change the person cancelled: it never ran (ok is false). */
  declined?: true;
}

/** What the model reads back for a failed call: the typed error, so it can correct itself. */
export interface ModelToolError {
  error: { code: ToolFailure['code']; message: string; issues?: ToolFailure['issues'] };
}

/**
 * Every registry tool the principal may call from the AGENT surface, as AI SDK tools; a turn
 * offers the model only some of them at a time (offered-tools.ts), but any of them runs when
 * called. Definitions come from publishTool, as on every surface; every call goes through
 * ToolRunner.call as the AGENT surface, so permissions, tenancy, validation, audit and approvals
 * apply exactly as elsewhere. The runner is the one validator: the model's raw arguments reach it
 * unparsed (unknown fields are refused, not stripped), and failures return to the model as results
 * it can recover from. Every result reaches the model inside the turn's data envelope, and its
 * strings are screened for instruction-like text. Tools in `confirmFirst` do not run when the model
 * calls them: the SDK ends the turn with an approval request, and the call runs only once the
 * person confirms (a call the registry would refuse as invalid runs at once, to fail harmlessly).
 */
export function buildAgentTools(runner: ToolRunner, principal: Principal, record: (call: AgentToolCall) => void, envelope: DataEnvelope, confirmFirst: ReadonlySet<string> = new Set()): ToolSet {
  const agentPrincipal: Principal = { ...principal, surface: 'AGENT' };
  const tools: ToolSet = {};
  for (const definition of runner.catalogue.list({ role: principal.role, surface: 'AGENT' }).map(publishTool)) {
    tools[definition.name] = tool({
      description: definition.description,
      inputSchema: jsonSchema(definition.inputSchema as Parameters<typeof jsonSchema>[0]),
      needsApproval: confirmFirst.has(definition.name) ? (input: unknown) => runner.catalogue.get(definition.name)!.input.safeParse(input).success : false,
      execute: async (input: unknown, { toolCallId }) => {
        const result = await runner.call(definition.name, input, agentPrincipal);
        const modelResult = toModelResult(result);
        const call = toAgentToolCall(toolCallId, definition.name, input, result);
        const flags = OWN_TEXT_TOOLS.has(definition.name) ? [] : detectInstructions(toolCallId, definition.name, modelResult);
        record(flags.length ? { ...call, dataFlags: flags } : call);
        return modelResult;
      },
      toModelOutput: ({ output }) => ({ type: 'text', value: envelope.wrap(definition.name, output) }),
    });
  }
  return tools;
}

/** Discovery tools return Crescendo's own tool descriptions ("use list_vendors to…"), not outside text. */
const OWN_TEXT_TOOLS: ReadonlySet<string> = new Set(CATALOGUE_TOOLS.map((definition) => definition.name));

export function toModelResult(result: ToolResult): unknown {
  if (result.ok) return result.output ?? {};
  const { code, message, issues } = result.error;
  const failure: ModelToolError = { error: { code, message, ...(issues?.length ? { issues } : {}) } };
  return failure;
}

function toAgentToolCall(id: string, name: string, input: unknown, result: ToolResult): AgentToolCall {
  return result.ok ? { id, name, input, ok: true, output: result.output } : { id, name, input, ok: false, error: result.error };
}
