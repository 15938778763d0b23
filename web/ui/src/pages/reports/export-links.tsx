import { useState, type MouseEvent } from 'react';
import { ApiError } from '../../api/api-error.ts';
import { useApi } from '../../auth/session.tsx';

/**
 * Export CSV / PDF: links to the export route (GET /api/reports/export). The route wants the
 * session's token in the Authorization header, which a plain link cannot send, so a click fetches
 * the file with it and hands it to the browser as a download.
 */
export function ExportLinks({ reportId, name }: { reportId: string; name: string }) {
  const api = useApi();
  const [error, setError] = useState<string | null>(null);
  const href = (format: 'csv' | 'pdf') => `/api/reports/export?report_id=${encodeURIComponent(reportId)}&format=${format}`;
  const download = (format: 'csv' | 'pdf') => async (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    setError(null);
    try {
      const file = await api.download(href(format).slice('/api'.length));
      const url = URL.createObjectURL(file.blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = file.filename ?? `${name.replace(/[^\w -]+/g, '').trim() || 'report'}.${format}`;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : String(failure));
    }
  };
  return (
    <div className="export-links">
      <a className="button" href={href('csv')} onClick={download('csv')}>Export CSV</a>
      <a className="button" href={href('pdf')} onClick={download('pdf')}>Export PDF</a>
      {error ? <p className="field-error" role="alert">{error}</p> : null}
    </div>
  );
}
