import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasPermission, knownOperations, OPERATION_PERMISSIONS, PERMISSION_LABEL_KEY, PERMISSIONS, permissionForOperation, ROLE_PERMISSIONS } from '../../../shared/auth/permissions';
import { ROLES } from '../../../shared/domain/model';
import de from '../../../renderer/i18n/locales/de/auth.json';
import en from '../../../renderer/i18n/locales/en/auth.json';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(name) ? [p] : [];
  });
}

/** Every quoted 'area.verb' literal that is used as an operation name in the renderer and shared code. */
function operationLiterals(): Set<string> {
  const names = new Set<string>();
  for (const file of [...sourceFiles('renderer'), ...sourceFiles('shared')]) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/runOperation\(\s*[\w.]+,\s*[\w.]+,\s*'([^']+)'/g)) names.add(m[1]!);
    for (const m of text.matchAll(/planResult\(\s*'([^']+)'/g)) names.add(m[1]!);
    for (const m of text.matchAll(/operation = (?:existing \? )?'([^']+)'(?: : '([^']+)')?/g)) {
      names.add(m[1]!);
      if (m[2]) names.add(m[2]);
    }
  }
  return names;
}

describe('permissionForOperation', () => {
  it('maps every operation name used in the code to exactly one permission (or none for sign-in records)', () => {
    const found = operationLiterals();
    expect(found.size).toBeGreaterThan(15);
    for (const op of found) expect(permissionForOperation(op).kind, op).not.toBe('unknown');
  });

  it('refuses unknown names, including prototype keys', () => {
    for (const op of ['x', 'stay.teleport', 'toString', '__proto__', 'constructor', '']) expect(permissionForOperation(op)).toEqual({ kind: 'unknown', operation: op });
  });

  it('needs no permission only for recording sign-ins and refused accesses', () => {
    expect(knownOperations().filter((op) => permissionForOperation(op).kind === 'none').sort()).toEqual(['access.denied', 'access.signIn', 'access.signInFailed']);
  });

  it('undo takes the permission of the undone operation and is unknown on its own', () => {
    expect(permissionForOperation('undo', 'stay.checkIn')).toEqual({ kind: 'permission', permission: 'stays:write' });
    expect(permissionForOperation('undo')).toMatchObject({ kind: 'unknown' });
    expect(permissionForOperation('undo', 'undo')).toMatchObject({ kind: 'unknown' });
    expect(permissionForOperation('undo', 'nonsense')).toMatchObject({ kind: 'unknown' });
  });

  it('every table entry is a real permission', () => {
    for (const p of Object.values(OPERATION_PERMISSIONS)) if (p !== null) expect(PERMISSIONS).toContain(p);
  });
});

describe('roles', () => {
  it('Administration has every permission; users, settings, templates and retention are Administration only', () => {
    for (const p of PERMISSIONS) expect(hasPermission('admin', p)).toBe(true);
    for (const p of ['users:manage', 'settings:manage', 'templates:manage', 'retention:run', 'audit:read', 'auskunft:export'] as const) {
      expect(ROLES.filter((r) => hasPermission(r, p))).toEqual(['admin']);
    }
  });

  it('Außendienst records stays and bed blocks, but no letters, exports or vulnerability details', () => {
    expect(ROLE_PERMISSIONS.field).toEqual(expect.arrayContaining(['stays:write', 'bedBlocks:write']));
    for (const p of ['letters:issue', 'export:lists', 'vulnerability:read', 'persons:write', 'accommodations:write'] as const) expect(hasPermission('field', p)).toBe(false);
  });

  it('Sachbearbeitung issues letters and reads reports; Lesezugriff writes nothing', () => {
    expect(hasPermission('caseworker', 'letters:issue')).toBe(true);
    expect(hasPermission('caseworker', 'stays:write')).toBe(false);
    const writes = Object.values(OPERATION_PERMISSIONS).filter((p): p is NonNullable<typeof p> => p !== null);
    for (const p of writes) expect(hasPermission('readonly', p), p).toBe(false);
  });

  it('has a German and an English label for every permission and role', () => {
    for (const p of PERMISSIONS) {
      const key = PERMISSION_LABEL_KEY[p].replace('permission.', '') as keyof typeof de.permission;
      expect(de.permission[key], p).toBeTruthy();
      expect(en.permission[key], p).toBeTruthy();
    }
    for (const r of ROLES) expect(de.role[r]).toBeTruthy();
  });
});
