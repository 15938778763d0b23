import { z } from 'zod';
import { defineTool } from '../registry/define-tool.ts';
import { AREAS } from '../registry/roles.ts';
import { TOOLSET_PURPOSES } from './toolsets.ts';
import { visibleTo } from './visible-tools.ts';

export const listToolsets = defineTool({
  name: 'list_toolsets',
  title: 'List toolsets',
  description: 'The toolsets (areas of tools) you may use, with what each is for and how many tools it holds. Load one with enable_toolset, or search across all with find_tools.',
  area: 'access',
  access: 'read',
  permission: 'access:read',
  input: z.object({}),
  output: z.object({
    toolsets: z.array(z.object({ toolset: z.string(), purpose: z.string(), tools: z.number().int(), read: z.number().int(), write: z.number().int(), approval: z.number().int() })),
  }),
  async handler(ctx) {
    const tools = ctx.catalogue.list().filter(visibleTo(ctx.actor));
    const toolsets = AREAS.map((area) => {
      const inArea = tools.filter((tool) => tool.area === area);
      const count = (access: string) => inArea.filter((tool) => tool.access === access).length;
      return { toolset: area, purpose: TOOLSET_PURPOSES[area], tools: inArea.length, read: count('read'), write: count('write'), approval: count('approval') };
    }).filter((toolset) => toolset.tools > 0);
    return { toolsets };
  },
});
