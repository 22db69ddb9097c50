// Test helper: the real shell (providers + layout) around simple stand-in
// pages, so shell behaviour is tested without the feature pages' data needs.
import { render } from '@testing-library/react';
import { useTranslation } from 'react-i18next';
import { MemoryRouter, Route, Routes } from 'react-router';
import { AppProviders } from '../../../renderer/app/AppProviders';
import { Layout } from '../../../renderer/app/Layout';
import { NAVIGATION, type NavigationItem } from '../../../renderer/app/navigation';
import { Page } from '../../../renderer/components/Page';
import type { ReactNode } from 'react';

function StandInPage({ item }: { item: NavigationItem }) {
  const { t } = useTranslation('common');
  return <Page title={t(item.labelKey)}>{`content:${item.area}`}</Page>;
}

export function renderShell(options: { path?: string; extra?: ReactNode } = {}) {
  return render(
    <AppProviders>
      <MemoryRouter initialEntries={[options.path ?? '/']}>
        <Layout>
          <Routes>
            {NAVIGATION.map((item) => (
              <Route key={item.area} path={item.path === '/' ? '/' : `${item.path}/*`} element={<StandInPage item={item} />} />
            ))}
          </Routes>
        </Layout>
        {options.extra}
      </MemoryRouter>
    </AppProviders>,
  );
}
