import { z } from 'zod';
import { defineTool } from '../registry/define-tool.ts';
import { oneLine, publishTool } from '../registry/published-tool.ts';
import { AREAS } from '../registry/roles.ts';
import { idLookupsFor } from './id-lookups.ts';
import { toolSearchFor } from './tool-search.ts';
import { visibleTo } from './visible-tools.ts';

const foundTool = z.object({
  name: z.string(),
  title: z.string(),
  description: z.string().describe('First sentence of the description.'),
  area: z.string(),
  access: z.enum(['read', 'write', 'approval']),
  input_schema: z.record(z.string(), z.unknown()).describe('JSON Schema of the arguments.'),
  finds: z.string().optional().describe('Present on a lookup added after the matches: the id it finds and for which tool.'),
});

/** At most this many lookups follow the matches, so a broad query does not double the answer. */
const MAX_ID_LOOKUPS = 2;

export const findTools = defineTool({
  name: 'find_tools',
  title: 'Find tools',
  description: 'Finds the tools that answer a question or take an action, best match first, with their input schemas, followed by the tools that look up the ids they take (a vendor_id by vendor name). Use it whenever the tools you have do not cover the request; any tool it returns can be called by name.',
  area: 'access',
  access: 'read',
  permission: 'access:read',
  keywords: ['search tools', 'discover', 'capabilities', 'what can you do'],
  input: z.object({
    query: z.string().trim().min(2).max(300).describe('What the user wants, in their words.'),
    area: z.enum(AREAS).optional().describe('Only this toolset.'),
    limit: z.number().int().min(1).max(10).default(5),
  }),
  output: z.object({ tools: z.array(foundTool), hint: z.string().optional() }),
  example: { query: 'which vendor gives the cheapest real streams' },
  async handler(ctx, input) {
    const visible = visibleTo(ctx.actor);
    const matches = toolSearchFor(ctx.catalogue).search(input.query, (tool) => visible(tool) && (!input.area || tool.area === input.area), input.limit);
    const lookups = idLookupsFor(matches.map(({ tool }) => tool), MAX_ID_LOOKUPS).flatMap((lookup) => {
      const tool = ctx.catalogue.get(lookup.tool);
      return tool && visible(tool) ? [{ tool, finds: `Finds the ${lookup.field} that ${lookup.neededBy} needs, by name.` }] : [];
    });
    const tools = [...matches.map(({ tool }) => ({ tool, finds: undefined })), ...lookups].map(({ tool, finds }) => {
      const published = publishTool(tool);
      return { name: tool.name, title: tool.title, description: oneLine(published.description), area: tool.area, access: tool.access, input_schema: published.inputSchema, ...(finds ? { finds } : {}) };
    });
    return tools.length
      ? { tools }
      : { tools, hint: 'No tool matches those words. Try other words, or list_toolsets to see the areas and enable_toolset to load one.' };
  },
});
