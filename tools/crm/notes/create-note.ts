import { z } from 'zod';
import { defineTool } from '../../registry/define-tool.ts';
import { actorName } from '../timeline/actor-name.ts';
import { recordActivity } from '../timeline/record-activity.ts';
import { describeRef, recordRef, requireRecords } from '../timeline/subjects.ts';
import { excerpt, noteOutput, noteViews, recordsPhrase } from './note-view.ts';

export const createNote = defineTool({
  name: 'create_note',
  title: 'Add a note',
  description:
    'Writes a note (markdown) on one or more companies, contacts or deals ("log a call", "note that..."); it lands on each record\'s timeline. Notes are never edited silently: update_note keeps earlier texts.',
  area: 'crm',
  access: 'write',
  permission: 'crm:write',
  input: z.object({
    body: z.string().trim().min(1).max(20_000).describe('The note, in markdown.'),
    subjects: z.array(recordRef).min(1).max(20).describe('The records it is on: [{type: company|contact|deal, id}].'),
  }),
  output: noteOutput,
  keywords: ['log a call', 'comment', 'memo', 'meeting notes'],
  example: { body: 'Call with Ana: they want the proposal by Friday.', subjects: [{ type: 'deal', id: '01900000-0000-7000-8000-000000000001' }] },
  async handler(ctx, input) {
    const subjects = [...new Map(input.subjects.map((subject) => [`${subject.type}:${subject.id}`, subject])).values()];
    const names = await requireRecords(ctx, subjects);
    const now = ctx.now();
    const note = await ctx.db.note.create({ data: { organizationId: ctx.orgId, body: input.body, authorId: ctx.actor.userId, createdAt: now } });
    await ctx.db.noteLink.createMany({ data: subjects.map((subject) => ({ organizationId: ctx.orgId, noteId: note.id, subjectType: subject.type, subjectId: subject.id })) });
    await recordActivity(ctx, {
      subjects: [{ type: 'note', id: note.id }, ...subjects],
      kind: 'note_added',
      summary: `${await actorName(ctx)} added a note on ${recordsPhrase(subjects.map((subject) => describeRef(names, subject.type, subject.id)))}: "${excerpt(input.body)}"`,
      data: { note_id: note.id },
    });
    return (await noteViews(ctx, [note]))[0]!;
  },
});
