import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { emptyBooking } from './model';
import { quotePrice, settlePrice } from './pricing';
import { fromMinutes, toMinutes } from '../time';

const booking = (local: boolean, minutes = 180, setup = 30, cleanup = 30) =>
  emptyBooking({ local, start: '2026-05-16T18:00', end: fromMinutes(toMinutes('2026-05-16T18:00') + minutes), setupMinutes: setup, cleanupMinutes: cleanup });

describe('pricing', () => {
  it('residents and local groups are free', () => {
    expect(quotePrice(booking(true), { hourlyRate: 1000 }, { billSetupTime: true })).toMatchObject({ amount: 0, free: true });
  });

  it('outsiders pay rate × hours, setup and clean-up only when the centre bills them', () => {
    expect(quotePrice(booking(false), { hourlyRate: 1000 }, { billSetupTime: false })).toMatchObject({ amount: 3000, hours: 3, billedMinutes: 180, free: false });
    expect(quotePrice(booking(false), { hourlyRate: 1000 }, { billSetupTime: true })).toMatchObject({ amount: 4000, hours: 4 });
    expect(quotePrice(booking(false, 50, 0, 0), { hourlyRate: 500 }, {})).toMatchObject({ amount: 416.67 });
    expect(quotePrice(booking(false), undefined, undefined).amount).toBe(0);
  });

  it('an override needs a reason; the same amount is not an override', () => {
    const quote = quotePrice(booking(false), { hourlyRate: 1000 }, {});
    expect(settlePrice(quote, null)).toEqual({ ok: true, price: 3000, priceOverrideReason: '' });
    expect(settlePrice(quote, { amount: 3000, reason: '' })).toEqual({ ok: true, price: 3000, priceOverrideReason: '' });
    expect(settlePrice(quote, { amount: 1500, reason: '  ' })).toEqual({ ok: false, code: 'price.override-needs-reason' });
    expect(settlePrice(quote, { amount: -1, reason: 'x' })).toEqual({ ok: false, code: 'price.invalid' });
    expect(settlePrice(quote, { amount: 1500, reason: ' партнёр ' })).toEqual({ ok: true, price: 1500, priceOverrideReason: 'партнёр' });
  });

  it('property: never negative, free for locals, grows with time and with billed setup', () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.integer({ min: 1, max: 24 * 60 }),
        fc.integer({ min: 0, max: 120 }),
        fc.integer({ min: 0, max: 120 }),
        fc.integer({ min: 0, max: 100000 }),
        (local, minutes, setup, cleanup, rate) => {
          const plain = quotePrice(booking(local, minutes, setup, cleanup), { hourlyRate: rate }, { billSetupTime: false });
          const withSetup = quotePrice(booking(local, minutes, setup, cleanup), { hourlyRate: rate }, { billSetupTime: true });
          const longer = quotePrice(booking(local, minutes + 1, setup, cleanup), { hourlyRate: rate }, { billSetupTime: false });
          expect(plain.amount).toBeGreaterThanOrEqual(0);
          if (local) expect(withSetup.amount).toBe(0);
          else expect(Math.abs(plain.amount - (rate * minutes) / 60)).toBeLessThanOrEqual(0.005 + 1e-9);
          expect(withSetup.amount).toBeGreaterThanOrEqual(plain.amount);
          expect(longer.amount).toBeGreaterThanOrEqual(plain.amount);
        },
      ),
    );
  });
});

describe('sections of a divisible hall', () => {
  const hall = { hourlyRate: 3000, sections: [{ id: 'A', name: 'A' }, { id: 'B', name: 'B' }, { id: 'C', name: 'C' }] };
  const b = (sections: string[]) => ({ local: false, start: '2026-12-07T10:00', end: '2026-12-07T13:00', setupMinutes: 0, cleanupMinutes: 0, sections });
  it('a section costs its share of the hall’s rate; the whole hall (or every section) its full rate', () => {
    expect(quotePrice(b(['C']), hall, {})).toMatchObject({ amount: 3000, hourly: 1000, share: { sections: 1, of: 3 } });
    expect(quotePrice(b(['A', 'B']), hall, {})).toMatchObject({ amount: 6000, hourly: 2000 });
    expect(quotePrice(b([]), hall, {})).toMatchObject({ amount: 9000, hourly: 3000, share: null });
    expect(quotePrice(b(['A', 'B', 'C']), hall, {})).toMatchObject({ amount: 9000, share: null });
  });
  it('an outside booking of a room with no rate is flagged', () => {
    expect(quotePrice(b([]), { hourlyRate: 0 }, {}).noRate).toBe(true);
    expect(quotePrice({ ...b([]), local: true }, { hourlyRate: 0 }, {}).noRate).toBe(false);
    expect(quotePrice(b([]), hall, {}).noRate).toBe(false);
  });
});
