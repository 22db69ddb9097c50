// Child process for the SIGKILL crash test: ships log files for one device
// through the real folder code (electron/share/folder.ts: temp name, fsync,
// rename) and the real file encryption, in a tight loop, until it is killed.
// Its "local database" is a small state file (last shipped seq), updated
// only AFTER a write returned, like the outbox's shipped flag; on start it
// re-ships from there, so a kill between write and mark duplicates a range
// (readers must de-duplicate) but never loses one.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { ShareFolder } from '../../../electron/share/folder';
import { defaultCrypto, encryptFile, unlockKeyring } from '../../../shared/sync/cipher';
import { FORMAT_FILE, logFileName, parseFormatFile, type LogPayload } from '../../../shared/sync/format';
import type { Change } from '../../../shared/sync/change';
import { bytesToJson, jsonToBytes } from '../../../shared/sync/text';

export function changeFor(deviceId: string, seq: number): Change {
  return {
    changeId: `${deviceId}:${seq}`,
    deviceId,
    seq,
    hlc: `${String(1_700_000_000_000 + seq).padStart(15, '0')}-00000-${deviceId}`,
    at: '2026-01-01T00:00:00.000Z',
    user: 'crash',
    operation: 'municipality.create',
    ops: [
      {
        kind: 'upsert',
        table: 'municipalities',
        id: `${deviceId}-${seq}`,
        created: true,
        fields: { id: `${deviceId}-${seq}`, name: `M${seq}`, ags: '08417000', population: seq, populationDate: '2025-06-30', populationApproximate: true, createdAt: 'x', updatedAt: 'x' },
      },
    ],
  };
}

async function main(): Promise<void> {
  const [root, stateFile, deviceId, passphrase, seedText] = process.argv.slice(2) as [string, string, string, string, string];
  let rng = Number(seedText) >>> 0 || 1;
  const rand = () => {
    rng = (Math.imul(rng, 1664525) + 1013904223) >>> 0;
    return rng / 2 ** 32;
  };
  const c = defaultCrypto();
  const folder = new ShareFolder(() => root);
  const format = parseFormatFile(bytesToJson(await folder.read(FORMAT_FILE)));
  const key = await unlockKeyring(c, passphrase, format.kdf, format.wrappedKey);
  let shipped: number;
  try {
    shipped = (JSON.parse(readFileSync(stateFile, 'utf8')) as { shipped: number }).shipped;
  } catch {
    shipped = 0;
  }
  process.stdout.write(`start ${shipped}\n`);
  for (;;) {
    const first = shipped + 1;
    const last = first + Math.floor(rand() * 5);
    const changes: Change[] = [];
    for (let s = first; s <= last; s++) changes.push(changeFor(deviceId, s));
    const payload: LogPayload = { v: 1, deviceId, first, last, changes };
    const name = logFileName(deviceId, first, last, Math.floor(rand() * 0xffffffff).toString(16).padStart(8, '0'));
    await folder.write(name, await encryptFile(c, key, name, jsonToBytes(payload)));
    process.stdout.write(`ok ${last}\n`);
    writeFileSync(`${stateFile}.tmp`, JSON.stringify({ shipped: last }));
    renameSync(`${stateFile}.tmp`, stateFile);
    shipped = last;
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
