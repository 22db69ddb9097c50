import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import '../../../renderer/i18n';
import type { QuartierDb } from '../../../renderer/db/db';
import { MunicipalityDialog } from '../../../renderer/features/allocations/components/MunicipalityDialog';
import { municipalities, seededDb, TODAY, ctx } from '../../integration/allocations/fixture';
import { getDeviceId, setUserDisplayName } from '../../../renderer/db/settings';
import { signInAs, signOutForTest } from '../../support/session';

// Saving needs a signed-in user; these tests act as Administration.
beforeEach(() => {
  signInAs('admin');
});
afterEach(() => {
  signOutForTest();
});

let db: QuartierDb;
beforeEach(async () => {
  db = await seededDb();
  await getDeviceId(db);
  await setUserDisplayName(db, ctx.user);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const balingen = municipalities[0]!;

describe('MunicipalityDialog', () => {
  it('refuses a 7-digit AGS, a negative population and a taken AGS with German messages, writing nothing', async () => {
    const user = userEvent.setup();
    let closed = 0;
    render(<MunicipalityDialog db={db} municipality={balingen} others={municipalities} today={TODAY} onClose={() => closed++} />);
    const ags = screen.getByLabelText(/Amtlicher Gemeindeschlüssel/);
    await user.clear(ags);
    await user.type(ags, '8417008');
    const population = screen.getByRole('textbox', { name: /^Einwohnerzahl/ });
    await user.clear(population);
    await user.type(population, '-5');
    await user.click(screen.getByRole('button', { name: 'Speichern' }));
    expect(await screen.findByText('Der Gemeindeschlüssel (AGS) hat genau 8 Ziffern, z. B. 08417008.')).toBeInTheDocument();
    expect(screen.getByText('Die Einwohnerzahl ist eine ganze Zahl ab 0.')).toBeInTheDocument();

    await user.clear(ags);
    await user.type(ags, '08417002'); // Albstadt's key
    await user.clear(population);
    await user.type(population, '35000');
    await user.click(screen.getByRole('button', { name: 'Speichern' }));
    expect(await screen.findByText('Der Gemeindeschlüssel 08417002 ist schon vergeben.')).toBeInTheDocument();
    expect(closed).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.municipalities.get('m-bal')).toEqual(balingen);
  });

  it('saves a valid change: population, approximate flag off, area with a decimal comma', async () => {
    const user = userEvent.setup();
    let closed = 0;
    render(<MunicipalityDialog db={db} municipality={balingen} others={municipalities} today={TODAY} onClose={() => closed++} />);
    const population = screen.getByRole('textbox', { name: /^Einwohnerzahl/ });
    await user.clear(population);
    await user.type(population, '34812');
    await user.click(screen.getByRole('checkbox', { name: 'Einwohnerzahl ist ein Näherungswert' }));
    await user.type(screen.getByLabelText('Fläche (km²)'), '89,4');
    await user.click(screen.getByRole('button', { name: 'Speichern' }));
    await waitFor(() => expect(closed).toBe(1));
    expect(await db.municipalities.get('m-bal')).toMatchObject({ population: 34_812, populationApproximate: false, areaKm2: 89.4, ags: '08417008' });
    expect(await db.outbox.count()).toBe(1);
  });
});
