import { z } from 'zod';
import { defineTool } from '../registry/define-tool.ts';
import { oneLine, publishTool } from '../registry/published-tool.ts';
import { AREAS } from '../registry/roles.ts';
import { visibleTo } from './visible-tools.ts';

/**
 * Names the tools of one area for this caller. MCP adds them to the session's list and tells the
 * client (notifications/tools/list_changed); surfaces without sessions still get the names, and
 * any of them can be called by name.
 */
export const enableToolset = defineTool({
  name: 'enable_toolset',
  title: 'Enable a toolset',
  description: "Adds one toolset's tools (see list_toolsets) to this session's tool list, and returns their names.",
  area: 'access',
  access: 'read',
  permission: 'access:read',
  input: z.object({ toolset: z.enum(AREAS).describe('A toolset name from list_toolsets.') }),
  output: z.object({
    toolset: z.string(),
    tools: z.array(z.object({ name: z.string(), access: z.enum(['read', 'write', 'approval']), description: z.string() })),
  }),
  example: { toolset: 'campaigns' },
  async handler(ctx, input) {
    const tools = ctx.catalogue
      .list({ areas: [input.toolset] })
      .filter(visibleTo(ctx.actor))
      .map((tool) => ({ name: tool.name, access: tool.access, description: oneLine(publishTool(tool).description) }));
    return { toolset: input.toolset, tools };
  },
});
