import { useEffect, useState } from 'react';
import { ApiError } from '../../api/api-error.ts';
import { useApi } from '../../auth/session.tsx';
import type { ReportRequest, ReportResult } from './report-types.ts';

export interface Preview {
  result: ReportResult | null;
  error: ApiError | null;
  running: boolean;
}

/**
 * run_report for the builder's (debounced) request: the last result stays on screen while the next
 * one runs, a superseded run is aborted, and a request with no metric is not run at all.
 */
export function usePreview(request: ReportRequest | null): Preview {
  const api = useApi();
  const key = request && request.metrics.length ? JSON.stringify(request) : null;
  const [preview, setPreview] = useState<Preview>({ result: null, error: null, running: false });
  useEffect(() => {
    if (!key) {
      setPreview({ result: null, error: null, running: false });
      return;
    }
    const abort = new AbortController();
    setPreview((shown) => ({ ...shown, running: true }));
    api.callTool('run_report', JSON.parse(key) as ReportRequest, abort.signal).then(
      (result) => { if (!abort.signal.aborted) setPreview({ result, error: null, running: false }); },
      (error: unknown) => {
        if (abort.signal.aborted) return;
        setPreview((shown) => ({ result: shown.result, error: error instanceof ApiError ? error : new ApiError('internal', String(error), 0), running: false }));
      },
    );
    return () => abort.abort();
  }, [api, key]);
  return preview;
}
