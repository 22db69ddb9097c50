// A ShareFs wrapper that injects faults into chosen operations, so tests can
// reproduce what SMB shares and Windows antivirus do to us (failed renames,
// permission errors) with a real temp folder underneath.
import { nodeShareFs, type ShareFs } from '../../../electron/share/fs-port';

export type FaultPlan = Partial<Record<keyof ShareFs, string[]>>;

export function errnoError(code: string, op: string, target: string): NodeJS.ErrnoException {
  const error: NodeJS.ErrnoException = new Error(`${code}: injected fault, ${op} '${target}'`);
  error.code = code;
  return error;
}

/**
 * Each listed operation fails with the given codes in order (one per call),
 * then behaves normally. `always` makes an operation fail with that code forever.
 */
export function faultyFs(plan: FaultPlan, always: Partial<Record<keyof ShareFs, string>> = {}) {
  const calls: Array<{ op: keyof ShareFs; args: string[] }> = [];
  const queue = new Map(Object.entries(plan).map(([op, codes]) => [op, [...codes]]));
  const maybeFail = (op: keyof ShareFs, target: string) => {
    const permanent = always[op];
    if (permanent) throw errnoError(permanent, op, target);
    const code = queue.get(op)?.shift();
    if (code) throw errnoError(code, op, target);
  };
  const fs: ShareFs = {
    stat: async (p) => (calls.push({ op: 'stat', args: [p] }), maybeFail('stat', p), nodeShareFs.stat(p)),
    lstat: async (p) => (calls.push({ op: 'lstat', args: [p] }), maybeFail('lstat', p), nodeShareFs.lstat(p)),
    realpath: async (p) => (calls.push({ op: 'realpath', args: [p] }), maybeFail('realpath', p), nodeShareFs.realpath(p)),
    access: async (p, mode) => (calls.push({ op: 'access', args: [p] }), maybeFail('access', p), nodeShareFs.access(p, mode)),
    readdir: async (p) => (calls.push({ op: 'readdir', args: [p] }), maybeFail('readdir', p), nodeShareFs.readdir(p)),
    readFile: async (p) => (calls.push({ op: 'readFile', args: [p] }), maybeFail('readFile', p), nodeShareFs.readFile(p)),
    open: async (p, flags) => (calls.push({ op: 'open', args: [p, flags] }), maybeFail('open', p), nodeShareFs.open(p, flags)),
    rename: async (a, b) => (calls.push({ op: 'rename', args: [a, b] }), maybeFail('rename', b), nodeShareFs.rename(a, b)),
    unlink: async (p) => (calls.push({ op: 'unlink', args: [p] }), maybeFail('unlink', p), nodeShareFs.unlink(p)),
    mkdir: async (p) => (calls.push({ op: 'mkdir', args: [p] }), maybeFail('mkdir', p), nodeShareFs.mkdir(p)),
  };
  return { fs, calls };
}
