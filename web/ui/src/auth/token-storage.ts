/** Where the API token lives between visits: browser storage, never the URL. */
export const TOKEN_KEY = 'crescendo.token';

// Storage can be unavailable (private modes, blocked cookies): the session then lasts for the tab.
export function storedToken(): string | null {
  try {
    return window.localStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

export function storeToken(token: string | null): void {
  try {
    if (token) window.localStorage.setItem(TOKEN_KEY, token);
    else window.localStorage.removeItem(TOKEN_KEY);
  } catch {
    // Kept in memory only.
  }
}
