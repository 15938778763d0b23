import { useEffect, useState } from 'react';
import { useApi } from '../../auth/session.tsx';

/**
 * Whether the assistant can answer, asked once on arrival (GET /api/chat), so a person without a
 * configured model is told before typing rather than after. `unknown` (an older server, a network
 * fault) keeps the composer open: sending still reports the problem.
 */
export type ChatStatus = { state: 'loading' } | { state: 'ready'; model: string } | { state: 'not-set-up'; help: string } | { state: 'unknown' };

export function useChatStatus(): ChatStatus {
  const api = useApi();
  const [status, setStatus] = useState<ChatStatus>({ state: 'loading' });
  useEffect(() => {
    const abort = new AbortController();
    api.get('/chat', abort.signal).then(
      (answer) => {
        const { model, help } = answer as { model: string | null; help?: string };
        if (!abort.signal.aborted) setStatus(model ? { state: 'ready', model } : { state: 'not-set-up', help: help ?? '' });
      },
      () => {
        if (!abort.signal.aborted) setStatus({ state: 'unknown' });
      },
    );
    return () => abort.abort();
  }, [api]);
  return status;
}
