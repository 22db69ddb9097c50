// Translated text for what the auth commands throw.
import type { TFunction } from 'i18next';
import { describeCommandError } from '../features/operations/components/violationText';

export function authErrorText(t: TFunction, e: unknown): string {
  return describeCommandError(t, e).messages.join(' ');
}
