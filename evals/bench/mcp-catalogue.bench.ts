import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import type { PrismaClient } from '../../db/generated/prisma/client.ts';
import { connectInMemory } from '../../mcp-server/test-client.ts';
import { createCatalogue } from '../../tools/index.ts';
import { silentLogger } from '../../tools/registry/context.ts';
import type { Role } from '../../tools/registry/roles.ts';
import { ToolRunner } from '../../tools/registry/runner.ts';
import type { Benchmark, Figure } from './harness.ts';

/** Rough token estimate for JSON sent to a model: about four bytes per token. */
const BYTES_PER_TOKEN = 4;

/**
 * What listing the tools costs a client's context: the JSON of tools/list as an MCP client
 * receives it, per role and in read-only mode. Floor: only the names and descriptions.
 */
export const mcpCatalogueBench: Benchmark = {
  name: 'mcp-catalogue',
  description: `JSON size of MCP tools/list (bytes, and tokens at ${BYTES_PER_TOKEN} bytes each); floor: the tool names and descriptions alone`,
  async run() {
    // tools/list only reads the catalogue, so the runner needs no database here.
    const runner = new ToolRunner({ prisma: undefined as unknown as PrismaClient, catalogue: createCatalogue(), log: silentLogger });
    const cases: { label: string; role: Role; readOnly: boolean }[] = [
      { label: 'OWNER (full)', role: 'OWNER', readOnly: false },
      { label: 'VIEWER', role: 'VIEWER', readOnly: false },
      { label: 'OWNER read-only', role: 'OWNER', readOnly: true },
    ];
    const figures: Figure[] = [];
    for (const { label, role, readOnly } of cases) {
      const client: Client = await connectInMemory({ runner, principal: { orgId: 'bench', userId: null, role, surface: 'MCP' }, readOnly, version: 'bench' });
      const { tools } = await client.listTools();
      await client.close();
      const bytes = byteLength({ tools });
      const floor = byteLength(tools.map((tool: Tool) => ({ name: tool.name, description: tool.description })));
      const what = `names + descriptions of ${tools.length} tools`;
      figures.push({ bench: 'mcp-catalogue', metric: `tools/list ${label} size`, value: bytes, unit: 'B', floor: { value: floor, what } });
      figures.push({ bench: 'mcp-catalogue', metric: `tools/list ${label} est. tokens`, value: Math.round(bytes / BYTES_PER_TOKEN), unit: 'tokens', floor: { value: Math.round(floor / BYTES_PER_TOKEN), what } });
    }
    return figures;
  },
};

function byteLength(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value), 'utf8');
}
