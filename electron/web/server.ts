// Web mode: serves the renderer bundle and the SAME handler implementations
// as Electron over HTTP, to a browser on this machine only.
//  - listens on 127.0.0.1 only;
//  - every API call needs the per-start random token (header X-Quartier-Token,
//    compared in constant time); the browser gets it via the printed URL's
//    #token=… fragment, which is never sent over the network;
//  - the Host header must name our loopback address and port, which defeats
//    DNS rebinding (a hostile page resolving its own name to 127.0.0.1);
//  - requests are validated by the same dispatcher as the Electron IPC.
import http from 'node:http';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { WEB_API_PREFIX, WEB_TOKEN_HEADER, type HandlerMap, type IpcResult } from '../../shared/ipc/contract';
import { createDispatcher } from '../ipc/dispatch';
import { SECURITY_HEADERS } from '../security/csp';
import { NOT_BUILT_PAGE, readStaticFile } from './static-files';

export const WEB_HOST = '127.0.0.1';
export const DEFAULT_WEB_PORT = 4780;
export const DEFAULT_MAX_BODY_BYTES = 64 * 1024 * 1024;

export interface WebServerOptions {
  /** 0 = any free port. */
  port: number;
  rendererDir: string;
  handlers: HandlerMap;
  /** Fixed token for tests; normally a fresh random one per start. */
  token?: string;
  maxBodyBytes?: number;
  onInternalError?: (channel: string, error: unknown) => void;
}

export interface RunningWebServer {
  readonly port: number;
  readonly token: string;
  /** The URL to open, including the token in the fragment. */
  readonly url: string;
  close(): Promise<void>;
}

export class PortInUseError extends Error {
  constructor(readonly port: number) {
    super(`Port ${port} ist bereits belegt – läuft Quartier schon? Anderen Port mit QUARTIER_PORT=<Nummer> wählen. / Port ${port} is already in use.`);
    this.name = 'PortInUseError';
  }
}

export function newToken(): string {
  return randomBytes(32).toString('hex');
}

/** Constant-time comparison that also hides the length (both sides hashed first). */
export function tokensEqual(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given, 'utf8').digest();
  const b = createHash('sha256').update(expected, 'utf8').digest();
  return timingSafeEqual(a, b) && given.length === expected.length;
}

export function startupLine(server: Pick<RunningWebServer, 'port' | 'token'>): string {
  return `Quartier (Web-Modus): http://${WEB_HOST}:${server.port}/#token=${server.token}`;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? '0');
    if (Number.isFinite(declared) && declared > limit) {
      reject(new HttpError(413, `Anfrage zu groß (höchstens ${Math.floor(limit / 1024 / 1024)} MB).`));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        done = true;
        reject(new HttpError(413, `Anfrage zu groß (höchstens ${Math.floor(limit / 1024 / 1024)} MB).`));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!done) {
        done = true;
        resolve(Buffer.concat(chunks));
      }
    });
    req.on('error', (error) => {
      if (!done) {
        done = true;
        reject(error);
      }
    });
  });
}

const STATUS_BY_CODE: Readonly<Record<string, number>> = {
  'unknown-channel': 404,
  'invalid-request': 400,
  'path-rejected': 400,
  'not-found': 404,
  'share-offline': 503,
  'not-supported': 501,
  'io-failed': 500,
  'invalid-response': 500,
  internal: 500,
};

