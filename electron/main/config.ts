// Fixed configuration of the desktop app.

/**
 * Hosts whose https links the app may open in the system browser (help
 * texts, legal references). Exact host match, see isAllowedExternalUrl.
 */
export const EXTERNAL_LINK_HOSTS: readonly string[] = ['www.bamf.de', 'www.gesetze-im-internet.de'];

/** Where the renderer bundle is loaded from (never file://). */
export const APP_ENTRY_URL = 'app://quartier/index.html';
