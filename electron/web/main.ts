// Entry of dist-electron/web-server.mjs (`npm run web`). Reads the
// environment, starts the server with the same handlers as Electron and
// prints exactly one line with the URL (tests and users parse it):
//   Quartier (Web-Modus): http://127.0.0.1:<port>/#token=<token>
//
// Environment:
//   QUARTIER_PORT        port on 127.0.0.1 (default 4780; fixed so the browser
//                        origin - and with it the IndexedDB data - stays the
//                        same between runs; 0 = any free port)
//   QUARTIER_DATA_DIR    app settings folder (default: OS app-data dir/Quartier)
//   QUARTIER_SHARE_DIR   shared folder for this run (overrides the setting)
//   QUARTIER_RENDERER_DIR  built UI (default: ../dist/renderer next to this file)
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { version } from '../../package.json';
import { createMainServices } from '../handlers/create-handlers';
import { unsupportedDialogs } from '../handlers/dialog-port';
import { defaultDataDir } from '../settings/data-dir';
import { DEFAULT_WEB_PORT, PortInUseError, startWebServer, startupLine } from './server';

function parsePort(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === '') return DEFAULT_WEB_PORT;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`QUARTIER_PORT „${raw}“ ist keine gültige Portnummer (0–65535). / Invalid QUARTIER_PORT.`);
  }
  return port;
}

async function main(): Promise<void> {
  const env = process.env;
  const port = parsePort(env.QUARTIER_PORT);
  const dataDir = path.resolve(env.QUARTIER_DATA_DIR || defaultDataDir(env, process.platform, os.homedir()));
  const rendererDir = path.resolve(env.QUARTIER_RENDERER_DIR || fileURLToPath(new URL('../dist/renderer/', import.meta.url)));
  const { handlers } = await createMainServices({
    mode: 'web',
    version,
    dataDir,
    dialogs: unsupportedDialogs,
    shareRootOverride: env.QUARTIER_SHARE_DIR || undefined,
  });
  const server = await startWebServer({
    port,
    rendererDir,
    handlers,
    onInternalError: (channel, error) => console.error(`Quartier: interner Fehler bei ${channel}:`, error),
  });
  process.stdout.write(`${startupLine(server)}\n`);

  const stop = () => {
    // Do not let a hanging keep-alive connection keep us alive.
    setTimeout(() => process.exit(0), 2000).unref();
    server.close().then(
      () => process.exit(0),
      () => process.exit(0),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  // One clear line, no stack trace: these are configuration problems the user can fix.
  const message = error instanceof PortInUseError || error instanceof Error ? error.message : String(error);
  console.error(`Quartier (Web-Modus) konnte nicht starten: ${message}`);
  process.exit(1);
});
