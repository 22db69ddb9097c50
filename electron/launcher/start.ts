// `npm start`: builds when needed, then starts the desktop app - or, where no
// Electron binary is installed (as on machines without internet access to
// download it), says so in one line and starts the web mode instead, so the
// user always gets a working app and never a stack trace.
import path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { locateElectronBinary } from './locate-electron';
import { needsBuild } from './needs-build';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

function electronPackageDir(): string | null {
  try {
    // Resolving package.json does not run electron/index.js (which would try to download).
    return path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return null;
  }
}

function build(): void {
  console.info('Quartier: Anwendung wird gebaut …');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['run', 'build'], { cwd: projectRoot, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) {
    console.error('Quartier: Der Build ist fehlgeschlagen (siehe Ausgabe oben). / Build failed.');
    process.exit(result.status ?? 1);
  }
}

/** Runs a child with our stdio, forwards Ctrl+C/termination, exits with its code. */
function runForeground(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): void {
  const child = spawn(command, args, { cwd: projectRoot, stdio: 'inherit', env });
  const forward = (signal: NodeJS.Signals) => () => child.kill(signal);
  process.on('SIGINT', forward('SIGINT'));
  process.on('SIGTERM', forward('SIGTERM'));
  child.on('error', (error) => {
    console.error(`Quartier konnte nicht gestartet werden: ${error.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
}

function main(): void {
  if (needsBuild(projectRoot)) build();
  const binary = locateElectronBinary(electronPackageDir(), process.env);
  if (binary) {
    // ELECTRON_RUN_AS_NODE in the environment would turn the app into plain Node.
    const env = { ...process.env };
    delete env.ELECTRON_RUN_AS_NODE;
    runForeground(binary, [projectRoot], env);
    return;
  }
  console.info('Electron ist auf diesem Rechner nicht verfügbar (Binary fehlt) – starte den Web-Modus: npm run web');
  runForeground(process.execPath, [path.join(projectRoot, 'dist-electron', 'web-server.mjs')]);
}

main();
