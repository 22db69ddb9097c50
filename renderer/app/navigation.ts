// The main navigation: one entry per area, in the order of the drawer.
// Labels are i18n keys in the common namespace (nav.<area>).
import type { SvgIconComponent } from '@mui/icons-material';
import type { Permission } from '../../shared/auth/permissions';
import DashboardOutlined from '@mui/icons-material/DashboardOutlined';
import ApartmentOutlined from '@mui/icons-material/ApartmentOutlined';
import PeopleAltOutlined from '@mui/icons-material/PeopleAltOutlined';
import BedOutlined from '@mui/icons-material/BedOutlined';
import AssignmentTurnedInOutlined from '@mui/icons-material/AssignmentTurnedInOutlined';
import AssessmentOutlined from '@mui/icons-material/AssessmentOutlined';
import MailOutlined from '@mui/icons-material/MailOutlined';
import UploadFileOutlined from '@mui/icons-material/UploadFileOutlined';
import ManageSearchOutlined from '@mui/icons-material/ManageSearchOutlined';
import SyncOutlined from '@mui/icons-material/SyncOutlined';
import SettingsOutlined from '@mui/icons-material/SettingsOutlined';

export const AREAS = [
  'dashboard',
  'accommodations',
  'residents',
  'occupancy',
  'allocations',
  'reports',
  'letters',
  'import',
  'audit',
  'sync',
  'settings',
] as const;
export type Area = (typeof AREAS)[number];

export interface NavigationItem {
  area: Area;
  path: string;
  /** Key in the common namespace. */
  labelKey: `nav.${Area}`;
  Icon: SvgIconComponent;
  /** Shown only to users with this permission (shared/auth); absent = everyone. */
  permission?: Permission;
}

export const NAVIGATION: readonly NavigationItem[] = [
  { area: 'dashboard', path: '/', labelKey: 'nav.dashboard', Icon: DashboardOutlined },
  { area: 'accommodations', path: '/accommodations', labelKey: 'nav.accommodations', Icon: ApartmentOutlined },
  { area: 'residents', path: '/residents', labelKey: 'nav.residents', Icon: PeopleAltOutlined },
  { area: 'occupancy', path: '/occupancy', labelKey: 'nav.occupancy', Icon: BedOutlined },
  { area: 'allocations', path: '/allocations', labelKey: 'nav.allocations', Icon: AssignmentTurnedInOutlined },
  { area: 'reports', path: '/reports', labelKey: 'nav.reports', Icon: AssessmentOutlined },
  { area: 'letters', path: '/letters', labelKey: 'nav.letters', Icon: MailOutlined },
  { area: 'import', path: '/import', labelKey: 'nav.import', Icon: UploadFileOutlined },
  { area: 'audit', path: '/protokoll', labelKey: 'nav.audit', Icon: ManageSearchOutlined, permission: 'audit:read' },
  { area: 'sync', path: '/sync', labelKey: 'nav.sync', Icon: SyncOutlined },
  { area: 'settings', path: '/settings', labelKey: 'nav.settings', Icon: SettingsOutlined },
];

/** True when `pathname` belongs to the area at `path` (the dashboard only matches '/'). */
export function isActivePath(path: string, pathname: string): boolean {
  if (path === '/') return pathname === '/' || pathname === '';
  return pathname === path || pathname.startsWith(`${path}/`);
}
