import { z } from 'zod';
import { defineTool } from '../../registry/define-tool.ts';
import { actorName } from '../timeline/actor-name.ts';
import { recordActivity } from '../timeline/record-activity.ts';
import { excerpt, noteOutput, noteViews, recordsPhrase, requireNote } from './note-view.ts';

export const updateNote = defineTool({
  name: 'update_note',
  title: 'Edit a note',
  description:
    'Replaces a note\'s text. The previous text is kept as an earlier version (the version number goes up) and the edit lands on the timeline of every record the note is on.',
  area: 'crm',
  access: 'write',
  permission: 'crm:write',
  input: z.object({
    note_id: z.string().uuid().describe('The note to edit.'),
    body: z.string().trim().min(1).max(20_000).describe('The new text, in markdown.'),
  }),
  output: noteOutput.extend({ previous_versions: z.array(z.object({ version: z.int(), body: z.string(), replaced_at: z.string() })).describe('Earlier texts, oldest first.') }),
  example: { note_id: '01900000-0000-7000-8000-000000000001', body: 'Call with Ana: proposal due Monday, not Friday.' },
  async handler(ctx, input) {
    const note = await requireNote(ctx, input.note_id);
    const now = ctx.now();
    let current = note;
    if (input.body !== note.body) {
      await ctx.db.noteVersion.create({ data: { organizationId: ctx.orgId, noteId: note.id, version: note.version, body: note.body, editedById: ctx.actor.userId, editedAt: now } });
      current = await ctx.db.note.update({ where: { id: note.id }, data: { body: input.body, version: note.version + 1 } });
      const [view] = await noteViews(ctx, [current]);
      await recordActivity(ctx, {
        subjects: [{ type: 'note', id: note.id }, ...view!.subjects.map((subject) => ({ type: subject.type, id: subject.id }))],
        kind: 'note_edited',
        summary: `${await actorName(ctx)} edited a note on ${recordsPhrase(view!.subjects)} (version ${current.version}): "${excerpt(input.body)}"`,
        data: { note_id: note.id, version: current.version },
      });
    }
    const versions = await ctx.db.noteVersion.findMany({ where: { noteId: note.id }, orderBy: { version: 'asc' } });
    return {
      ...(await noteViews(ctx, [current]))[0]!,
      previous_versions: versions.map((version) => ({ version: version.version, body: version.body, replaced_at: version.editedAt.toISOString() })),
    };
  },
});
