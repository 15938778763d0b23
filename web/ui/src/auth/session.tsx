import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { createApiClient, type ApiClient } from '../api/client.ts';

const STORAGE_KEY = 'crescendo.token';

interface Session {
  api: ApiClient | null;
  signIn(token: string): void;
  signOut(): void;
  /** Set when the server refused the stored token, so the sign-in form can say why. */
  expired: boolean;
}

const SessionContext = createContext<Session | null>(null);

function storedToken(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

/** Holds the API token (browser storage, never the URL) and the client built from it. */
export function SessionProvider({ children, initialToken }: { children: ReactNode; initialToken?: string }) {
  const [token, setToken] = useState<string | null>(() => initialToken ?? storedToken());
  const [expired, setExpired] = useState(false);

  const signOut = useCallback(() => {
    window.localStorage.removeItem(STORAGE_KEY);
    setToken(null);
  }, []);
  const signIn = useCallback((next: string) => {
    window.localStorage.setItem(STORAGE_KEY, next);
    setExpired(false);
    setToken(next);
  }, []);
  const api = useMemo(
    () => (token ? createApiClient(token, () => { setExpired(true); signOut(); }) : null),
    [token, signOut],
  );
  const session = useMemo(() => ({ api, signIn, signOut, expired }), [api, signIn, signOut, expired]);
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession needs a SessionProvider');
  return session;
}

/** The API client of the signed-in user (pages only render once signed in). */
export function useApi(): ApiClient {
  const { api } = useSession();
  if (!api) throw new Error('useApi called while signed out');
  return api;
}
