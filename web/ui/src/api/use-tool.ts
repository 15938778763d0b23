import { useCallback, useEffect, useRef, useState } from 'react';
import { useApi } from '../auth/session.tsx';
import { ApiError } from './api-error.ts';
import type { ToolInput, ToolName, ToolOutput } from './tool-types.ts';

export type Loadable<T> =
  | { state: 'loading'; data?: undefined; error?: undefined }
  | { state: 'error'; error: ApiError; data?: undefined }
  | { state: 'ready'; data: T; error?: undefined };

/**
 * Calls a read tool and re-calls it when its input changes (compared by value) or on `reload`.
 * A superseded call is aborted, so a slow old answer never overwrites a newer one. A reload with
 * the same input keeps showing the previous answer until the new one arrives (no flicker while polling).
 */
export function useTool<Name extends ToolName>(name: Name, input: ToolInput<Name>): Loadable<ToolOutput<Name>> & { reload(): void } {
  const api = useApi();
  const key = JSON.stringify(input);
  const [generation, setGeneration] = useState(0);
  const [result, setResult] = useState<Loadable<ToolOutput<Name>>>({ state: 'loading' });
  const shownKey = useRef<string | null>(null);

  useEffect(() => {
    const abort = new AbortController();
    // A retry after an error shows it is trying again; a reload of a shown answer keeps it meanwhile.
    setResult((shown) => (shownKey.current !== key || shown.state === 'error' ? { state: 'loading' } : shown));
    shownKey.current = key;
    api.callTool(name, JSON.parse(key) as ToolInput<Name>, abort.signal).then(
      (data) => {
        if (!abort.signal.aborted) setResult({ state: 'ready', data });
      },
      (error: unknown) => {
        if (abort.signal.aborted) return;
        setResult({ state: 'error', error: error instanceof ApiError ? error : new ApiError('internal', String(error), 0) });
      },
    );
    return () => abort.abort();
  }, [api, name, key, generation]);

  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  return { ...result, reload };
}
