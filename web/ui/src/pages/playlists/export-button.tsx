import { useState } from 'react';
import { ApiError } from '../../api/api-error.ts';
import { useApi } from '../../auth/session.tsx';

type Table = 'campaigns' | 'vendors' | 'clients' | 'playlists';

/** Downloads a whole table as CSV through export_table, the same file the CLI, chat and Slack hand over. */
export function ExportButton({ table, label }: { table: Table; label: string }) {
  const api = useApi();
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });

  async function download() {
    setState({ busy: true, error: null });
    try {
      const file = await api.callTool('export_table', { table });
      const url = URL.createObjectURL(new Blob([file.content], { type: file.content_type }));
      const link = document.createElement('a');
      link.href = url;
      link.download = file.filename;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1_000);
      setState({ busy: false, error: file.truncated ? `The file stops at ${file.rows} rows.` : null });
    } catch (error) {
      setState({ busy: false, error: error instanceof ApiError ? error.message : String(error) });
    }
  }

  return (
    <span className="export">
      <button type="button" className="button" onClick={download} disabled={state.busy}>{state.busy ? 'Preparing…' : label}</button>
      {state.error ? <span className="field-error small" role="alert">{state.error}</span> : null}
    </span>
  );
}
