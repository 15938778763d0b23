import type { ReactNode } from 'react';
import type { ApiError } from '../api/api-error.ts';

export function Loading({ label = 'Loading' }: { label?: string }) {
  return (
    <div className="state state-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      <span>{label}…</span>
    </div>
  );
}

export function Empty({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="state state-empty" role="status">
      <p className="state-title">{title}</p>
      {children ? <p className="muted">{children}</p> : null}
    </div>
  );
}

export function ErrorState({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  return (
    <div className="state state-error" role="alert">
      <p className="state-title">This could not be loaded</p>
      <p>{error.message}</p>
      {error.issues.length ? (
        <ul>{error.issues.map((issue) => <li key={issue.path}><code>{issue.path}</code>: {issue.message}</li>)}</ul>
      ) : null}
      {onRetry ? <button type="button" className="button" onClick={onRetry}>Try again</button> : null}
    </div>
  );
}

/** Renders the three states of a `useTool` result, so no page forgets one. */
export function Loaded<T>({ result, label, children }: {
  result: { state: 'loading' | 'error' | 'ready'; data?: T; error?: ApiError; reload(): void };
  label?: string;
  children: (data: T) => ReactNode;
}) {
  if (result.state === 'loading') return <Loading label={label} />;
  if (result.state === 'error') return <ErrorState error={result.error!} onRetry={result.reload} />;
  return <>{children(result.data as T)}</>;
}
