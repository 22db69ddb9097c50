// Serves dist/renderer under app://quartier/ (a privileged, standard scheme,
// so the app has a real origin for IndexedDB and never runs from file://).
import { protocol } from 'electron';
import { APP_HOST, APP_SCHEME } from '../security/urls';
import { SECURITY_HEADERS } from '../security/csp';
import { NOT_BUILT_PAGE, readStaticFile } from '../web/static-files';

/** Must run before app 'ready'. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

function textResponse(status: number, body: string, contentType = 'text/plain; charset=utf-8'): Response {
  return new Response(body, { status, headers: { ...SECURITY_HEADERS, 'Content-Type': contentType } });
}

export function handleAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return textResponse(400, 'Ungültige Adresse.');
    }
    if (url.hostname !== APP_HOST || request.method !== 'GET') return textResponse(404, 'Nicht gefunden.');
    const result = await readStaticFile(rendererDir, url.pathname);
    switch (result.kind) {
      case 'file':
        return new Response(result.body as Uint8Array<ArrayBuffer>, { status: 200, headers: { ...SECURITY_HEADERS, 'Content-Type': result.contentType } });
      case 'not-built':
        return textResponse(503, NOT_BUILT_PAGE, 'text/html; charset=utf-8');
      case 'rejected':
        return textResponse(400, 'Ungültiger Pfad.');
      case 'not-found':
        return textResponse(404, 'Nicht gefunden.');
    }
  });
}
