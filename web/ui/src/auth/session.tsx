import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { createApiClient, type ApiClient } from '../api/client.ts';
import { storedToken, storeToken, TOKEN_KEY } from './token-storage.ts';

interface Session {
  api: ApiClient | null;
  signIn(token: string): void;
  signOut(): void;
  /** Set when the server refused the stored token, so the sign-in form can say why. */
  expired: boolean;
}

const SessionContext = createContext<Session | null>(null);

/** Holds the API token (browser storage, never the URL) and the client built from it. */
export function SessionProvider({ children, initialToken }: { children: ReactNode; initialToken?: string }) {
  const [token, setToken] = useState<string | null>(() => initialToken ?? storedToken());
  const [expired, setExpired] = useState(false);

  const signOut = useCallback(() => {
    storeToken(null);
    setToken(null);
  }, []);
  const signIn = useCallback((next: string) => {
    storeToken(next);
    setExpired(false);
    setToken(next);
  }, []);

  // Signing in or out in another tab does the same here.
  useEffect(() => {
    const follow = (event: StorageEvent) => {
      if (event.key === TOKEN_KEY) setToken(event.newValue);
    };
    window.addEventListener('storage', follow);
    return () => window.removeEventListener('storage', follow);
  }, []);

  const api = useMemo(() => {
    if (!token) return null;
    // Only a refusal of this token ends the session: a late answer to an older one must not.
    const refused = () => {
      if (storedToken() !== token && storedToken() !== null) return;
      setExpired(true);
      storeToken(null);
      setToken((current) => (current === token ? null : current));
    };
    return createApiClient(token, refused);
  }, [token]);
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
