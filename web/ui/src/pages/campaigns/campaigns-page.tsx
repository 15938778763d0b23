import { useEffect, useRef, useState } from 'react';
import type { ToolInput } from '../../api/tool-types.ts';
import { useTool } from '../../api/use-tool.ts';
import { PageHeader, Panel } from '../../components/layout-parts.tsx';
import { MorePagesFooter, useMorePages } from '../../components/more-pages.tsx';
import { Empty, Loaded } from '../../components/states.tsx';
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

/** Search and status live in the query string, so a filtered list can be bookmarked, shared and gone back to. */
export default function CampaignsPage() {
  const { query } = useLocation();
  const status = (STATUSES.find((choice) => choice.value === query.get('status'))?.value ?? 'any');
  const search = query.get('q') ?? '';
  const [draft, setDraft] = useState(search);
  const settled = useDebounced(draft.trim());
  const shownSearch = useRef(search);

  // The URL changed from outside (navigation, back, forward): the box follows it.
  useEffect(() => {
    if (search === shownSearch.current) return;
    shownSearch.current = search;
    setDraft(search);
  }, [search]);

  // What was typed, once settled, goes into the URL.
  useEffect(() => {
    if (settled === shownSearch.current) return;
    shownSearch.current = settled;
    navigate(campaignsHref(new URLSearchParams(window.location.search), { q: settled }), { replace: true });
  }, [settled]);

  const setStatus = (value: Status) => navigate(campaignsHref(query, { status: value === 'any' ? '' : value }), { replace: true });

  const input = { status, limit: 50, ...(search ? { search } : {}) };
  const firstPage = useTool('list_campaigns', input);

  return (
    <>
      <PageHeader title="Campaigns" subtitle="Playlist-promotion campaigns: streams delivered on vendor playlists against what was promised." />
      <Panel title="Campaign list">
        <form className="page-actions filters" role="search" onSubmit={(event) => event.preventDefault()}>
          <label className="field">
            Search
            <input type="search" value={draft} placeholder="Campaign or artist" onChange={(event) => setDraft(event.target.value)} />
          </label>
          <label className="field">
            Status
            <select value={status} onChange={(event) => setStatus(event.target.value as Status)}>
              {STATUSES.map((choice) => <option key={choice.value} value={choice.value}>{choice.label}</option>)}
            </select>
          </label>
        </form>
        <Loaded result={firstPage} label="Loading campaigns">
          {(page) => <CampaignPages key={JSON.stringify(input)} input={input} first={page.rows} firstCursor={page.next_cursor} filtered={Boolean(search) || status !== 'any'} />}
        </Loaded>
      </Panel>
    </>
  );
}

function CampaignPages({ input, first, firstCursor, filtered }: {
  input: ToolInput<'list_campaigns'>; first: CampaignRow[]; firstCursor: string | null; filtered: boolean;
}) {
  const pages = useMorePages('list_campaigns', input, { rows: first, next_cursor: firstCursor });
  const { rows } = pages;

  if (!rows.length) {
    return filtered
      ? <Empty title="No campaign matches.">Try another name or status.</Empty>
      : <Empty title="No campaigns yet.">Ask Crescendo in chat or in Slack to create one.</Empty>;
  }
  return (
    <>
      <CampaignsTable rows={rows} />
      <MorePagesFooter pages={pages} />
    </>
  );
}

function campaignsHref(current: URLSearchParams, changes: Record<string, string>): string {
  const next = new URLSearchParams(current);
  for (const [name, value] of Object.entries(changes)) {
    if (value) next.set(name, value);
    else next.delete(name);
  }
  const suffix = next.toString();
  return `/campaigns${suffix ? `?${suffix}` : ''}`;
}
