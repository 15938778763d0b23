import { useEffect, useState } from 'react';
import { ApiError } from '../api/api-error.ts';
import type { Loadable } from '../api/use-tool.ts';
import { takeEarlyWhoami } from './early-whoami.ts';
import type { Me } from './organization.tsx';
import { useApi } from './session.tsx';

/**
 * `whoami` for the signed-in shell: the early answer when there is one, otherwise (and on a
 * reload, or when the early call failed) a regular call through the session's client, whose
 * refusal ends the session as any other call's does.
 */
export function useWhoami(): Loadable<Me> & { reload(): void } {
  const api = useApi();
  const [generation, setGeneration] = useState(0);
  const [result, setResult] = useState<Loadable<Me>>({ state: 'loading' });
  useEffect(() => {
    let current = true;
    const head = takeEarlyWhoami();
    setResult({ state: 'loading' });
    const regular = () => api.callTool('whoami', {});
    (head ? head.catch(regular) : regular()).then(
      (data) => current && setResult({ state: 'ready', data }),
      (error: unknown) => current && setResult({ state: 'error', error: error instanceof ApiError ? error : new ApiError('internal', String(error), 0) }),
    );
    return () => {
      current = false;
    };
  }, [api, generation]);
  return { ...result, reload: () => setGeneration((value) => value + 1) };
}
