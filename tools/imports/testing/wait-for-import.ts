import type { Principal, ToolRunner } from '../../registry/runner.ts';

export interface ImportState {
  status: 'queued' | 'checking' | 'storing' | 'done' | 'failed';
  progress: number;
  total: number | null;
  message: string | null;
  error: string | null;
  result: Record<string, unknown> | null;
}

/** Polls get_import until the import is done or failed; `seen` receives every state read. */
export async function waitForImport(runner: ToolRunner, principal: Principal, importId: string, seen: (state: ImportState) => void = () => {}, pollMs = 100): Promise<ImportState> {
  for (;;) {
    const answer = await runner.call('get_import', { import_id: importId }, principal);
    if (!answer.ok) throw new Error(`get_import failed: ${answer.error.message}`);
    const state = answer.output as ImportState;
    seen(state);
    if (state.status === 'done' || state.status === 'failed') return state;
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
