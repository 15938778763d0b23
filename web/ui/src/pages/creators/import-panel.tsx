import { useState, type ChangeEvent } from 'react';
import { ApiError } from '../../api/api-error.ts';
import { useApi } from '../../auth/session.tsx';
import { Panel } from '../../components/layout-parts.tsx';
import { plural } from '../../components/format.ts';
import { callAnyTool } from '../../forms/call-tool.ts';

/** What import_creators answers (tools/imports/csv-import.ts csvImportOutput, plus kept_synced). */
export interface ImportOutcome {
  rows: number;
  rows_stored: number;
  rows_unchanged: number;
  rows_replaced: number;
  files_rejected: number;
  errors: Array<{ file: string; line: number; reason: string }>;
  errors_not_shown: number;
  dry_run: boolean;
  status: 'done' | 'queued';
  kept_synced?: Array<{ file_line: number; handle: string; network: string; reason: string }>;
}

export const CSV_COLUMNS = 'name, email, handle, country, languages, niches, genres, bio, commission_rate, then per network <network>_handle, _url, _followers, _engagement_rate, _average_views (tiktok_followers, youtube_handle...)';

/**
 * A CSV of creators checked first (import_creators with dry_run: every row read, nothing stored),
 * then imported once the check is clean; a bad row is named by its line.
 */
export function ImportPanel({ onImported, onClose }: { onImported(): void; onClose(): void }) {
  const api = useApi();
  const [file, setFile] = useState<{ name: string; content: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [checked, setChecked] = useState<ImportOutcome | null>(null);
  const [done, setDone] = useState<ImportOutcome | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const outcome = (await callAnyTool(api, 'import_creators', { files: [file], dry_run: dryRun })) as ImportOutcome;
      if (dryRun) setChecked(outcome);
      else {
        setDone(outcome);
        onImported();
      }
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0];
    setChecked(null);
    setDone(null);
    setError(null);
    setFile(chosen ? { name: chosen.name, content: await chosen.text() } : null);
  };

  const clean = checked !== null && checked.errors.length === 0 && checked.files_rejected === 0;
  return (
    <Panel title="Import creators from a CSV" className="cr-import" description={<>One row per creator, keyed by handle (a handle already stored updates that creator). Columns: {CSV_COLUMNS}.</>}>
      <div className="cr-import-row">
        <label className="field">CSV file<input type="file" accept=".csv,text/csv" onChange={choose} /></label>
        <button type="button" className="button" disabled={!file || busy} onClick={() => run(true)}>{busy && !checked ? 'Checking…' : 'Check the file'}</button>
        <button type="button" className="button button-primary" disabled={!clean || busy || done !== null} onClick={() => run(false)}>
          {busy && checked ? 'Importing…' : clean ? `Import ${plural(checked.rows, 'row')}` : 'Import'}
        </button>
        <button type="button" className="button button-quiet" onClick={onClose}>Close</button>
      </div>
      {error ? <p className="bad" role="alert">{error}</p> : null}
      {checked && !done ? <Outcome outcome={checked} /> : null}
      {done ? <Outcome outcome={done} /> : null}
    </Panel>
  );
}

export function Outcome({ outcome }: { outcome: ImportOutcome }) {
  if (outcome.status === 'queued') return <p role="status">The file is large: it is being checked and stored in the background.</p>;
  const problems = outcome.errors.length + outcome.errors_not_shown;
  return (
    <div role="status" className="cr-import-outcome">
      {outcome.dry_run ? (
        <p className={problems ? 'bad' : 'good'}>
          {problems ? `${plural(problems, 'problem')} to fix first: nothing was stored.` : `${plural(outcome.rows, 'row')} read, all valid: nothing stored yet.`}
        </p>
      ) : (
        <p className="good">Imported: {plural(outcome.rows_stored - outcome.rows_replaced, 'new creator')}, {plural(outcome.rows_replaced, 'update')}, {plural(outcome.rows_unchanged, 'row')} already up to date.</p>
      )}
      {outcome.errors.length ? (
        <ul className="cr-import-errors">
          {outcome.errors.map((row) => <li key={`${row.file}:${row.line}:${row.reason}`}>Line {row.line}: {row.reason}</li>)}
          {outcome.errors_not_shown ? <li>and {plural(outcome.errors_not_shown, 'more problem')}</li> : null}
        </ul>
      ) : null}
      {outcome.kept_synced?.length ? (
        <p className="muted small">Figures left as Phyllo syncs them: {outcome.kept_synced.map((row) => `@${row.handle} on ${row.network} (line ${row.file_line})`).join(', ')}.</p>
      ) : null}
    </div>
  );
}
