// The application: providers, hash router (works for app:// and the web-mode
// static server alike), layout with routes behind the sign-in (AuthGate),
// first-start dialog, snackbar.
import { HashRouter } from 'react-router';
import { AuthGate } from '../auth/AuthGate';
import { AppProviders } from './AppProviders';
import { FirstStartDialog } from './FirstStartDialog';
import { Layout } from './Layout';
import { NotificationHost } from './NotificationHost';
import { AppRoutes } from './routes';

export function App() {
  return (
    <AppProviders>
      <HashRouter>
        <AuthGate>
          <Layout>
            <AppRoutes />
          </Layout>
        </AuthGate>
        <FirstStartDialog />
        <NotificationHost />
      </HashRouter>
    </AppProviders>
  );
}
