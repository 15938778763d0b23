import type { AnyTool } from '../../registry/define-tool.ts';
import { createNote } from './create-note.ts';
import { listNotes } from './list-notes.ts';
import { updateNote } from './update-note.ts';

/** CRM notes: markdown on companies, contacts and deals; edits keep the earlier text. */
export const NOTE_TOOLS: AnyTool[] = [createNote, updateNote, listNotes];
