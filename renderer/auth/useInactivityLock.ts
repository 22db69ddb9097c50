// Locks the session after the configured minutes without input (keyboard,
// pointer, wheel, touch). Input events only reset a timestamp; one interval
// compares it, so typing does not churn timers.
import { useEffect } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb, type QuartierDb } from '../db/db';
import { DEFAULT_LOCK_MINUTES, getLockMinutes } from './lockSetting';
import { useSession } from './session';

const EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;

export function useInactivityLock(db: QuartierDb = getDb(), now: () => number = Date.now): void {
  const minutes = useLiveQuery(() => getLockMinutes(db), [db]) ?? DEFAULT_LOCK_MINUTES;
  const active = useSession((s) => s.user !== null && !s.locked);

  useEffect(() => {
    if (!active) return;
    let last = now();
    const touch = () => {
      last = now();
    };
    for (const e of EVENTS) window.addEventListener(e, touch, { passive: true, capture: true });
    const timer = window.setInterval(() => {
      if (now() - last >= minutes * 60_000) useSession.getState().lock();
    }, 5_000);
    return () => {
      for (const e of EVENTS) window.removeEventListener(e, touch, { capture: true });
      window.clearInterval(timer);
    };
  }, [active, minutes, now]);
}
