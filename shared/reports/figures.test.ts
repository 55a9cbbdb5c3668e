import { describe, expect, it } from 'vitest';
import { computeReport } from './figures';
import { NOW, reportFixture } from './fixture';
import { funderTable, funderTableTsv } from './funderTable';
import { monthOf } from './period';
import { VISIT_PURPOSES } from '../db/schemas/visits';

const input = reportFixture();
const report = computeReport(input, monthOf('2026-03-15'));
const cur = report.current;
const prev = report.previous;

/** Independent reading of the fixture: month by string prefix, weekday from the JS calendar. */
function naiveVisits(prefix: string) {
  const vs = input.visits.filter((v) => v.timeIn.startsWith(prefix));
  const resolve = (id: string) => (id === 'p-dup' ? 'p-1' : id);
  const heat = Array.from({ length: 7 }, () => Array(24).fill(0) as number[]);
  for (const v of vs) {
    const d = new Date(v.timeIn); // local time; getDay() 0 = Sunday
    heat[(d.getDay() + 6) % 7]![d.getHours()]! += 1;
  }
  return {
    entries: vs.length,
    adults: vs.reduce((s, v) => s + 1 + v.adults, 0),
    children: vs.reduce((s, v) => s + v.children, 0),
    unique: new Set(vs.filter((v) => v.personId).map((v) => resolve(v.personId))).size,
    withoutPerson: vs.filter((v) => !v.personId).length,
    byPurpose: Object.fromEntries(VISIT_PURPOSES.map((p) => [p, vs.filter((v) => v.purpose === p).length])),
    heat,
  };
}

describe('visit figures', () => {
  for (const [label, figures, prefix] of [['March', cur, '2026-03'], ['February', prev, '2026-02']] as const) {
    it(`${label}: totals, unique people, adults/children, purposes and the heat map`, () => {
      const n = naiveVisits(prefix);
      expect(n.entries).toBeGreaterThan(100); // the fixture really has data in this month
      expect(figures.visits.entries).toBe(n.entries);
      expect(figures.visits.adults).toBe(n.adults);
      expect(figures.visits.children).toBe(n.children);
      expect(figures.visits.people).toBe(n.adults + n.children);
      expect(figures.visits.unique).toBe(n.unique);
      expect(figures.visits.withoutPerson).toBe(n.withoutPerson);
      expect(figures.visits.byPurpose).toEqual(n.byPurpose);
      expect(figures.visits.heatmap).toEqual(n.heat);
    });
  }

  it('a merged duplicate counts as the surviving person', () => {
    const merged = computeReport({ ...input, people: [] }, monthOf('2026-03-01'));
    const march = input.visits.filter((v) => v.timeIn.startsWith('2026-03'));
    const dupAndOne = march.some((v) => v.personId === 'p-dup') && march.some((v) => v.personId === 'p-1');
    expect(dupAndOne).toBe(true);
    expect(merged.current.visits.unique).toBe(cur.visits.unique + 1);
  });
});

describe('event figures (hand-counted from the fixture)', () => {
  it('held, upcoming, cancelled and by category', () => {
    // held by 20 March noon: b1 b2 b3 b4 b5 b8; b6 on 25 March is upcoming; b7 cancelled.
    expect(cur.events).toMatchObject({ held: 6, upcoming: 1, cancelled: 1 });
    expect(cur.events.heldByCategory).toEqual({ club: 1, lecture: 1, rental: 1, meeting: 1, celebration: 1, other: 1 });
    expect(prev.events).toMatchObject({ held: 2, upcoming: 0, cancelled: 0 });
  });

  it('attendance: actual, else headcount, else linked visits; unknown events are not averaged', () => {
    // b1 actual 12, b2 headcount 5+3, b3 two linked visits (1+1+2 and 1), b4 actual 0; b5, b8 unknown
    expect(cur.events.attendanceTotal).toBe(12 + 8 + 5 + 0);
    expect(cur.events.attendanceCounted).toBe(4);
    expect(cur.events.attendanceAverage).toBe(25 / 4);
    expect(prev.events.attendanceTotal).toBe(27);
  });
});