export function startWebServer(options: WebServerOptions): Promise<RunningWebServer> {
  const token = options.token ?? newToken();
  const limit = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const dispatch = createDispatcher(options.handlers, options.onInternalError);
  let port = options.port;

  const send = (res: http.ServerResponse, status: number, body: string | Uint8Array, contentType: string, extra: Record<string, string> = {}) => {
    res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': contentType, 'Content-Length': String(Buffer.byteLength(body)), ...extra });
    res.end(body);
  };
  const sendJson = (res: http.ServerResponse, status: number, result: IpcResult<unknown>) =>
    send(res, status, JSON.stringify(result), 'application/json; charset=utf-8', { 'Cache-Control': 'no-store' });
  const apiError = (res: http.ServerResponse, status: number, code: string, message: string) =>
    sendJson(res, status, { ok: false, error: { code, message } });

  const allowedHosts = () => new Set([`${WEB_HOST}:${port}`, `localhost:${port}`]);
  const allowedOrigins = () => new Set([`http://${WEB_HOST}:${port}`, `http://localhost:${port}`]);

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, channel: string): Promise<void> {
    if (req.method !== 'POST') {
      apiError(res, 405, 'invalid-request', 'Nur POST ist erlaubt.');
      return;
    }
    const given = req.headers[WEB_TOKEN_HEADER.toLowerCase()];
    if (typeof given !== 'string' || !tokensEqual(given, token)) {
      apiError(res, 401, 'forbidden-sender', 'Sitzungsschlüssel fehlt oder ist ungültig. Bitte die Adresse aus der Konsole (npm run web) neu öffnen.');
      return;
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedOrigins().has(origin)) {
      apiError(res, 403, 'forbidden-sender', 'Anfrage von fremder Herkunft abgelehnt.');
      return;
    }
    const contentType = req.headers['content-type'] ?? '';
    if (!/^application\/json\s*(;|$)/i.test(contentType)) {
      apiError(res, 415, 'invalid-request', 'Anfrage muss JSON sein (Content-Type: application/json).');
      return;
    }
    let body: unknown;
    try {
      const raw = await readBody(req, limit);
      body = raw.length === 0 ? undefined : JSON.parse(raw.toString('utf8'));
    } catch (error) {
      if (error instanceof HttpError) {
        apiError(res, error.status, 'invalid-request', error.message);
        // Stop reading a body we refused; the client gets the answer first.
        req.resume();
        return;
      }
      apiError(res, 400, 'invalid-request', 'Ungültige Anfrage: Der Inhalt ist kein gültiges JSON.');
      return;
    }
    const result = await dispatch(channel, body);
    sendJson(res, result.ok ? 200 : (STATUS_BY_CODE[result.error.code] ?? 500), result);
  }

  async function handleStatic(req: http.IncomingMessage, res: http.ServerResponse, pathname: string): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, 'Methode nicht erlaubt.', 'text/plain; charset=utf-8', { Allow: 'GET, HEAD' });
      return;
    }
    const result = await readStaticFile(options.rendererDir, pathname);
    switch (result.kind) {
      case 'file': {
        // index.html must not be cached (it names the hashed bundles); the bundles may be.
        const cache = result.contentType.startsWith('text/html') ? 'no-cache' : 'public, max-age=3600';
        res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': result.contentType, 'Content-Length': String(result.body.byteLength), 'Cache-Control': cache });
        res.end(req.method === 'HEAD' ? undefined : result.body);
        return;
      }
      case 'not-built':
        send(res, 503, NOT_BUILT_PAGE, 'text/html; charset=utf-8', { 'Cache-Control': 'no-store' });
        return;
      case 'rejected':
        send(res, 400, 'Ungültiger Pfad.', 'text/plain; charset=utf-8');
        return;
      case 'not-found':
        send(res, 404, 'Nicht gefunden.', 'text/plain; charset=utf-8');
        return;
    }
  }

  const server = http.createServer((req, res) => {
    const fail = (error: unknown) => {
      options.onInternalError?.('http', error);
      if (!res.headersSent) send(res, 500, 'Interner Fehler.', 'text/plain; charset=utf-8');
      else res.destroy();
    };
    try {
      if (!allowedHosts().has(req.headers.host ?? '')) {
        send(res, 403, 'Zugriff nur über 127.0.0.1 oder localhost erlaubt.', 'text/plain; charset=utf-8');
        return;
      }
      const pathname = (req.url ?? '/').split('?')[0] ?? '/';
      if (pathname.startsWith(WEB_API_PREFIX)) {
        handleApi(req, res, pathname.slice(WEB_API_PREFIX.length)).catch(fail);
      } else {
        handleStatic(req, res, pathname).catch(fail);
      }
    } catch (error) {
      fail(error);
    }
  });
  // Defaults suited to a single local user; keep slow-loris style hangs short.
  server.headersTimeout = 30_000;
  server.requestTimeout = 120_000;

  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(error.code === 'EADDRINUSE' ? new PortInUseError(options.port) : error);
    });
    server.listen({ port: options.port, host: WEB_HOST, exclusive: true }, () => {
      const address = server.address();
      port = typeof address === 'object' && address !== null ? address.port : options.port;
      const running: RunningWebServer = {
        port,
        token,
        url: `http://${WEB_HOST}:${port}/#token=${token}`,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((error) => (error ? fail(error) : done()));
            server.closeAllConnections();
          }),
      };
      resolve(running);
    });
  });
}
