import { z } from 'zod';
import { defineTool } from '../registry/define-tool.ts';
import { emailsOf } from './user-emails.ts';
import { nextCursorOutput, pageInput, pageQuery, toPage } from '../registry/pagination.ts';

export const listAuditLog = defineTool({
  name: 'list_audit_log',
  title: 'Audit log',
  description: 'Tool calls made in this organisation, newest first: tool, user, role, surface, outcome, error code, duration.',
  area: 'access',
  access: 'read',
  permission: 'audit:read',
  keywords: ['who did what', 'history of calls', 'recent activity'],
  input: z.object({
    tool: z.string().optional().describe('Only calls of this tool.'),
    outcome: z.enum(['ok', 'error']).optional(),
    since: z.iso.datetime({ offset: true }).optional().describe('Only calls at or after this time (ISO 8601).'),
    ...pageInput,
  }),
  output: z.object({
    rows: z.array(z.object({
      id: z.string(),
      at: z.string(),
      tool: z.string(),
      user: z.string().nullable().describe('Email of the caller, when a person called.'),
      role: z.string(),
      surface: z.string(),
      outcome: z.enum(['ok', 'error']),
      error_code: z.string().nullable(),
      duration_ms: z.number(),
    })),
    next_cursor: nextCursorOutput,
  }),
  async handler(ctx, input) {
    const query = pageQuery(input);
    const rows = await ctx.db.toolCall.findMany({
      where: {
        ...(input.tool ? { tool: input.tool } : {}),
        ...(input.outcome ? { outcome: input.outcome === 'ok' ? 'OK' : 'ERROR' } : {}),
        ...(input.since ? { createdAt: { gte: new Date(input.since) } } : {}),
        ...query.idAfter,
      },
      take: query.take,
      orderBy: query.orderBy,
    });
    const page = toPage(rows, input.limit);
    const email = await emailsOf(ctx.db, page.rows.map((row) => row.userId));
    return {
      rows: page.rows.map((row) => ({
        id: row.id,
        at: row.createdAt.toISOString(),
        tool: row.tool,
        user: row.userId ? (email.get(row.userId) ?? null) : null,
        role: row.role,
        surface: row.surface.toLowerCase(),
        outcome: row.outcome === 'OK' ? ('ok' as const) : ('error' as const),
        error_code: row.errorCode,
        duration_ms: row.durationMs,
      })),
      next_cursor: page.nextCursor,
    };
  },
});
