import { serveStdio } from '../../mcp-server/stdio.ts';
import { approvalsStamp } from '../../tools/approvals/approvals-stamp.ts';
import { parseToolsets, ToolsetError } from '../../mcp-server/options.ts';
import { cliPrincipal } from '../command-context.ts';
import type { Runtime } from '../runtime.ts';
import { parseOptions, UsageError } from '../usage.ts';
import { VERSION } from '../version.ts';

export const mcpUsage = 'mcp --org S [--role R] [--as EMAIL] [--toolsets a,b|all] [--read-only]   serve the tools over MCP on stdio (core tools plus discovery; --toolsets preloads areas)';

export async function mcpCommand(runtime: Runtime, args: string[]): Promise<number> {
  const { values } = parseOptions(args, {
    org: { type: 'string' },
    role: { type: 'string' },
    as: { type: 'string' },
    toolsets: { type: 'string' },
    'read-only': { type: 'boolean' },
  });
  let toolsets;
  try {
    toolsets = parseToolsets(values.toolsets);
  } catch (error) {
    if (error instanceof ToolsetError) throw new UsageError(`--toolsets: ${error.message}`);
    throw error;
  }
  const principal = await cliPrincipal(runtime, values);
  await serveStdio({
    runner: runtime.runner,
    principal: { ...principal, surface: 'MCP' },
    toolsets,
    readOnly: values['read-only'] ?? false,
    version: VERSION,
    approvalsStamp: (organizationId) => approvalsStamp(runtime.database.prisma, organizationId),
    log: runtime.log,
  });
  return 0;
}
