// Shows why a command was refused (errors) or what to keep in mind
// (warnings), each as a translated sentence. role="alert" so screen readers
// announce a refusal as soon as it appears.
import { Alert, AlertTitle } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { Violation } from '../../../../shared/occupancy/violation';
import { violationText } from './violationText';

export interface ViolationAlertProps {
  /** Error messages already translated (refusals, unexpected errors). */
  messages?: readonly string[];
  /** Warnings to show (translated here). */
  warnings?: readonly Violation[];
}

export function ViolationAlert({ messages = [], warnings = [] }: ViolationAlertProps) {
  const { t } = useTranslation('operations');
  return (
    <>
      {messages.length > 0 ? (
        <Alert severity="error" role="alert" sx={{ mt: 2 }} data-testid="operation-error">
          <AlertTitle>{t('dialog.refusedTitle')}</AlertTitle>
          {messages.length === 1 ? (
            messages[0]
          ) : (
            <ul style={{ margin: 0, paddingLeft: '1.2em' }}>
              {messages.map((m, i) => (
                <li key={i}>{m}</li>
              ))}
            </ul>
          )}
        </Alert>
      ) : null}
      {warnings.length > 0 ? (
        <Alert severity="warning" sx={{ mt: 2 }}>
          <AlertTitle>{t('dialog.warningsTitle')}</AlertTitle>
          <ul style={{ margin: 0, paddingLeft: '1.2em' }}>
            {warnings.map((w, i) => (
              <li key={i}>{violationText(t, w)}</li>
            ))}
          </ul>
        </Alert>
      ) : null}
    </>
  );
}
