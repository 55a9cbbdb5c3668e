import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { afterWrongPin, checkPin, FIRST_LOCK_MS, FREE_TRIES, MAX_LOCK_MS, NO_ATTEMPTS, pinGate, type PinAttempts } from './attempts';
import { hashPin } from './pin';

const T0 = Date.parse('2026-12-05T09:00:00Z');

describe('wrong PINs are rate-limited', () => {
  it('allows a few free tries, then locks for 30 s, doubling up to 15 min', () => {
    let a: PinAttempts = NO_ATTEMPTS;
    for (let i = 1; i < FREE_TRIES; i++) {
      a = afterWrongPin(a, T0);
      expect(pinGate(a, T0)).toEqual({ ok: true });
    }
    const locks: number[] = [];
    for (let i = 0; i < 8; i++) {
      a = afterWrongPin(a, T0);
      locks.push(a.lockedUntil! - T0);
    }
    expect(locks).toEqual([FIRST_LOCK_MS, 60_000, 120_000, 240_000, 480_000, MAX_LOCK_MS, MAX_LOCK_MS, MAX_LOCK_MS]);
    expect(pinGate(a, T0 + 1000)).toEqual({ ok: false, code: 'pin.locked', waitMs: MAX_LOCK_MS - 1000 });
    expect(pinGate(a, T0 + MAX_LOCK_MS)).toEqual({ ok: true });
  });

  it('a clock set back cannot make a lock longer than the ceiling', () => {
    const locked = { failures: FREE_TRIES, lockedUntil: T0 + FIRST_LOCK_MS };
    expect(pinGate(locked, T0 - 24 * 3600 * 1000)).toEqual({ ok: false, code: 'pin.locked', waitMs: MAX_LOCK_MS });
  });

  it('whatever happened before, a lock never exceeds the ceiling and a wrong PIN never shortens one', () => {
    fc.assert(
      fc.property(fc.nat(1000), fc.integer({ min: 0, max: 10 ** 7 }), (failures, dt) => {
        const before: PinAttempts = { failures, lockedUntil: null };
        const after = afterWrongPin(before, T0 + dt);
        expect(after.failures).toBe(failures + 1);
        if (after.lockedUntil !== null) {
          expect(after.lockedUntil - (T0 + dt)).toBeLessThanOrEqual(MAX_LOCK_MS);
          const again = afterWrongPin(after, T0 + dt);
          expect(again.lockedUntil!).toBeGreaterThanOrEqual(after.lockedUntil);
        }
      }),
    );
  });

  it('checks the PIN only when not locked; the right PIN clears the count', async () => {
    const stored = await hashPin('5821', { N: 2 ** 14, r: 8, p: 1 });
    let a: PinAttempts = NO_ATTEMPTS;
    for (let i = 0; i < FREE_TRIES; i++) {
      const r = await checkPin('0000', stored, a, T0);
      expect(r).toMatchObject({ ok: false, code: 'pin.wrong' });
      a = r.attempts;
    }
    // locked: even the right PIN is not checked until the lock ends
    expect(await checkPin('5821', stored, a, T0 + 1000)).toEqual({ ok: false, code: 'pin.locked', waitMs: FIRST_LOCK_MS - 1000, attempts: a });
    const right = await checkPin('5821', stored, a, T0 + FIRST_LOCK_MS);
    expect(right).toEqual({ ok: true, attempts: NO_ATTEMPTS });
  }, 60_000);
});
