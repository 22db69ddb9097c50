// Catches render errors below it and shows a readable German message with a
// reload button; the technical details (message and stack) are collapsed so
// they can be passed to support without frightening anyone.
import { Component, useState, type ErrorInfo, type ReactNode } from 'react';
import { Alert, AlertTitle, Box, Button, Collapse, Stack, Typography } from '@mui/material';
import RefreshOutlined from '@mui/icons-material/RefreshOutlined';
import ExpandMoreOutlined from '@mui/icons-material/ExpandMoreOutlined';
import { useTranslation } from 'react-i18next';

interface ErrorBoundaryProps {
  children: ReactNode;
  /** When this value changes, a shown error is cleared (e.g. the route path). */
  resetKey?: unknown;
  /** Called instead of location.reload() (tests). */
  onReload?: () => void;
}

interface ErrorBoundaryState {
  error: Error | null;
  resetKey: unknown;
}

export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { error: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<ErrorBoundaryState> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(props: ErrorBoundaryProps, state: ErrorBoundaryState): Partial<ErrorBoundaryState> | null {
    // Navigating elsewhere gives the new page a fresh chance.
    if (props.resetKey !== state.resetKey) return { error: null, resetKey: props.resetKey };
    return null;
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Quartier: Darstellungsfehler', error, info.componentStack);
  }

  override render() {
    if (this.state.error) {
      return <ErrorFallback error={this.state.error} onReload={this.props.onReload ?? (() => window.location.reload())} />;
    }
    return this.props.children;
  }
}

export function ErrorFallback({ error, onReload }: { error: Error; onReload: () => void }) {
  const { t } = useTranslation('common');
  const [showDetails, setShowDetails] = useState(false);
  const details = [error.name && error.message ? `${error.name}: ${error.message}` : error.message || t('error.unknown'), error.stack]
    .filter(Boolean)
    .join('\n\n');
  return (
    <Box sx={{ maxWidth: '75ch', my: 2 }}>
      <Alert severity="error" variant="outlined">
        <AlertTitle component="h2" sx={{ fontSize: '1.15rem', fontWeight: 600 }}>
          {t('error.title')}
        </AlertTitle>
        <Typography sx={{ mb: 2 }}>{t('error.description')}</Typography>
        <Stack direction="row" spacing={1} sx={{ mb: 1 }}>
          <Button variant="contained" startIcon={<RefreshOutlined />} onClick={onReload}>
            {t('error.reload')}
          </Button>
          <Button
            variant="text"
            aria-expanded={showDetails}
            aria-controls="error-details"
            endIcon={<ExpandMoreOutlined sx={{ transform: showDetails ? 'rotate(180deg)' : 'none' }} />}
            onClick={() => setShowDetails((v) => !v)}
          >
            {t('error.details')}
          </Button>
        </Stack>
        <Collapse in={showDetails} unmountOnExit>
          <Box
            component="pre"
            id="error-details"
            sx={{ p: 1.5, bgcolor: 'grey.100', color: 'text.primary', overflow: 'auto', maxHeight: 240, fontSize: '0.8rem', whiteSpace: 'pre-wrap' }}
          >
            {details}
          </Box>
        </Collapse>
      </Alert>
    </Box>
  );
}
