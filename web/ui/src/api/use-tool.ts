import { useCallback, useEffect, useState } from 'react';
import { useApi } from '../auth/session.tsx';
import { ApiError } from './api-error.ts';
import type { ToolInput, ToolName, ToolOutput } from './tool-types.ts';

export type Loadable<T> =
  | { state: 'loading'; data?: undefined; error?: undefined }
  | { state: 'error'; error: ApiError; data?: undefined }
  | { state: 'ready'; data: T; error?: undefined };

const LOADING = { state: 'loading' } as const;

/**
 * Calls a read tool and re-calls it when its input changes (compared by value) or on `reload`.
 * Every answer is kept with the input it answers, and only an answer to the current input is ever
 * returned: a superseded call is aborted, and an answer to an older search can never show as this
 * one's. A reload with the same input keeps showing the previous answer until the new one arrives
 * (no flicker while polling).
 */
export function useTool<Name extends ToolName>(name: Name, input: ToolInput<Name>): Loadable<ToolOutput<Name>> & { reload(): void } {
  const api = useApi();
  const key = `${name}:${JSON.stringify(input)}`;
  const [generation, setGeneration] = useState(0);
  const [answer, setAnswer] = useState<{ key: string; result: Loadable<ToolOutput<Name>> } | null>(null);

  useEffect(() => {
    const abort = new AbortController();
    // A retry after an error shows it is trying again; a reload of a shown answer keeps it meanwhile.
    setAnswer((shown) => (shown?.key === key && shown.result.state === 'ready' ? shown : { key, result: LOADING }));
    api.callTool(name, JSON.parse(key.slice(name.length + 1)) as ToolInput<Name>, abort.signal).then(
      (data) => {
        if (!abort.signal.aborted) setAnswer({ key, result: { state: 'ready', data } });
      },
      (error: unknown) => {
        if (abort.signal.aborted) return;
        setAnswer({ key, result: { state: 'error', error: error instanceof ApiError ? error : new ApiError('internal', String(error), 0) } });
      },
    );
    return () => abort.abort();
  }, [api, name, key, generation]);

  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  return { ...(answer?.key === key ? answer.result : LOADING), reload };
}
