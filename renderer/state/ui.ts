// UI-only state (never domain data – that lives in Dexie): the navigation
// drawer, the first-start decision, a pending heading focus after navigation
// and the queue of short notifications shown in a snackbar.
import { create } from 'zustand';

export type NotificationSeverity = 'success' | 'info' | 'warning' | 'error';

export interface Notification {
  id: number;
  /** Already translated text (call t() before notify()). */
  message: string;
  severity: NotificationSeverity;
}

export type FirstStartState = 'unknown' | 'pending' | 'decided';

interface UiState {
  /** Drawer on narrow screens (on wide screens it is permanent). */
  drawerOpen: boolean;
  /** 'pending' while the welcome dialog is to be shown. */
  firstStart: FirstStartState;
  /** Set by navigation; the next page heading that mounts takes focus and clears it. */
  focusHeadingPending: boolean;
  notifications: Notification[];
  setDrawerOpen: (open: boolean) => void;
  toggleDrawer: () => void;
  setFirstStart: (state: FirstStartState) => void;
  requestHeadingFocus: () => void;
  consumeHeadingFocus: () => boolean;
  pushNotification: (message: string, severity: NotificationSeverity) => number;
  dismissNotification: (id: number) => void;
}

let nextNotificationId = 1;

export const useUiStore = create<UiState>()((set, get) => ({
  drawerOpen: false,
  firstStart: 'unknown',
  focusHeadingPending: false,
  notifications: [],
  setDrawerOpen: (open) => set({ drawerOpen: open }),
  toggleDrawer: () => set((s) => ({ drawerOpen: !s.drawerOpen })),
  setFirstStart: (firstStart) => set({ firstStart }),
  requestHeadingFocus: () => set({ focusHeadingPending: true }),
  consumeHeadingFocus: () => {
    if (!get().focusHeadingPending) return false;
    set({ focusHeadingPending: false });
    return true;
  },
  pushNotification: (message, severity) => {
    const id = nextNotificationId++;
    // A new confirmation replaces older ones that are still waiting or showing:
    // after three quick saves the user wants to see the last one now, not the
    // first one for another 12 seconds. Errors are never dropped.
    set((s) => ({ notifications: [...s.notifications.filter((n) => n.severity === 'error'), { id, message, severity }] }));
    return id;
  },
  dismissNotification: (id) => set((s) => ({ notifications: s.notifications.filter((n) => n.id !== id) })),
}));

/**
 * Shows a short message in the snackbar (one at a time; errors queue, a new
 * confirmation replaces an older one). Pass a
 * translated string: `notify(t('residents:saved'))`, `notify(msg, 'error')`.
 * Usable outside React (e.g. from the sync orchestrator). Returns the id.
 */
export function notify(message: string, severity: NotificationSeverity = 'success'): number {
  return useUiStore.getState().pushNotification(message, severity);
}
