import { expect, it } from 'vitest';
import { computeReport, type ReportInput } from '../../shared/reports/figures';
import { monthOf } from '../../shared/reports/period';
import { booking, loan, rng, visit } from '../../shared/reports/testing';
import { BOOKING_CATEGORIES } from '../../shared/db/schemas/bookings';
import { VISIT_PURPOSES } from '../../shared/db/schemas/visits';

/** A busy centre's year: 60,000 visits, 8,000 loans, ~4,000 bookings over 6 rooms, 300 items, 60 groups. */
function busyYear(): ReportInput {
  const rand = rng(7);
  const pad = (n: number) => String(n).padStart(2, '0');
  const at = (day: number, hour: number, minute = 0) => {
    const d = new Date(Date.UTC(2025, 0, 1 + day));
    return `${d.toISOString().slice(0, 10)}T${pad(hour)}:${pad(minute)}`;
  };
  const visits = Array.from({ length: 60_000 }, (_, i) =>
    visit(at(Math.floor(rand() * 365), 9 + Math.floor(rand() * 12), Math.floor(rand() * 60)), rand() < 0.3 ? '' : `p-${Math.floor(rand() * 3000)}`, VISIT_PURPOSES[i % 6]!, i % 5 === 0 ? 1 : 0, i % 7 === 0 ? 2 : 0, i % 15 === 0 ? `b-${Math.floor(rand() * 4000)}` : ''),
  );
  const bookings = Array.from({ length: 4000 }, (_, i) => {
    const day = Math.floor(rand() * 365);
    const hour = 10 + Math.floor(rand() * 8);
    return booking({
      id: `b-${i}`,
      roomId: `r-${i % 6}`,
      start: at(day, hour),
      end: at(day, hour + 2),
      category: BOOKING_CATEGORIES[i % 6]!,
      local: i % 4 !== 0,
      price: i % 4 === 0 ? 2000 : 0,
      status: i % 20 === 0 ? 'cancelled' : 'confirmed',
      organiser: { kind: 'group', refId: `g-${i % 60}`, name: `Group ${i % 60}`, phone: '' },
    });
  });
  const loans = Array.from({ length: 8000 }, (_, i) => {
    const day = Math.floor(rand() * 365);
    return loan({ outAt: at(day, 12), dueAt: at(day + 7, 12), status: i % 3 === 0 ? 'open' : 'returned', returnedAt: i % 3 === 0 ? '' : at(day + 5, 15), items: [[`i-${i % 300}`, 1], [`i-${(i * 7) % 300}`, 2]] });
  });
  const hours = { open: '09:00', close: '21:00' };
  return {
    now: '2025-12-31T23:00',
    visits,
    bookings,
    loans,
    rooms: Array.from({ length: 6 }, (_, i) => ({ id: `r-${i}`, name: `Room ${i}`, sections: [], openingHours: null, bookable: true, archived: false, order: i })),
    groups: Array.from({ length: 60 }, (_, i) => ({ id: `g-${i}`, name: `Group ${i}`, kind: i % 2 ? ('ngo' as const) : ('club' as const) })),
    items: Array.from({ length: 300 }, (_, i) => ({ id: `i-${i}`, name: `Item ${i}`, archived: false })),
    settings: { openingHours: { mo: hours, tu: hours, we: hours, th: hours, fr: hours, sa: hours, su: null }, closures: [] },
  };
}

/** Baseline measured in the same run: one bare pass over the same arrays (what any report must at least do). */
function barePass(input: ReportInput, from: string, to: string): number {
  let n = 0;
  for (const v of input.visits) if (v.timeIn >= from && v.timeIn < to) n += 1 + v.adults + v.children + v.personId.length;
  for (const b of input.bookings) if (b.start >= from && b.start < to) n += b.end.length + b.roomId.length;
  for (const l of input.loans) if (l.outAt >= from && l.outAt < to) n += l.lines.length;
  return n;
}

function median(run: () => unknown, times = 7): number {
  run(); // warm-up (JIT)
  const ms: number[] = [];
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    run();
    ms.push(performance.now() - t0);
  }
  return ms.sort((a, b) => a - b)[times >> 1]!;
}

it('a month report over a full busy year counts every visit of the month (its time is a bench figure, printed here)', () => {
  const input = busyYear();
  const period = monthOf('2025-06-15');
  const r = computeReport(input, period);
  expect(r.current.visits.entries).toBeGreaterThan(4000); // the month really has ~5,000 visits
  // Speed budgets are checked by `npm run bench` (month_report, as a ratio to its yardstick), never by a timed test:
  // a unit test that times itself fails on a busy machine. The figures are printed for whoever reads the log.
  const report = median(() => computeReport(input, period));
  const bare = median(() => barePass(input, '2025-05-01T00:00', '2025-07-01T00:00'));
  console.log(`computeReport(month of a 60k-visit year): median ${report.toFixed(1)} ms; bare pass ${bare.toFixed(2)} ms; ratio ${(report / bare).toFixed(1)}`);
  expect(computeReport(input, period)).toEqual(r); // the same input gives the same figures
});
