/**
 * Who is on shift at this desk, whether the desk is locked, and a coordinator's one-time approval. Kept in memory
 * only (a reload asks for the PIN again); set by the staff commands after a PIN was checked, read by the commands'
 * role check (./commands.ts) and the lock screen. Wrong-PIN counts are kept per desk in localStorage, so that a
 * reload does not reset the rate limit (shared/staff/attempts.ts).
 */
import { NO_ATTEMPTS, type PinAttempts } from '@shared/staff/attempts';
import type { CoordinatorAction, OnShift } from '@shared/staff/roles';
import { currentProfile } from '../../app/db';

export type LockReason = 'start' | 'idle' | 'closing' | 'manual';

export interface Session {
  onShift: OnShift | null;
  /** Locked: the lock screen covers the app (which stays as it was underneath). */
  locked: boolean;
  reason: LockReason;
}

let session: Session = { onShift: null, locked: true, reason: 'start' };
const listeners = new Set<() => void>();

function set(next: Session): void {
  session = next;
  for (const fn of listeners) fn();
}

export const shiftSession = {
  get: (): Session => session,
  subscribe(fn: () => void): () => void {
    listeners.add(fn);
    return () => listeners.delete(fn);
  },
  /** Only the staff commands call it, after the PIN was checked. */
  begin(onShift: OnShift): void {
    set({ onShift, locked: false, reason: 'start' });
  },
  lock(reason: LockReason): void {
    if (!session.locked) set({ ...session, locked: true, reason });
  },
  /** The shift ends: nobody is on shift until the next PIN. */
  end(): void {
    set({ onShift: null, locked: true, reason: 'start' });
  },
};

/** A coordinator's PIN for the named actions: the next role check of one of them takes it (and checks it). */
let approval: { actions: readonly CoordinatorAction[]; staffId: string; pin: string } | null = null;

export function offerApproval(actions: readonly CoordinatorAction[], staffId: string, pin: string): void {
  approval = { actions, staffId, pin };
}
export function withdrawApproval(): void {
  approval = null;
}
/** Takes the approval offered for these actions (once). */
export function takeApproval(actions: readonly CoordinatorAction[]): { staffId: string; pin: string } | null {
  const a = approval;
  approval = null;
  return a && actions.every((x) => a.actions.includes(x)) ? a : null;
}

const attemptsKey = () => `sosedi.staff.${currentProfile()}.attempts`;

export function loadAttempts(key: string): PinAttempts {
  try {
    const all = JSON.parse(localStorage.getItem(attemptsKey()) ?? '{}') as Record<string, PinAttempts>;
    return all[key] ?? NO_ATTEMPTS;
  } catch {
    return NO_ATTEMPTS;
  }
}

export function saveAttempts(key: string, attempts: PinAttempts): void {
  let all: Record<string, PinAttempts> = {};
  try {
    all = JSON.parse(localStorage.getItem(attemptsKey()) ?? '{}') as Record<string, PinAttempts>;
  } catch {
    /* a damaged record starts again */
  }
  if (attempts.failures === 0) delete all[key];
  else all[key] = attempts;
  localStorage.setItem(attemptsKey(), JSON.stringify(all));
}

const idleKey = () => `sosedi.staff.${currentProfile()}.idleMinutes`;
export const DEFAULT_IDLE_MINUTES = 10;
export const IDLE_CHOICES = [2, 5, 10, 15, 30, 60] as const;

/** Minutes without a key or a click after which this desk locks (per desk: the counter and the office differ). */
export function idleMinutes(): number {
  const n = Number(localStorage.getItem(idleKey()));
  return (IDLE_CHOICES as readonly number[]).includes(n) ? n : DEFAULT_IDLE_MINUTES;
}
export function storeIdleMinutes(minutes: number): void {
  localStorage.setItem(idleKey(), String(minutes));
}
