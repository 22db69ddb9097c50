// URL checks for navigation and external links. Pure functions so they can be
// tested with hostile input; the WHATWG URL parser does the parsing (it also
// turns IDN lookalikes into punycode, so they never equal an ASCII entry).

export const APP_SCHEME = 'app';
export const APP_HOST = 'quartier';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

const MAX_URL_LENGTH = 2048;

function parse(url: string): URL | null {
  if (typeof url !== 'string' || url.length === 0 || url.length > MAX_URL_LENGTH) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * True when `url` may be handed to the OS browser: https only, no user info,
 * no explicit port, and a host that equals an allow-list entry exactly
 * (no subdomain matching, no trailing-dot variants).
 */
export function isAllowedExternalUrl(url: string, allowList: readonly string[]): boolean {
  const parsed = parse(url);
  if (parsed === null) return false;
  if (parsed.protocol !== 'https:') return false;
  if (parsed.username !== '' || parsed.password !== '') return false;
  if (parsed.port !== '') return false;
  const host = parsed.hostname;
  return allowList.some((allowed) => allowed.length > 0 && allowed.toLowerCase() === host);
}

/** True for URLs of our own bundle served under app://quartier/. */
export function isAppUrl(url: string): boolean {
  const parsed = parse(url);
  if (parsed === null) return false;
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname === APP_HOST &&
    parsed.username === '' &&
    parsed.password === '' &&
    parsed.port === ''
  );
}
