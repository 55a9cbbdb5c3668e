/**
 * Privacy must not change the reports: erasing a person or anonymising old visits by retention leaves every
 * figure of every period as it was (unique participants included). See docs/privacy.md.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeReport, type ReportInput } from './figures';
import { customPeriod, monthOf, periodOf } from './period';
import type { PersonDoc, VisitDoc } from '../db/schemas';
import { applyPatches } from '../people/patches';
import { person, visit } from '../people/testDocs';
import { erasePerson, retentionPatches } from '../visits';
import { booking } from './testing';

const NOW = '2026-12-04T12:00';

function input(visits: readonly VisitDoc[], people: readonly PersonDoc[]): ReportInput {
  return {
    visits,
    bookings: [booking({ id: 'b1', roomId: 'r1', start: '2026-03-02T10:00', end: '2026-03-02T12:00' })],
    rooms: [{ id: 'r1', name: 'Зал', sections: [], openingHours: null, bookable: true, archived: false, order: 0 }],
    groups: [],
    items: [],
    loans: [],
    people,
    settings: null,
    now: NOW,
  };
}

const PEOPLE = [
  person('p0', 'Анна'),
  person('p1', 'Борис'),
  person('p2', 'Вера'),
  person('p3', 'Глеб'),
  person('p4', 'Дина'),
  person('p5', 'Анна П.', { mergedInto: 'p0' }),
  person('p6', 'Б.', { mergedInto: 'p1' }),
];

const visitSpec = fc.record({
  day: fc.integer({ min: 0, max: 700 }),
  hour: fc.integer({ min: 8, max: 21 }),
  who: fc.constantFrom('p0', 'p1', 'p2', 'p3', 'p4', 'p5', 'p6', '', 'free'),
  adults: fc.integer({ min: 0, max: 3 }),
  children: fc.integer({ min: 0, max: 3 }),
  booking: fc.constantFrom('', 'b1'),
});

/** Visits from 2025-01-01 over ~two years. */
function makeVisits(specs: readonly (typeof visitSpec extends fc.Arbitrary<infer T> ? T : never)[]): VisitDoc[] {
  return specs.map((s, i) => {
    const date = new Date(Date.UTC(2025, 0, 1 + s.day)).toISOString().slice(0, 10);
    const timeIn = `${date}T${String(s.hour).padStart(2, '0')}:10`;
    return visit(`v${i}`, {
      timeIn,
      personId: s.who === 'free' ? '' : s.who,
      name: s.who === 'free' ? `Гость ${i % 4}` : '',
      adults: s.adults,
      children: s.children,
      bookingId: s.booking,
    });
  });
}

const periodArb = fc.oneof(
  fc.tuple(fc.constantFrom('month', 'quarter', 'year') as fc.Arbitrary<'month' | 'quarter' | 'year'>, fc.integer({ min: 0, max: 700 })).map(([kind, day]) =>
    periodOf(kind, new Date(Date.UTC(2025, 0, 1 + day)).toISOString().slice(0, 10)),
  ),
  fc.tuple(fc.integer({ min: 0, max: 700 }), fc.integer({ min: 0, max: 400 })).map(([day, len]) => {
    const d = (n: number) => new Date(Date.UTC(2025, 0, 1 + n)).toISOString().slice(0, 10);
    return customPeriod(d(day), d(day + len));
  }),
);

describe('reports before and after privacy operations', () => {
  it('erasing one of three people signed in once each keeps the month at three unique participants', () => {
    const people = [person('a', 'Ann'), person('b', 'Bob'), person('c', 'Cat')];
    const visits = people.map((p, i) => visit(`v${i}`, { personId: p.id, timeIn: `2026-12-0${i + 1}T10:00` }));
    const before = computeReport(input(visits, people), monthOf('2026-12-04')).current.visits;
    const patches = erasePerson('b', { people, visits, loans: [], bookings: [], groups: [] });
    const after = computeReport(input(applyPatches(visits, patches.visits), applyPatches(people, patches.people)), monthOf('2026-12-04')).current.visits;
    expect(before.unique).toBe(3);
    expect(after).toEqual(before);
    expect(applyPatches(visits, patches.visits)[1]).toMatchObject({ personId: '', anonymised: true });
  });

  it('a year run in December counts the whole year’s participants, not only the last 90 days’', () => {
    // one visit a month each for three people, all year; retention 90 days anonymises January … early September
    const people = [person('a', 'Ann'), person('b', 'Bob'), person('c', 'Cat'), person('d', 'Dan')];
    const visits: VisitDoc[] = [];
    for (let m = 1; m <= 11; m++) for (const p of people.slice(0, m < 6 ? 4 : 3)) visits.push(visit(`v${m}${p.id}`, { personId: p.id, timeIn: `2026-${String(m).padStart(2, '0')}-10T10:00` }));
    const year = periodOf('year', '2026-12-04');
    const before = computeReport(input(visits, people), year);
    const after = computeReport(input(applyPatches(visits, retentionPatches(visits, 90, new Date(2026, 11, 4))), people), year);
    expect(before.current.visits.unique).toBe(4);
    expect(after).toEqual(before);
  });

  it('property: every figure of any period is the same after retention and after erasing anyone', () => {
    fc.assert(
      fc.property(
        fc.array(visitSpec, { maxLength: 80 }),
        fc.integer({ min: 1, max: 600 }),
        fc.constantFrom('p0', 'p1', 'p2', 'p5'),
        fc.array(periodArb, { minLength: 1, maxLength: 4 }),
        (specs, retentionDays, erased, periods) => {
          const visits = makeVisits(specs);
          const retained = applyPatches(visits, retentionPatches(visits, retentionDays, new Date(2026, 11, 4), PEOPLE));
          const erasure = erasePerson(erased, { people: PEOPLE, visits: retained, loans: [], bookings: [], groups: [] });
          const erasedVisits = applyPatches(retained, erasure.visits);
          const erasedPeople = applyPatches(PEOPLE, erasure.people);
          for (const period of periods) {
            const before = computeReport(input(visits, PEOPLE), period);
            expect(computeReport(input(retained, PEOPLE), period)).toEqual(before);
            expect(computeReport(input(erasedVisits, erasedPeople), period)).toEqual(before);
          }
          // and nothing names or links a person any more in what was anonymised
          for (const v of erasedVisits) if (v.anonymised) expect([v.personId, v.name]).toEqual(['', '']);
        },
      ),
      { numRuns: 150 },
    );
  });
});
