import { z } from 'zod';
import { defineTool } from '../../registry/define-tool.ts';
import { nextCursorOutput, pageInput, pageQuery, toPage } from '../../registry/pagination.ts';
import { recordRef, requireRecords } from '../timeline/subjects.ts';
import { noteOutput, noteViews } from './note-view.ts';

export const listNotes = defineTool({
  name: 'list_notes',
  title: 'List notes',
  description: 'The notes on a company, contact or deal, newest first, each with its author, version and every record it is on.',
  area: 'crm',
  access: 'read',
  permission: 'crm:read',
  input: z.object({
    subject: recordRef.describe('The record whose notes to list.'),
    ...pageInput,
  }),
  output: z.object({ rows: z.array(noteOutput), next_cursor: nextCursorOutput }),
  example: { subject: { type: 'deal', id: '01900000-0000-7000-8000-000000000001' } },
  async handler(ctx, input) {
    await requireRecords(ctx, [input.subject]);
    const page = pageQuery(input);
    const found = await ctx.db.note.findMany({
      where: { ...page.idAfter, links: { some: { subjectType: input.subject.type, subjectId: input.subject.id } } },
      take: page.take,
      orderBy: page.orderBy,
    });
    const { rows, nextCursor } = toPage(found, input.limit);
    return { rows: await noteViews(ctx, rows), next_cursor: nextCursor };
  },
});
