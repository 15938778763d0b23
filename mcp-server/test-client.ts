import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { buildMcpServer, type McpServerOptions } from './build-mcp-server.ts';

/** Test helper: a real SDK client connected in memory to a freshly built server. */
export async function connectInMemory(options: McpServerOptions): Promise<Client> {
  const server = buildMcpServer(options);
  const [clientTransport, serverTransport] = InMemoryTransport.createLinkedPair();
  const client = new Client({ name: 'crescendo-test', version: '0.0.0' });
  await Promise.all([server.connect(serverTransport), client.connect(clientTransport)]);
  return client;
}

/** The text of a tool result's first content block. */
export function textOf(result: unknown): string {
  const block = (result as CallToolResult).content[0];
  return block?.type === 'text' ? block.text : '';
}
