import { useEffect, useState } from 'react';
import { ApiError } from '../../api/api-error.ts';
import type { ToolInput } from '../../api/tool-types.ts';
import { useTool } from '../../api/use-tool.ts';
import { useApi } from '../../auth/session.tsx';
import { PageHeader, Panel } from '../../components/layout-parts.tsx';
import { Empty, ErrorState, Loaded } from '../../components/states.tsx';
import { useDebounced } from '../../components/use-debounced.ts';
import { navigate, useLocation } from '../../router.tsx';
import { CampaignsTable, type CampaignRow } from './campaigns-table.tsx';

type Status = NonNullable<ToolInput<'list_campaigns'>['status']>;
const STATUSES: ReadonlyArray<{ value: Status; label: string }> = [
  { value: 'any', label: 'All statuses' },
  { value: 'active', label: 'Active' },
  { value: 'paused', label: 'Paused' },
  { value: 'completed', label: 'Completed' },
];

/** Search and status live in the query string, so a filtered list can be bookmarked and shared. */
export default function CampaignsPage() {
  const { query } = useLocation();
  const status = (STATUSES.find((choice) => choice.value === query.get('status'))?.value ?? 'any');
  const [search, setSearch] = useState(query.get('q') ?? '');
  const settled = useDebounced(search.trim());

  useEffect(() => {
    const next = new URLSearchParams();
    if (settled) next.set('q', settled);
    if (status !== 'any') next.set('status', status);
    const suffix = next.toString();
    navigate(`/campaigns${suffix ? `?${suffix}` : ''}`, { replace: true });
  }, [settled, status]);

  const setStatus = (value: Status) => {
    const next = new URLSearchParams(query);
    if (value === 'any') next.delete('status');
    else next.set('status', value);
    navigate(`/campaigns${next.toString() ? `?${next}` : ''}`, { replace: true });
  };

  const input = { status, limit: 50, ...(settled ? { search: settled } : {}) };
  const firstPage = useTool('list_campaigns', input);

  return (
    <>
      <PageHeader title="Campaigns" subtitle="Playlist-promotion campaigns: streams delivered on vendor playlists against what was promised." />
      <Panel title="Campaign list">
        <form className="page-actions" role="search" style={{ marginBottom: '0.75rem' }} onSubmit={(event) => event.preventDefault()}>
          <label className="field">
            Search
            <input type="search" value={search} placeholder="Campaign or artist" onChange={(event) => setSearch(event.target.value)} />
          </label>
          <label className="field">
            Status
            <select value={status} onChange={(event) => setStatus(event.target.value as Status)}>
              {STATUSES.map((choice) => <option key={choice.value} value={choice.value}>{choice.label}</option>)}
            </select>
          </label>
        </form>
        <Loaded result={firstPage} label="Loading campaigns">
          {(page) => <CampaignPages key={JSON.stringify(input)} input={input} first={page.rows} firstCursor={page.next_cursor} filtered={Boolean(settled) || status !== 'any'} />}
        </Loaded>
      </Panel>
    </>
  );
}

function CampaignPages({ input, first, firstCursor, filtered }: {
  input: ToolInput<'list_campaigns'>; first: CampaignRow[]; firstCursor: string | null; filtered: boolean;
}) {
  const api = useApi();
  const [rows, setRows] = useState(first);
  const [cursor, setCursor] = useState(firstCursor);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  async function more() {
    if (!cursor) return;
    setLoading(true);
    setError(null);
    try {
      const page = await api.callTool('list_campaigns', { ...input, cursor });
      setRows((before) => [...before, ...page.rows]);
      setCursor(page.next_cursor);
    } catch (failure) {
      setError(failure instanceof ApiError ? failure : new ApiError('internal', String(failure), 0));
    } finally {
      setLoading(false);
    }
  }

  if (!rows.length) {
    return filtered
      ? <Empty title="No campaign matches.">Try another name or status.</Empty>
      : <Empty title="No campaigns yet.">Create one with the create_campaign tool, in Slack or in chat.</Empty>;
  }
  return (
    <>
      <CampaignsTable rows={rows} />
      {error ? <ErrorState error={error} onRetry={more} /> : null}
      {cursor ? <button type="button" className="button" onClick={more} disabled={loading} style={{ marginTop: '0.75rem' }}>{loading ? 'Loading…' : 'Show more'}</button> : null}
    </>
  );
}
