/**
 * One meaning for "a local time": every feature that checks a time it is given (a booking's start, a loan's out and
 * due times, a reservation's range, a visit's sign-out, a consent date) accepts and refuses exactly the strings the
 * time module does, and the module agrees with dayjs' strict parser.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import { validateBooking } from '../bookings/conflicts';
import { validateCheckout } from '../loans/checkout';
import { validateReservation } from '../loans/reservations';
import { validatePerson } from '../people/validate';
import { validateSignOut } from '../visits/signIn';
import { localDate, localDateTime, optionalLocalDateTime } from '../db/schemas/common';
import { isLocalDate, isLocalDateTime, rollOver, toMinutes } from './index';

dayjs.extend(customParseFormat);

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
/** Dates and times whose fields run just past their limits (month 13, day 32, hour 24 and 25, minute 60). */
const dateText = fc
  .tuple(fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
  .map(([y, m, d]) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`);
const dateTimeText = fc
  .tuple(dateText, fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 61 }), fc.option(fc.integer({ min: 0, max: 61 })))
  .map(([date, h, m, s]) => `${date}T${pad(h)}:${pad(m)}${s === null ? '' : `:${pad(s)}`}`);
const anyText = fc.oneof(dateTimeText, dateText, fc.string({ maxLength: 20 }), dateTimeText.map((s) => s.replace('T', ' ')));

const strictly = (s: string, format: string) => dayjs(s, format, true).isValid();
const author = { desk: 'd', volunteer: 'v' };
const borrower = { personId: '', groupId: '', name: 'Анна', phone: '' };
const ctx = { items: [], loans: [], now: '2026-03-02T10:00', by: author };
const room = { sections: [] };

describe('every path reads a local time the same way', () => {
  it('the module agrees with dayjs strict parsing', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const dayjsSays = s.length === 16 ? strictly(s, 'YYYY-MM-DDTHH:mm') : s.length === 19 ? strictly(s, 'YYYY-MM-DDTHH:mm:ss') : false;
        expect(isLocalDateTime(s)).toBe(dayjsSays);
        expect(isLocalDate(s)).toBe(s.length === 10 && strictly(s, 'YYYY-MM-DD'));
      }),
      { numRuns: 2000 },
    );
  });

  it('bookings, loans, reservations and visits accept and refuse the same date-times', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const ok = isLocalDateTime(s);
        const booking = validateBooking({ roomId: 'r', title: 't', start: s, end: '2999-01-01T00:00', sections: [] }, room);
        expect(!booking.includes('booking.bad-time'), `booking ${s}`).toBe(ok);
        const checkout = validateCheckout({ borrower, lines: [], deposit: '', outAt: s, dueAt: '2999-01-01T00:00' }, ctx);
        if (s !== '') // an empty out time means "now"
          expect(!(!checkout.ok && checkout.errors.some((e) => e.code === 'loans.badTime')), `checkout ${s}`).toBe(ok);
        const reservation = validateReservation({ borrower, lines: [], from: s, to: '2999-01-01T00:00' }, ctx);
        expect(!(!reservation.ok && reservation.errors.some((e) => e.code === 'loans.badTime')), `reservation ${s}`).toBe(ok);
        expect(validateSignOut({ timeIn: '1900-01-01T00:00', timeOut: '' }, s) !== 'visit.timeInvalid', `sign-out ${s}`).toBe(ok);
        let minutes = true;
        try {
          toMinutes(s);
        } catch {
          minutes = false;
        }
        expect(minutes, `toMinutes ${s}`).toBe(ok || isLocalDate(s));
      }),
      { numRuns: 2000 },
    );
  });

  it('a consent date is a real calendar date, as everywhere else', () => {
    fc.assert(
      fc.property(fc.oneof(dateText, fc.string({ maxLength: 12 })), (s) => {
        fc.pre(s !== '');
        const errors = validatePerson({ name: 'Анна', phone: '', email: '', consent: { given: true, date: s } as never });
        expect(!errors.some((e) => e.code === 'person.consentDateInvalid'), s).toBe(isLocalDate(s));
      }),
      { numRuns: 1000 },
    );
  });

  it('refuses the impossible times the old bookings parser rolled over into the next month, year or day', () => {
    for (const s of ['2026-02-31T10:00', '2026-13-01T10:00', '2026-01-01T25:00']) {
      expect(validateBooking({ roomId: 'r', title: 't', start: s, end: '2999-01-01T00:00', sections: [] }, room)).toContain('booking.bad-time');
      expect(() => toMinutes(s)).toThrow(/time.invalid/);
    }
  });

  it('the schemas store exactly what the module reads (desk write checks and the server use these patterns)', () => {
    const dateTime = new RegExp(localDateTime.pattern);
    const date = new RegExp(localDate.pattern);
    const optional = new RegExp(optionalLocalDateTime.pattern);
    const years = fc.integer({ min: 0, max: 9999 }).chain((y) => fc.tuple(fc.constant(y), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 })));
    const leapish = years.map(([y, m, d]) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`);
    fc.assert(
      fc.property(fc.oneof(anyText, leapish, fc.constantFrom('2000-02-29', '1900-02-29', '2024-02-29T00:00', '2100-02-29T00:00', '0000-02-29')), (s) => {
        expect(dateTime.test(s), s).toBe(isLocalDateTime(s));
        expect(date.test(s), s).toBe(isLocalDate(s));
        expect(optional.test(s), s).toBe(s === '' || isLocalDateTime(s));
      }),
      { numRuns: 5000 },
    );
  });

  it('rolls an impossible stored time over as a lax reader showed it (migrations of older documents)', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const rolled = rollOver(s);
        const shaped = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?)?$/.test(s);
        expect(rolled === '', s).toBe(!shaped);
        if (shaped) expect(isLocalDateTime(rolled) || isLocalDate(rolled), `${s} → ${rolled}`).toBe(true);
        if (isLocalDateTime(s) || isLocalDate(s)) expect(rolled).toBe(s);
        const lax = dayjs(s, s.length === 10 ? 'YYYY-MM-DD' : s.length === 16 ? 'YYYY-MM-DDTHH:mm' : 'YYYY-MM-DDTHH:mm:ss');
        // past the upper limits (day 31 of February, month 13, hour 25) as dayjs' lax parser rolls them
        if (shaped && Number(s.slice(0, 4)) >= 1900 && Number(s.slice(5, 7)) >= 1 && Number(s.slice(8, 10)) >= 1) expect(rolled.slice(0, 16), s).toBe(lax.format(rolled.length === 10 ? 'YYYY-MM-DD' : 'YYYY-MM-DDTHH:mm'));
      }),
      { numRuns: 2000 },
    );
  });
});
