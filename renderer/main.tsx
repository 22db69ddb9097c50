// Renderer entry: i18n first (synchronous, bundled resources), the platform
// API, then the React root with a last-resort error boundary and suspense
// around everything.
import './i18n';
// Before anything renders: takes the web-mode token out of the URL hash, which
// the HashRouter would otherwise read as a route.
import './platform/api';
import { StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { ErrorBoundary } from './app/ErrorBoundary';

const container = document.getElementById('root');
if (!container) throw new Error('Quartier: Element #root fehlt in index.html.');

createRoot(container).render(
  <StrictMode>
    <ErrorBoundary>
      <Suspense fallback={null}>
        <App />
      </Suspense>
    </ErrorBoundary>
  </StrictMode>,
);
