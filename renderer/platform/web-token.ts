// The web-mode session token. The server prints a URL ending in
// `#token=<hex>`; the fragment never goes over the network. We read it once,
// keep it in sessionStorage (this tab) and localStorage (so reopening the
// browser on the same running server works), and remove it from the address
// bar at once - before the HashRouter reads the hash as a route.

export const TOKEN_STORAGE_KEY = 'quartier.webToken';
const TOKEN_PATTERN = /^[0-9a-f]{64}$/;

export interface TokenEnvironment {
  location: Pick<Location, 'hash' | 'pathname' | 'search'>;
  history: Pick<History, 'replaceState' | 'state'>;
  sessionStorage: Pick<Storage, 'getItem' | 'setItem'>;
  localStorage: Pick<Storage, 'getItem' | 'setItem'>;
}

function tokenFromHash(hash: string): string | null {
  if (!hash.startsWith('#token=')) return null;
  const token = new URLSearchParams(hash.slice(1)).get('token');
  return token !== null && TOKEN_PATTERN.test(token) ? token : null;
}

function safeGet(storage: Pick<Storage, 'getItem'>): string | null {
  try {
    const value = storage.getItem(TOKEN_STORAGE_KEY);
    return value !== null && TOKEN_PATTERN.test(value) ? value : null;
  } catch {
    return null; // storage disabled (privacy mode): the hash is the only source
  }
}

function safeSet(storage: Pick<Storage, 'setItem'>, token: string): void {
  try {
    storage.setItem(TOKEN_STORAGE_KEY, token);
  } catch {
    // See safeGet.
  }
}

/**
 * Takes the token out of the URL (if present) and remembers it; otherwise
 * returns the remembered one. Null when there is none at all.
 */
export function captureWebToken(env: TokenEnvironment): string | null {
  const fromHash = tokenFromHash(env.location.hash);
  if (fromHash !== null || env.location.hash.startsWith('#token=')) {
    // Also strip an invalid token: it must not end up as a router path.
    env.history.replaceState(env.history.state, '', `${env.location.pathname}${env.location.search}#/`);
  }
  if (fromHash !== null) {
    safeSet(env.sessionStorage, fromHash);
    safeSet(env.localStorage, fromHash);
    return fromHash;
  }
  return safeGet(env.sessionStorage) ?? safeGet(env.localStorage);
}
