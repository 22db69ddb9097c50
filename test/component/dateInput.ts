// Typing into the shared German DateField (MUI X picker with one spinbutton
// per part) the way a user does: click the day part, type the digits; the
// field moves on to Monat and Jahr by itself.
import { within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';

type Name = string | RegExp;

/** The field as a whole: a group named by its label. */
export function dateGroup(name: Name, container: HTMLElement = document.body): HTMLElement {
  return within(container).getByRole('group', { name });
}

/** Enters an ISO day as the German digits TTMMJJJJ. */
export async function typeDate(user: UserEvent, name: Name, iso: string, container?: HTMLElement): Promise<void> {
  const [y, m, d] = iso.split('-') as [string, string, string];
  await user.click(within(dateGroup(name, container)).getByRole('spinbutton', { name: 'Tag' }));
  await user.keyboard(`${d}${m}${y}`);
}

/** Types raw keys into the day part (for incomplete or wrong input). */
export async function typeIntoDate(user: UserEvent, name: Name, keys: string, container?: HTMLElement): Promise<void> {
  await user.click(within(dateGroup(name, container)).getByRole('spinbutton', { name: 'Tag' }));
  await user.keyboard(keys);
}

/** Empties every part of the field. */
export async function clearDate(user: UserEvent, name: Name, container?: HTMLElement): Promise<void> {
  await user.click(within(dateGroup(name, container)).getByRole('spinbutton', { name: 'Tag' }));
  await user.keyboard('{Control>}a{/Control}{Backspace}');
}

/** The text the field shows, e.g. "15.01.2025" (parts joined as displayed). */
export function shownDate(name: Name, container?: HTMLElement): string {
  return within(dateGroup(name, container))
    .getAllByRole('spinbutton')
    .map((s) => s.textContent ?? '')
    .join('.');
}
