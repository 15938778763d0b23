import { useState, type FormEvent } from 'react';
import { createApiClient } from '../api/client.ts';
import { ApiError } from '../api/api-error.ts';
import { useSession } from './session.tsx';

/** Checks the token with `whoami` before keeping it, so a typo is reported here, not on every page. */
export function SignInPage() {
  const { signIn, expired } = useSession();
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(expired ? 'Your session ended: the token was revoked or expired. Sign in again.' : null);
  const [checking, setChecking] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const candidate = token.trim();
    if (!candidate) {
      setError('Enter an API token. `crescendo start` prints one for the demo; `crescendo token create` makes more.');
      return;
    }
    setChecking(true);
    setError(null);
    try {
      await createApiClient(candidate, () => undefined).callTool('whoami', {});
      signIn(candidate);
    } catch (failure) {
      setError(failure instanceof ApiError && failure.isUnauthenticated
        ? 'That token is unknown, revoked or expired. Check it and try again.'
        : failure instanceof Error ? failure.message : String(failure));
    } finally {
      setChecking(false);
    }
  }

  return (
    <main className="sign-in" id="main">
      <form className="sign-in-card" onSubmit={submit} noValidate>
        <div className="brand brand-large">
          <svg viewBox="0 0 16 16" width="28" height="28" aria-hidden="true"><path d="M1 15 15 3v12z" fill="currentColor" /></svg>
          <span>Crescendo</span>
        </div>
        <h1>Sign in</h1>
        <p className="muted">Use the API token <code>crescendo start</code> printed, or one from <code>crescendo token create</code>.</p>
        <label htmlFor="token">API token</label>
        <input id="token" name="token" type="password" autoComplete="current-password" spellCheck={false} value={token}
          onChange={(event) => setToken(event.target.value)} aria-invalid={error ? true : undefined} aria-describedby={error ? 'token-error' : undefined} autoFocus />
        {error ? <p id="token-error" className="field-error" role="alert">{error}</p> : null}
        <button type="submit" className="button button-primary" disabled={checking}>{checking ? 'Checking…' : 'Sign in'}</button>
      </form>
    </main>
  );
}
