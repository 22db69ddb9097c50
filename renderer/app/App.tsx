// The application: providers, hash router (works for app:// and the web-mode
// static server alike), layout with routes, first-start dialog, snackbar.
import { HashRouter } from 'react-router';
import { AppProviders } from './AppProviders';
import { FirstStartDialog } from './FirstStartDialog';
import { Layout } from './Layout';
import { NotificationHost } from './NotificationHost';
import { AppRoutes } from './routes';

export function App() {
  return (
    <AppProviders>
      <HashRouter>
        <Layout>
          <AppRoutes />
        </Layout>
        <FirstStartDialog />
        <NotificationHost />
      </HashRouter>
    </AppProviders>
  );
}
