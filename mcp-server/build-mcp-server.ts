import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { CallToolRequestSchema, ListToolsRequestSchema, type ToolAnnotations } from '@modelcontextprotocol/sdk/types.js';
import { advertisedOutput } from '../tools/registry/approval-request.ts';
import type { AnyTool } from '../tools/registry/define-tool.ts';
import type { Area } from '../tools/registry/roles.ts';
import type { Principal, ToolRunner } from '../tools/registry/runner.ts';
import { registerPrompts } from './prompts.ts';
import { registerResources } from './resources.ts';
import { failure, toCallToolResult } from './tool-result.ts';

export interface McpServerOptions {
  runner: ToolRunner;
  /** Who every call runs as; its surface is set to MCP. */
  principal: Principal;
  /** Only these areas; default every area. */
  toolsets?: readonly Area[];
  /** Only read tools. */
  readOnly?: boolean;
  version: string;
}

/**
 * An MCP server exposing the registry's tools that the principal may call, plus resources
 * (glossary, campaigns, vendor scorecards) and prompts built on those tools. Every schema, title
 * and hint comes from the registry; every call goes through the ToolRunner.
 */
export function buildMcpServer(options: McpServerOptions): McpServer {
  const { runner, toolsets, readOnly, version } = options;
  const principal: Principal = { ...options.principal, surface: 'MCP' };
  const server = new McpServer({ name: 'crescendo', version }, { capabilities: { tools: {}, completions: {} } });
  const tools = runner.catalogue.list({ role: principal.role, areas: toolsets, access: readOnly ? ['read'] : undefined });
  const exposed = new Map(tools.map((tool) => [tool.name, tool]));

  const call = async (name: string, args: unknown) => {
    if (!exposed.has(name)) {
      return failure({ code: 'not_found', message: `There is no tool named ${name} on this server${readOnly || toolsets ? ' (read-only mode or the toolsets hide it)' : ''}. List the tools to see what exists.` });
    }
    return toCallToolResult(await runner.call(name, args ?? {}, principal));
  };

  for (const tool of tools) {
    server.registerTool(
      tool.name,
      {
        title: tool.title,
        description: tool.description,
        inputSchema: tool.input,
        outputSchema: advertisedOutput(tool),
        annotations: annotationsOf(tool),
      },
      (args: unknown) => call(tool.name, args),
    );
  }

  // The runner is the one validator: it refuses unknown fields (the SDK's own parse would strip
  // them), reports invalid input as a typed invalid_input with field issues, and audits the
  // attempt. So calls reach it with the client's raw arguments instead of the SDK's parse.
  server.server.setRequestHandler(CallToolRequestSchema, (request) => call(request.params.name, request.params.arguments));
  // With no tool registered the SDK installs no list handler; an empty selection still lists.
  if (!tools.length) server.server.setRequestHandler(ListToolsRequestSchema, () => ({ tools: [] }));

  // Resources and prompts read through the same runner and principal, and only use exposed tools.
  const scope = { runner, principal, exposes: (name: string) => exposed.has(name) };
  registerResources(server, scope);
  registerPrompts(server, scope);
  return server;
}

export function annotationsOf(tool: AnyTool): ToolAnnotations {
  const hints = tool.hints ?? {};
  const annotations: ToolAnnotations = { title: tool.title, readOnlyHint: tool.access === 'read' };
  if (tool.access !== 'read') annotations.destructiveHint = hints.destructive ?? false;
  if (hints.idempotent !== undefined || tool.access === 'read') annotations.idempotentHint = hints.idempotent ?? true;
  annotations.openWorldHint = hints.openWorld ?? false;
  return annotations;
}
