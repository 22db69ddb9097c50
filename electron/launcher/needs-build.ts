// Decides whether `npm start` must build first: when an output is missing or
// a source file is newer than the oldest output.
import path from 'node:path';
import { readdirSync, statSync } from 'node:fs';

export const BUILD_OUTPUTS = ['dist/renderer/index.html', 'dist-electron/main.cjs', 'dist-electron/preload.cjs', 'dist-electron/web-server.mjs'];
export const SOURCE_DIRS = ['electron', 'renderer', 'shared'];

function newestMtime(dir: string): number {
  let newest = 0;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const entry of entries) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full));
    else if (entry.isFile()) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

export function needsBuild(projectRoot: string): boolean {
  let oldestOutput = Infinity;
  for (const output of BUILD_OUTPUTS) {
    try {
      oldestOutput = Math.min(oldestOutput, statSync(path.join(projectRoot, output)).mtimeMs);
    } catch {
      return true;
    }
  }
  const newestSource = Math.max(...SOURCE_DIRS.map((dir) => newestMtime(path.join(projectRoot, dir))), statSync(path.join(projectRoot, 'package.json')).mtimeMs);
  return newestSource > oldestOutput;
}
