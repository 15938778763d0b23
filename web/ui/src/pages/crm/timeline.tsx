import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api/api-error.ts';
import { useApi } from '../../auth/session.tsx';
import type { ToolOutput } from '../../api/tool-types.ts';
import { useTool } from '../../api/use-tool.ts';
import { formatInstant } from '../../components/format.ts';
import { Panel } from '../../components/layout-parts.tsx';
import { Empty, ErrorState, Loading } from '../../components/states.tsx';

type TimelinePage = ToolOutput<'get_timeline'>;
type Subject = { type: 'company' | 'contact' | 'deal'; id: string };

const PAGE = 20;

/** A record's timeline from get_timeline, newest first, with "Load more" for older entries. */
export function Timeline({ subject, reloadKey = 0 }: { subject: Subject; reloadKey?: number }) {
  const input = { subject, limit: PAGE };
  const first = useTool('get_timeline', input);
  // A change made on the page (a task done) adds an entry: read the newest page again.
  const shownKey = useRef(reloadKey);
  const { reload } = first;
  useEffect(() => {
    if (shownKey.current === reloadKey) return;
    shownKey.current = reloadKey;
    reload();
  }, [reloadKey, reload]);
  return (
    <Panel title="Timeline" description="Every change, note, task and captured email about this record, newest first.">
      {first.state === 'loading' ? <Loading label="Loading the timeline" /> : null}
      {first.state === 'error' ? <ErrorState error={first.error} onRetry={first.reload} /> : null}
      {first.state === 'ready' ? <Entries key={`${subject.id}:${first.data.entries[0]?.activity_id ?? ''}`} input={input} first={first.data} /> : null}
    </Panel>
  );
}

function Entries({ input, first }: { input: { subject: Subject; limit: number }; first: TimelinePage }) {
  const api = useApi();
  const [rows, setRows] = useState(first.entries);
  const [cursor, setCursor] = useState(first.next_cursor);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(false);
  // get_timeline answers `entries` rather than `rows`, so it pages here rather than through useMorePages.
  async function more() {
    if (!cursor) return;
    setLoading(true);
    setError(null);
    try {
      const page = await api.callTool('get_timeline', { ...input, cursor });
      setRows((before) => [...before, ...page.entries]);
      setCursor(page.next_cursor);
    } catch (failure) {
      setError(failure instanceof ApiError ? failure : new ApiError('internal', String(failure), 0));
    } finally {
      setLoading(false);
    }
  }
  if (!rows.length) return <Empty title="Nothing has happened here yet." />;
  return (
    <>
      <ol className="crm-timeline">
        {onceEach(rows).map((entry) => (
          <li key={entry.activity_id} className={`crm-timeline-entry kind-${entry.kind}`}>
            <p className="crm-timeline-summary">{entry.summary}</p>
            <p className="muted small">
              <time dateTime={entry.when} title={formatInstant(entry.when)}>{entry.when_in_words}</time>
              {entry.surface ? ` · ${surfaceLabel(entry.surface)}` : ''}
            </p>
          </li>
        ))}
      </ol>
      {error ? <ErrorState error={error} onRetry={more} /> : null}
      {cursor ? <button type="button" className="button more-button" onClick={more} disabled={loading}>{loading ? 'Loading…' : 'Load more'}</button> : null}
    </>
  );
}

/**
 * One line per event: a company's timeline also reads its contacts' and deals' entries, and an event
 * about the company and its contact (a note on both) has a row for each. The output carries no
 * event id, so the same sentence at the same instant stands for it.
 */
function onceEach(entries: TimelinePage['entries']): TimelinePage['entries'] {
  const seen = new Set<string>();
  return entries.filter((entry) => {
    const key = `${entry.when}|${entry.kind}|${entry.summary}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function surfaceLabel(surface: string): string {
  return ({ HTTP: 'web or API', WEB: 'web', SLACK: 'Slack', MCP: 'MCP', CLI: 'command line', JOB: 'email capture or job', AGENT: 'assistant' } as Record<string, string>)[surface] ?? surface;
}
