import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { buildMcpServer, type McpServerOptions } from './build-mcp-server.ts';

/**
 * Serves the tools over stdin/stdout until the client disconnects. stdout carries only the
 * protocol: anything else must go to stderr.
 */
export async function serveStdio(options: McpServerOptions, log: (message: string) => void = (message) => process.stderr.write(`${message}\n`)): Promise<void> {
  const server = buildMcpServer(options);
  const transport = new StdioServerTransport();
  const closed = new Promise<void>((resolve) => {
    server.server.onclose = () => resolve();
    process.stdin.once('end', () => resolve());
  });
  await server.connect(transport);
  log(`crescendo mcp ${options.version}: serving over stdio as ${options.principal.role} of ${options.principal.orgId}`);
  await closed;
  await server.close().catch(() => {});
}
