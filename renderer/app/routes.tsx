// The route table. Each area's page is the default export of
// renderer/pages/<area>/index.tsx and is loaded lazily, so areas that are not
// visited do not weigh on the first paint. Accommodations and residents
// define their own sub-routes (list, detail, edit) below their prefix.
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { Route, Routes } from 'react-router';
import type { Area } from './navigation';
import { NotFoundPage } from './NotFoundPage';

const pages: Record<Area, LazyExoticComponent<ComponentType>> = {
  dashboard: lazy(() => import('../pages/dashboard')),
  accommodations: lazy(() => import('../pages/accommodations')),
  residents: lazy(() => import('../pages/residents')),
  occupancy: lazy(() => import('../pages/occupancy')),
  allocations: lazy(() => import('../pages/allocations')),
  reports: lazy(() => import('../pages/reports')),
  letters: lazy(() => import('../pages/letters')),
  import: lazy(() => import('../pages/import')),
  audit: lazy(() => import('../pages/audit')),
  sync: lazy(() => import('../pages/sync')),
  settings: lazy(() => import('../pages/settings')),
};

/** Route patterns; '/*' hands everything below the prefix to the area page. */
export const ROUTE_PATTERNS: Record<Area, string> = {
  dashboard: '/',
  accommodations: '/accommodations/*',
  residents: '/residents/*',
  occupancy: '/occupancy',
  allocations: '/allocations',
  reports: '/reports',
  letters: '/letters',
  import: '/import',
  audit: '/protokoll',
  sync: '/sync',
  settings: '/settings',
};

export function AppRoutes() {
  return (
    <Routes>
      {(Object.keys(ROUTE_PATTERNS) as Area[]).map((area) => {
        const Page = pages[area];
        return <Route key={area} path={ROUTE_PATTERNS[area]} element={<Page />} />;
      })}
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
