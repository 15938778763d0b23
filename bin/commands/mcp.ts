import { serveStdio } from '../../mcp-server/stdio.ts';
import { forwardStdioToHttp } from '../../mcp-server/stdio-forwarder.ts';
import { approvalsStamp } from '../../tools/approvals/approvals-stamp.ts';
import { parseToolsets, ToolsetError } from '../../mcp-server/options.ts';
import type { AttachedServer } from '../attached-server.ts';
import type { Command } from '../command-catalogue.ts';
import { cliPrincipal } from '../command-context.ts';
import type { Runtime } from '../runtime.ts';
import { parseOptions, UsageError } from '../usage.ts';
import { VERSION } from '../version.ts';

function parseMcp(args: string[]) {
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
  return { identity: { org: values.org, role: values.role, as: values.as }, toolsets, toolsetsFlag: values.toolsets, readOnly: values['read-only'] ?? false };
}

export const mcpCommandEntry: Command = {
  checkArgs: (args) => void parseMcp(args),
  async run(runtime: Runtime, args: string[]) {
    const { identity, toolsets, readOnly } = parseMcp(args);
    const principal = await cliPrincipal(runtime, identity);
    await serveStdio({
      runner: runtime.runner,
      principal: { ...principal, surface: 'MCP' },
      toolsets,
      readOnly,
      version: VERSION,
      approvalsStamp: (organizationId) => approvalsStamp(runtime.database.prisma, organizationId),
      log: runtime.log,
    });
    return 0;
  },
  /** Claude Desktop launches this while `npm start` runs: relay its session to the server's /mcp. */
  async attached(server: AttachedServer, args: string[]) {
    const { identity, toolsetsFlag, readOnly } = parseMcp(args);
    const url = new URL(`${server.url}/mcp`);
    if (toolsetsFlag) url.searchParams.set('toolsets', toolsetsFlag);
    if (readOnly) url.searchParams.set('read_only', '1');
    const token = await server.tokenFor(identity);
    process.stderr.write(`crescendo mcp ${VERSION}: relaying stdio to the running server at ${server.url}/mcp\n`);
    await forwardStdioToHttp({ url, headers: { authorization: `Bearer ${token}` }, version: VERSION });
    return 0;
  },
};
