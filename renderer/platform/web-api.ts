// The QuartierApi for web mode, derived generically from the IPC contract:
// each method POSTs its request to /api/<channel> with the session token,
// checks the response against the channel's schema and throws an Error with
// the German message on failure - the same behaviour as the Electron preload.
// Save-as and print are done in the browser (see browser-files.ts).
import {
  channels,
  methodName,
  WEB_API_PREFIX,
  WEB_TOKEN_HEADER,
  ipcError,
  type ChannelName,
  type QuartierApi,
} from '../../shared/ipc/contract';
import { downloadFile, printPdfInFrame } from './browser-files';

export interface WebApiDeps {
  fetch: typeof fetch;
  /** Read on every call, so a token captured later is picked up. */
  getToken: () => string | null;
  document: Document;
}

const NO_TOKEN =
  'Kein Sitzungsschlüssel für den Web-Modus gefunden. Bitte die Adresse öffnen, die „npm run web“ in der Konsole ausgibt.';

async function call(deps: WebApiDeps, channel: ChannelName, request: unknown): Promise<unknown> {
  const token = deps.getToken();
  if (token === null) throw new Error(NO_TOKEN);
  let response: Response;
  try {
    response = await deps.fetch(`${WEB_API_PREFIX}${channel}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [WEB_TOKEN_HEADER]: token },
      body: JSON.stringify(request),
      cache: 'no-store',
      credentials: 'omit',
    });
  } catch {
    throw new Error('Keine Verbindung zum Quartier-Dienst. Läuft „npm run web“ noch?');
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw new Error(`Unerwartete Antwort vom Quartier-Dienst (HTTP ${response.status}).`);
  }
  if (typeof body === 'object' && body !== null && 'ok' in body) {
    if (body.ok === true && 'value' in body) {
      const checked = channels[channel].response.safeParse(body.value);
      if (checked.success) return checked.data;
      throw new Error(`Die Antwort auf „${channel}“ entspricht nicht dem Vertrag.`);
    }
    if (body.ok === false && 'error' in body) {
      const error = ipcError.safeParse(body.error);
      if (error.success) throw new Error(error.data.message);
    }
  }
  throw new Error(`Unerwartete Antwort vom Quartier-Dienst (HTTP ${response.status}).`);
}

export function createWebApi(deps: WebApiDeps): QuartierApi {
  const methods: Record<string, (request: unknown) => Promise<unknown>> = {};
  for (const channel of Object.keys(channels) as ChannelName[]) {
    methods[methodName(channel)] = (request) => call(deps, channel, request);
  }
  // Built generically from `channels`, so every method of QuartierApi is present.
  const generic = methods as unknown as QuartierApi;
  return {
    ...generic,
    filesSaveAs: ({ suggestedName, mimeType, data }) => {
      downloadFile(deps.document, suggestedName, mimeType, data);
      return Promise.resolve({ saved: true, location: 'download' });
    },
    filesPrintPdf: async ({ data }) => ({ printed: await printPdfInFrame(deps.document, data) }),
  };
}
