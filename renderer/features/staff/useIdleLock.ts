import { useEffect } from 'react';
import { closedSince } from '@shared/staff/closing';
import { localNow } from '@shared/time';
import { useCentre } from '../settings/hooks';
import { idleMinutes, shiftSession } from './session';

/** How often the desk looks at the clock (the lock comes at most this late). */
const TICK_MS = 5000;
const ACTIVITY = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;

/**
 * Locks the desk after `idleMinutes()` without a key, a click or a mouse move, and when the centre's closing time
 * passes (opening hours in the settings). Only while the centre has staff (`on`).
 */
export function useIdleLock(on: boolean): void {
  const centre = useCentre();
  const hours = centre?.openingHours;
  useEffect(() => {
    if (!on) return;
    let last = Date.now();
    let checked = localNow();
    const seen = () => {
      last = Date.now();
    };
    for (const type of ACTIVITY) window.addEventListener(type, seen, { capture: true, passive: true });
    const timer = setInterval(() => {
      const now = localNow();
      const { onShift, locked } = shiftSession.get();
      if (onShift && !locked) {
        if (closedSince(hours, checked, now)) shiftSession.lock('closing');
        else if (Date.now() - last >= idleMinutes() * 60_000) shiftSession.lock('idle');
      }
      if (locked) last = Date.now();
      checked = now;
    }, TICK_MS);
    return () => {
      clearInterval(timer);
      for (const type of ACTIVITY) window.removeEventListener(type, seen, { capture: true });
    };
  }, [on, hours]);
}
