import { useState } from 'react';
import { ApiError } from '../api/api-error.ts';
import type { ToolInput, ToolName, ToolOutput } from '../api/tool-types.ts';
import { useApi } from '../auth/session.tsx';
import { ErrorState } from './states.tsx';

interface CursorPage<Row> { rows: readonly Row[]; next_cursor: string | null }

/** The list tools that answer a page of rows and the cursor of the next one. */
type PagedTool = { [Name in ToolName]: ToolOutput<Name> extends CursorPage<unknown> ? Name : never }[ToolName];
type RowOf<Name extends PagedTool> = ToolOutput<Name> extends CursorPage<infer Row> ? Row : never;

export interface MorePages<Row> {
  rows: Row[];
  cursor: string | null;
  error: ApiError | null;
  loading: boolean;
  more(): Promise<void>;
}

/**
 * The rows of a cursor-paged list tool, starting from its first page, with `more` fetching the next
 * page for the same input and appending it. A failed page keeps the rows already shown.
 */
export function useMorePages<Name extends PagedTool>(name: Name, input: ToolInput<Name>, first: CursorPage<RowOf<Name>>): MorePages<RowOf<Name>> {
  const api = useApi();
  const [rows, setRows] = useState<RowOf<Name>[]>([...first.rows]);
  const [cursor, setCursor] = useState(first.next_cursor);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(false);

  async function more() {
    if (!cursor) return;
    setLoading(true);
    setError(null);
    try {
      const page = (await api.callTool(name, { ...input, cursor })) as CursorPage<RowOf<Name>>;
      setRows((before) => [...before, ...page.rows]);
      setCursor(page.next_cursor);
    } catch (failure) {
      setError(failure instanceof ApiError ? failure : new ApiError('internal', String(failure), 0));
    } finally {
      setLoading(false);
    }
  }

  return { rows, cursor, error, loading, more };
}

/** Under a paged list: the last page's error with a retry, and the button for the next page while there is one. */
export function MorePagesFooter({ pages }: { pages: MorePages<unknown> }) {
  const { error, cursor, loading, more } = pages;
  return (
    <>
      {error ? <ErrorState error={error} onRetry={more} /> : null}
      {cursor ? <button type="button" className="button more-button" onClick={more} disabled={loading}>{loading ? 'Loading…' : 'Show more'}</button> : null}
    </>
  );
}
