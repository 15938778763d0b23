import { z } from 'zod';
import { formatPath } from '../../tools/registry/input-issues.ts';
import { ToolError } from '../../tools/registry/errors.ts';

/** The kinds of record a page can show, each read back tenant-scoped before the agent names it. */
export const RECORD_TYPES = ['campaign', 'client', 'vendor', 'playlist', 'company', 'contact', 'deal', 'creator'] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

/** Printable text on one line: a page path or title is the person's own, but it still reaches the prompt. */
const ONE_LINE = /^[^\p{Cc}\p{Zl}\p{Zp}]*$/u;

export const PageRecord = z.object({
  type: z.enum(RECORD_TYPES).describe('What kind of record the page shows.'),
  id: z.string().min(1).max(100).regex(/^[A-Za-z0-9_-]+$/, 'must be a record id (letters, digits, - and _)').describe('The record\'s id.'),
}).strict();
/** The record a page shows: a type and an id only. Its name is read from the database, never taken from the request. */
export type PageRecord = z.infer<typeof PageRecord>;

export const PageContext = z.object({
  path: z.string().min(1).max(300).regex(/^\/[^\s]*$/, 'must be the page\'s path, starting with /').describe('The page\'s path and query, e.g. /campaigns/0193….'),
  title: z.string().max(80).regex(ONE_LINE, 'must be one line of text').optional().describe('The page\'s title, e.g. Campaign.'),
}).strict();
export type PageContext = z.infer<typeof PageContext>;

/** Where the answer is read, which decides how it is formatted. */
export const DISPLAYS = ['web', 'slack', 'terminal'] as const;
export type Display = (typeof DISPLAYS)[number];

/**
 * What an HTTP client may say about where a question comes from (POST /api/chat `context`): the
 * page the person is on and the record it shows (the web UI), or that the answer is read in a
 * terminal (the CLI attached to a server). A Slack place is never taken from HTTP: only the Slack
 * listener knows it.
 */
export const QuestionContext = z.object({
  display: z.enum(['web', 'terminal']).optional().describe('Where the answer is read; the web UI when left out.'),
  page: PageContext.optional(),
  record: PageRecord.optional(),
}).strict();
export type QuestionContext = z.infer<typeof QuestionContext>;

/** The Slack conversation a question was asked in. */
export interface SlackPlace {
  channelId: string;
  /** The thread the conversation lives in (the ts of its first message). */
  threadTs: string;
}

/** Everything a surface may tell the agent about the question's place (AgentRequest.context). */
export interface AgentContext {
  /** Overrides the principal's surface for formatting only (the CLI attached to a server asks through the web API). */
  display?: Display;
  page?: PageContext;
  record?: PageRecord;
  slack?: SlackPlace;
}

/** The `context` field of a request body, checked; an `invalid_input` naming each bad field (`context.record.type`). */
export function parseQuestionContext(value: unknown): QuestionContext | undefined {
  if (value === undefined || value === null) return undefined;
  const parsed = QuestionContext.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => ({ path: formatPath(['context', ...issue.path]), message: issue.message }));
  throw new ToolError('invalid_input', issues.map((issue) => `${issue.path}: ${issue.message}`).join('; '), issues);
}
