import { beforeEach, describe, expect, it } from 'vitest';
import { notify, useUiStore } from '../../../renderer/state/ui';

describe('notify()', () => {
  beforeEach(() => useUiStore.setState({ notifications: [] }));

  it('lets a new confirmation replace older ones so the latest shows at once', () => {
    notify('Einzug gespeichert.');
    notify('Verlegung gespeichert.');
    notify('Auszug gespeichert.', 'info');
    expect(useUiStore.getState().notifications.map((n) => n.message)).toEqual(['Auszug gespeichert.']);
  });

  it('never drops an error: errors stay queued in front of newer confirmations', () => {
    notify('Speichern fehlgeschlagen.', 'error');
    notify('Einzug gespeichert.');
    notify('Verlegung gespeichert.');
    expect(useUiStore.getState().notifications.map((n) => [n.severity, n.message])).toEqual([
      ['error', 'Speichern fehlgeschlagen.'],
      ['success', 'Verlegung gespeichert.'],
    ]);
  });
});
