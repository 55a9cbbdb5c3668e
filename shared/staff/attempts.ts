/**
 * Wrong PINs are rate-limited per volunteer (kept per desk): a few free tries, then a lock that doubles with every
 * further wrong PIN up to a ceiling; the right PIN clears it. While locked the PIN is not even checked (no hashing,
 * so hammering the form costs the desk nothing and tells nothing). A clock set back cannot lengthen a lock beyond
 * the ceiling. Pure: the caller keeps the state and passes the time in.
 */
import { verifyPin, type PinHash } from './pin';

export interface PinAttempts {
  /** Wrong PINs in a row. */
  failures: number;
  /** Epoch milliseconds until which no PIN is checked; null when not locked. */
  lockedUntil: number | null;
}

export const NO_ATTEMPTS: PinAttempts = { failures: 0, lockedUntil: null };
/** Wrong PINs allowed before the first lock. */
export const FREE_TRIES = 5;
export const FIRST_LOCK_MS = 30 * 1000;
export const MAX_LOCK_MS = 15 * 60 * 1000;

export type PinGate = { ok: true } | { ok: false; code: 'pin.locked'; waitMs: number };

/** May a PIN be tried now? */
export function pinGate(attempts: PinAttempts, nowMs: number): PinGate {
  if (attempts.lockedUntil === null || attempts.lockedUntil <= nowMs) return { ok: true };
  return { ok: false, code: 'pin.locked', waitMs: Math.min(attempts.lockedUntil - nowMs, MAX_LOCK_MS) };
}

/** The state after a wrong PIN. */
export function afterWrongPin(attempts: PinAttempts, nowMs: number): PinAttempts {
  const failures = attempts.failures + 1;
  if (failures < FREE_TRIES) return { failures, lockedUntil: null };
  const lockMs = Math.min(FIRST_LOCK_MS * 2 ** Math.min(failures - FREE_TRIES, 20), MAX_LOCK_MS);
  return { failures, lockedUntil: nowMs + lockMs };
}

export type PinCheck =
  | { ok: true; attempts: PinAttempts }
  | { ok: false; code: 'pin.wrong'; attempts: PinAttempts }
  | { ok: false; code: 'pin.locked'; waitMs: number; attempts: PinAttempts };

/** One try: the gate, then the PIN, then the new state to keep. */
export function checkPin(pin: string, stored: PinHash, attempts: PinAttempts, nowMs: number): Promise<PinCheck> {
  return checkGated(attempts, nowMs, () => verifyPin(pin, stored));
}

/** The same gate around any secret's check (a coordinator's recovery code: shared/staff/recovery.ts). */
export async function checkGated(attempts: PinAttempts, nowMs: number, verify: () => Promise<boolean>): Promise<PinCheck> {
  const gate = pinGate(attempts, nowMs);
  if (!gate.ok) return { ...gate, attempts };
  if (await verify()) return { ok: true, attempts: NO_ATTEMPTS };
  return { ok: false, code: 'pin.wrong', attempts: afterWrongPin(attempts, nowMs) };
}
