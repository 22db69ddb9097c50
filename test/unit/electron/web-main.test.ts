// Runs the real web-mode entry (electron/web/main.ts) as a child process.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import os from 'node:os';
import { mkdtemp, rm, stat } from 'node:fs/promises';

const ENTRY = path.resolve(__dirname, '../../../electron/web/main.ts');
const LINE = /^Quartier \(Web-Modus\): http:\/\/127\.0\.0\.1:(\d+)\/#token=([0-9a-f]{64})$/;

function run(env: Record<string, string>): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, ['--import', 'tsx', ENTRY], { env: { ...process.env, ...env }, cwd: path.resolve(__dirname, '../../..') });
}

function firstLine(child: ChildProcessWithoutNullStreams): Promise<{ stdout: string; stderr: string; code: number | null }> {
  return new Promise((resolve) => {
    let stdout = '';
    let stderr = '';
    const finish = (code: number | null) => resolve({ stdout, stderr, code });
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString();
      if (stdout.includes('\n')) finish(null);
    });
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('exit', (code) => finish(code));
  });
}

function post(port: number, channel: string, token: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method: 'POST', path: `/api/${channel}`, headers: { 'Content-Type': 'application/json', 'X-Quartier-Token': token } },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end('{}');
  });
}

describe('web-mode entry', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'quartier-webmain-'));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('prints exactly one line with port and token, serves the API, creates the default share', async () => {
    const child = run({ QUARTIER_PORT: '0', QUARTIER_DATA_DIR: dataDir });
    try {
      const { stdout } = await firstLine(child);
      const lines = stdout.trimEnd().split('\n');
      expect(lines).toHaveLength(1);
      const match = LINE.exec(lines[0]!);
      expect(match).not.toBeNull();
      const [, port, token] = match!;
      const reply = await post(Number(port), 'share:get-status', token!);
      expect(reply.status).toBe(200);
      expect(JSON.parse(reply.body)).toMatchObject({ ok: true, value: { state: 'online', root: path.join(dataDir, 'Austauschordner') } });
      expect((await stat(path.join(dataDir, 'settings.json'))).isFile()).toBe(true);
    } finally {
      child.kill('SIGTERM');
    }
  }, 30_000);

  it('exits non-zero with one clear line when the port is busy', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const child = run({ QUARTIER_PORT: String(port), QUARTIER_DATA_DIR: dataDir });
      const result = await new Promise<{ code: number | null; stderr: string; stdout: string }>((resolve) => {
        let stderr = '';
        let stdout = '';
        child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
        child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
        child.on('exit', (code) => resolve({ code, stderr, stdout }));
      });
      expect(result.code).not.toBe(0);
      expect(result.stdout).toBe('');
      expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(result.stderr).toContain(`Port ${port} ist bereits belegt`);
      expect(result.stderr).toContain('already in use');
    } finally {
      blocker.close();
    }
  }, 30_000);

  it('refuses an invalid QUARTIER_PORT in one line', async () => {
    const child = run({ QUARTIER_PORT: 'abc', QUARTIER_DATA_DIR: dataDir });
    const result = await firstLine(child);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/QUARTIER_PORT „abc“ ist keine gültige Portnummer/);
  }, 30_000);
});
