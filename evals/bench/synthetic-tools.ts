import { z } from 'zod';
import { isoDate } from '../../tools/common/format.ts';
import { defineTool, type AnyTool } from '../../tools/registry/define-tool.ts';
import type { Area } from '../../tools/registry/roles.ts';

/** Areas the coming issues fill, with the nouns their tools will be about. */
const PLANNED: Array<{ area: Area; nouns: string[] }> = [
  { area: 'reports', nouns: ['report view', 'report schedule', 'dashboard', 'metric definition', 'custom metric', 'report export'] },
  { area: 'crm', nouns: ['company', 'contact', 'deal', 'task', 'note', 'activity'] },
  { area: 'creators', nouns: ['creator', 'creator platform', 'audience slice', 'creator content', 'creator shortlist'] },
  { area: 'content', nouns: ['content draft', 'scheduled post', 'social account', 'content calendar entry', 'trend signal'] },
  { area: 'tracking', nouns: ['tracked event', 'event source', 'channel comparison'] },
  { area: 'fans', nouns: ['fan', 'fan segment', 'email campaign', 'email send'] },
  { area: 'ads', nouns: ['ad account', 'ad campaign', 'ad set', 'daily ad metric'] },
];

const VERBS = [
  { verb: 'list', access: 'read' as const, what: (noun: string) => `Lists ${noun}s, newest first, with their key figures. Filter by status, owner or date range; search by name.` },
  { verb: 'get', access: 'read' as const, what: (noun: string) => `One ${noun} with everything known about it and its recent history.` },
  { verb: 'create', access: 'write' as const, what: (noun: string) => `Creates a ${noun} and returns it with its id.` },
  { verb: 'update', access: 'write' as const, what: (noun: string) => `Changes a ${noun}; only the fields given change.` },
];

/**
 * Stand-ins for the ~150 tools the next issues add, shaped like real ones (a description that says
 * when to use it, dates, enums, paging), so the bench can show the catalogue stays small at 200.
 * They are never registered outside the bench.
 */
export function syntheticTools(count: number): AnyTool[] {
  const tools: AnyTool[] = [];
  for (let round = 0; tools.length < count; round++) {
    for (const { area, nouns } of PLANNED) {
      for (const noun of nouns) {
        for (const { verb, access, what } of VERBS) {
          if (tools.length >= count) return tools;
          const base = `${verb}_${noun.replace(/ /g, '_')}${round ? `_v${round + 1}` : ''}`;
          tools.push(syntheticTool(base, area, access, noun, what(noun)));
        }
      }
    }
  }
  return tools;
}

function syntheticTool(name: string, area: Area, access: 'read' | 'write', noun: string, description: string): AnyTool {
  const input = access === 'read'
    ? z.object({
        from: isoDate.optional().describe('First day (inclusive, organisation time zone).'),
        to: isoDate.optional().describe('Last day (inclusive).'),
        status: z.enum(['active', 'paused', 'archived']).optional(),
        search: z.string().max(200).optional().describe(`Part of the ${noun}'s name.`),
        limit: z.number().int().min(1).max(200).default(50),
        cursor: z.string().optional().describe('From the previous page.'),
      })
    : z.object({
        id: z.string().optional().describe(`The ${noun} to change; omit to create.`),
        name: z.string().min(1).max(200),
        owner_email: z.email().optional(),
        starts_on: isoDate.optional(),
        notes: z.string().max(2000).optional(),
      });
  return defineTool({
    name,
    title: `${name.split('_')[0]![0]!.toUpperCase()}${name.replace(/_/g, ' ').slice(1)}`,
    description,
    area,
    access,
    permission: access === 'read' ? `${area}:read` : `${area}:write`,
    input,
    output: z.object({ rows: z.array(z.object({ id: z.string(), name: z.string(), status: z.string(), created_at: z.string(), value: z.number().nullable() })), next_cursor: z.string().nullable() }),
    handler: async () => ({ rows: [], next_cursor: null }),
  });
}
