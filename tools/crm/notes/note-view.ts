import { z } from 'zod';
import type { Note } from '../../../db/generated/prisma/client.ts';
import type { ToolContext } from '../../registry/context.ts';
import { notFound } from '../../registry/errors.ts';
import { labelOf, memberLabels } from '../timeline/members.ts';
import { describeRef, recordNames, recordRefOutput } from '../timeline/subjects.ts';

export const noteOutput = z.object({
  note_id: z.string(),
  body: z.string().describe('Markdown.'),
  author: z.string().nullable().describe("The author's name or email."),
  version: z.int().describe('1 for an unedited note; each edit adds one (earlier texts are kept).'),
  subjects: z.array(recordRefOutput).describe('The records the note is on.'),
  created_at: z.string(),
  updated_at: z.string(),
});
export type NoteOutput = z.infer<typeof noteOutput>;

/** Notes with their author and records by name (three queries for the whole list). */
export async function noteViews(ctx: Pick<ToolContext, 'db'>, notes: readonly Note[]): Promise<NoteOutput[]> {
  const links = notes.length ? await ctx.db.noteLink.findMany({ where: { noteId: { in: notes.map((note) => note.id) } }, orderBy: { id: 'asc' } }) : [];
  const [people, names] = await Promise.all([
    memberLabels(ctx, notes.map((note) => note.authorId)),
    recordNames(ctx, links.map((link) => ({ type: link.subjectType, id: link.subjectId }))),
  ]);
  return notes.map((note) => ({
    note_id: note.id,
    body: note.body,
    author: labelOf(people, note.authorId),
    version: note.version,
    subjects: links.filter((link) => link.noteId === note.id).map((link) => describeRef(names, link.subjectType, link.subjectId)),
    created_at: note.createdAt.toISOString(),
    updated_at: note.updatedAt.toISOString(),
  }));
}

export async function requireNote(ctx: Pick<ToolContext, 'db'>, noteId: string): Promise<Note> {
  const note = await ctx.db.note.findUnique({ where: { id: noteId } });
  if (!note) throw notFound('note', noteId);
  return note;
}

/** "deal 'Spring tour' and contact 'Ana Ruiz'" for summaries. */
export function recordsPhrase(refs: ReadonlyArray<{ type: string; name: string }>): string {
  const phrases = refs.map((ref) => `${ref.type} '${ref.name}'`);
  return phrases.length <= 1 ? (phrases[0] ?? 'no record') : `${phrases.slice(0, -1).join(', ')} and ${phrases[phrases.length - 1]}`;
}

/** The first words of a note for a timeline line. */
export function excerpt(body: string, length = 80): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  return flat.length <= length ? flat : `${flat.slice(0, length - 1)}…`;
}
