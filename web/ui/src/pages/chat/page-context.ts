import type { QuestionContext } from '../../../../../agent/context/question-context.ts';
import { matchPath, PAGE_PATHS } from '../../page-paths.ts';

/** What the chat sends with each question (POST /api/chat `context`), typed by the server's schema. */
export type ChatContext = QuestionContext;
type RecordType = NonNullable<QuestionContext['record']>['type'];

/** The pages that show one record, and where its id is in the address. */
const RECORD_PAGES: ReadonlyArray<{ pattern: string; type: RecordType; id: (params: Record<string, string>, query: URLSearchParams) => string | null }> = [
  { pattern: '/campaigns/:id', type: 'campaign', id: (params) => params.id ?? null },
  { pattern: '/clients/:id', type: 'client', id: (params) => params.id ?? null },
  // The playlists page filtered to one vendor shows that vendor's playlists.
  { pattern: '/playlists', type: 'vendor', id: (_params, query) => query.get('vendor') },
  { pattern: '/crm/companies/:id', type: 'company', id: (params) => params.id ?? null },
  { pattern: '/crm/contacts/:id', type: 'contact', id: (params) => params.id ?? null },
  { pattern: '/crm/deals/:id', type: 'deal', id: (params) => params.id ?? null },
  { pattern: '/creators/:id', type: 'creator', id: (params) => params.id ?? null },
];

/** What the server accepts (agent/context/question-context.ts): a context it would refuse would cost the question. */
const RECORD_ID = /^[A-Za-z0-9_-]{1,100}$/;
const MAX_PATH = 300;

/**
 * The context of a page of the UI, by its address (path and query): the page, and the record it
 * shows when it shows one. Null for an address that is not a page (or is the chat itself).
 */
export function contextOfPage(href: string): ChatContext | null {
  const url = new URL(href, 'http://ui.invalid');
  const path = url.pathname.replace(/\/+$/, '') || '/';
  const route = PAGE_PATHS.find((candidate) => matchPath(candidate.pattern, path) !== null);
  if (!route || route.pattern === '/chat' || !href.startsWith('/')) return null;
  const full = path + url.search;
  const context: ChatContext = { page: { path: full.length <= MAX_PATH ? full : path.slice(0, MAX_PATH), title: route.title } };
  // The page's own route only: /creators/campaigns is not the creator "campaigns".
  for (const page of RECORD_PAGES.filter((candidate) => candidate.pattern === route.pattern)) {
    const params = matchPath(page.pattern, path);
    const id = params && page.id(params, url.searchParams);
    if (id && RECORD_ID.test(id)) context.record = { type: page.type, id };
  }
  return context;
}

/**
 * The chat's address when it opens from a page: `from` is the page (the chat sends it as the
 * question's context), `about` the record's name, shown on the chat only (the server reads the
 * name from the database itself).
 */
export function chatHref(from: string, about?: string): string {
  return `/chat?${new URLSearchParams({ from, ...(about ? { about } : {}) }).toString()}`;
}

/** How the chat names what the questions are about: "campaign Summer Hearts", else "the Campaign page". */
export function contextLabel(context: ChatContext, about: string | null): string {
  if (context.record) return `${context.record.type} ${about ?? context.record.id}`;
  return `the ${context.page?.title ?? context.page?.path} page`;
}