describe('rooms and rentals', () => {
  it('hours booked, used, by category and local vs outside', () => {
    expect(cur.rooms.bookedHours).toBe(2 + 2 + 3 + 2 + 2 + 2 + 1);
    expect(cur.rooms.usedHours).toBe(14 - 2);
    expect(cur.rooms.cancelledHours).toBe(1);
    expect(cur.rooms.bookedHoursByCategory).toEqual({ club: 4, lecture: 2, rental: 3, meeting: 2, celebration: 2, other: 1 });
    expect([cur.rooms.localHours, cur.rooms.localBookings, cur.rooms.outsideHours, cur.rooms.outsideBookings]).toEqual([9, 5, 5, 2]);
  });

  it('occupancy of opening hours (closures out, hall sections weighted)', () => {
    // Opening hours counted day by day with the JS calendar: hall uses the centre's hours, studio Tuesdays 18–21.
    let hall = 0;
    let studio = 0;
    for (let d = 1; d <= 31; d++) {
      const wd = new Date(2026, 2, d).getDay();
      if (d === 9) continue; // closure
      if (wd >= 1 && wd <= 5) hall += 10;
      if (wd === 6) hall += 6;
      if (wd === 2) studio += 3;
    }
    expect(hall).toBe(234);
    const hallLine = cur.rooms.rooms.find((r) => r.roomId === 'hall')!;
    const studioLine = cur.rooms.rooms.find((r) => r.roomId === 'studio')!;
    expect(hallLine.openHours).toBe(hall);
    expect(studioLine.openHours).toBe(studio);
    // inside hours: b1 2h, b2 1h (12–13) × half the hall, b3 1h (19–20), b5 0 (closed), b6 2h; studio b4 2h
    expect(hallLine.occupancy).toBeCloseTo(5.5 / hall, 10);
    expect(studioLine.occupancy).toBeCloseTo(2 / studio, 10);
    expect(cur.rooms.openHours).toBe(hall + studio);
    expect(cur.rooms.occupancy).toBeCloseTo(7.5 / (hall + studio), 10);
    expect(cur.rooms.rooms.map((r) => r.roomId)).toEqual(['hall', 'studio', 'gone']); // the store room is not bookable
  });

  it('rental income by room and organiser', () => {
    expect(cur.rentals).toMatchObject({ count: 2, hours: 5, income: 4500, paid: 3000, unpaid: 1500 });
    expect(cur.rentals.byRoom).toEqual([{ roomId: 'hall', name: 'Зал', count: 2, hours: 5, income: 4500 }]);
    expect(cur.rentals.byOrganiser.map((o) => [o.name, o.income])).toEqual([['ООО Ромашка', 3000], ['Клуб шахматистов', 1500]]);
    expect(prev.rentals).toMatchObject({ count: 1, income: 1000 });
  });
});

describe('loans and partners', () => {
  it('made, returned, overdue now, most borrowed, never borrowed', () => {
    expect(cur.loans).toMatchObject({ made: 3, unitsLent: 5, returned: 2, overdueNow: 2, itemsTotal: 4, itemsNotBorrowed: 1, notBorrowedShare: 0.25 });
    expect(cur.loans.topItems.map((i) => [i.name, i.loans, i.units])).toEqual([['Мяч', 2, 3], ['Дрель', 1, 1], ['Проектор', 1, 1]]);
    expect(prev.loans).toMatchObject({ made: 1, returned: 0 });
  });

  it('groups active through bookings and loans', () => {
    expect(cur.partners.active.map((g) => [g.groupId, g.bookings, g.loans])).toEqual([
      ['g-lib', 0, 1],
      ['g-tos', 1, 0],
      ['g-club', 2, 0],
    ]);
    expect([cur.partners.partnerCount, cur.partners.groupCount]).toEqual([2, 1]);
  });
});

describe('funder table', () => {
  const rows = funderTable(report);
  it('compares each indicator with the previous period', () => {
    const held = rows.find((r) => r.key === 'eventsHeld')!;
    expect(held).toMatchObject({ current: 6, previous: 2, change: 4, changeRatio: 2 });
    const overdue = rows.find((r) => r.key === 'loansOverdueNow')!;
    expect(overdue).toMatchObject({ current: 2, previous: null, change: null });
    const visits = rows.find((r) => r.key === 'visitEntries')!;
    const n = naiveVisits('2026-03').entries;
    const p = naiveVisits('2026-02').entries;
    expect(visits).toMatchObject({ current: n, previous: p, change: n - p });
    expect(visits.changeRatio).toBeCloseTo((n - p) / p, 3);
  });

  it('copies as tab-separated text with one line per indicator', () => {
    const tsv = funderTableTsv(rows, { header: ['Показатель', 'Март', 'Февраль', 'Изм.', '%'], label: (k) => `«${k}»`, locale: 'ru' });
    const lines = tsv.split('\n');
    expect(lines).toHaveLength(rows.length + 1);
    expect(lines[0]).toBe('Показатель\tМарт\tФевраль\tИзм.\t%');
    expect(lines.every((l) => l.split('\t').length === 5)).toBe(true);
    const rental = lines.find((l) => l.startsWith('«rentalIncome»'))!.split('\t');
    expect(rental[1]!.replace(/\s/g, '')).toBe('4500');
    expect(rental[4]!.replace(/\s/g, '')).toBe('+350%');
  });
});

it('the fixture "now" is the one the tests reason about', () => {
  expect(report.now).toBe(NOW);
});
