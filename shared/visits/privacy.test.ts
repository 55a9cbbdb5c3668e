import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { erasePerson, exportPersonData, identitiesOf } from './privacy';
import { applyPatches, type PersonLinks } from '../people/patches';
import { booking, group, loan, person, visit } from '../people/testDocs';
import { bookingCounts, loanCounts, makeVisits, monthlyVisitCounts, visitArb } from './testutil';

function world(visits = makeVisits([])): PersonLinks {
  const people = [
    person('p0', 'Анна Петрова', { phone: '+7 912 000 11 22', email: 'anna@example.org', notes: 'аллергия', tags: ['пироги'] }),
    person('p1', 'Сергей'),
    person('old0', 'Анна П.', { mergedInto: 'p0' }),
    person('old1', 'А. Петрова', { mergedInto: 'old0' }),
  ];
  return {
    people,
    visits,
    loans: [loan('l0', 'p0'), loan('l1', 'p1'), loan('l2', 'old1', { status: 'returned' })],
    bookings: [booking('b0', 'p0'), booking('b1', 'p1'), booking('b2', 'old0', { actualAttendance: 12 }), booking('b3', '')],
    groups: [
      group('g0', 'Шахматы', { memberIds: ['p0', 'p1', 'old1'], contactPersonId: 'p0', contactName: 'Анна Петрова', contactPhone: '+7 912 000 11 22' }),
      group('g1', 'Хор', { memberIds: ['p1'], contactPersonId: 'p1', contactName: 'Сергей' }),
    ],
  };
}

const personal = (s: unknown) => JSON.stringify(s).match(/Анна П|Петрова|912 000|anna@|аллергия|пироги|торт/g) ?? [];

describe('identitiesOf', () => {
  it('includes tombstones merged into the person through a chain', () => {
    expect([...identitiesOf('p0', world().people)].sort()).toEqual(['old0', 'old1', 'p0']);
  });
});

describe('erasePerson', () => {
  it('removes the person’s data everywhere, keeps counts and other people’s data', () => {
    const w = world([visit('v0', { personId: 'p0', notes: 'Анна принесла торт' }), visit('v1', { personId: 'old1', adults: 2 }), visit('v2', { personId: 'p1' })]);
    const patches = erasePerson('p0', w);
    const after: PersonLinks = {
      people: applyPatches(w.people, patches.people),
      visits: applyPatches(w.visits, patches.visits),
      loans: applyPatches(w.loans, patches.loans),
      bookings: applyPatches(w.bookings, patches.bookings),
      groups: applyPatches(w.groups, patches.groups),
    };
    expect(personal(after)).toEqual([]);
    expect(after.people.filter((p) => p.erased).map((p) => p.id).sort()).toEqual(['old0', 'old1', 'p0']);
    expect(after.people.find((p) => p.id === 'p1')).toEqual(w.people.find((p) => p.id === 'p1'));
    expect(after.visits.map((v) => [v.personId, v.anonymised])).toEqual([['', true], ['', true], ['p1', false]]);
    expect(after.loans.map((l) => l.borrower.personId)).toEqual(['', 'p1', '']);
    expect(after.bookings.map((b) => b.organiser.refId)).toEqual(['', 'p1', '', '']);
    expect(after.groups[0]).toMatchObject({ memberIds: ['p1'], contactPersonId: '', contactName: '', contactPhone: '' });
    expect(after.groups[1]).toEqual(w.groups[1]);
    expect(monthlyVisitCounts(after.visits)).toEqual(monthlyVisitCounts(w.visits));
    expect(loanCounts(after.loans)).toEqual(loanCounts(w.loans));
    expect(bookingCounts(after.bookings)).toEqual(bookingCounts(w.bookings));
  });

  it('keeps monthly counts exactly for any log and leaves no link to the erased person', () => {
    fc.assert(
      fc.property(fc.array(visitArb, { maxLength: 60 }), fc.constantFrom('p0', 'p1', 'p3'), (specs, who) => {
        const w = world(makeVisits(specs));
        const patches = erasePerson(who, w);
        const visits = applyPatches(w.visits, patches.visits);
        expect(monthlyVisitCounts(visits)).toEqual(monthlyVisitCounts(w.visits));
        const ids = identitiesOf(who, w.people);
        expect(visits.filter((v) => ids.has(v.personId))).toEqual([]);
        expect(visits.filter((v, i) => v !== w.visits[i]).length).toBe(w.visits.filter((v) => ids.has(v.personId)).length);
      }),
      { numRuns: 150 },
    );
  });
});

describe('exportPersonData', () => {
  it('gathers everything held about the person, and nothing about others', () => {
    const w = world([visit('v0', { personId: 'p0', timeIn: '2026-03-02T10:00' }), visit('v1', { personId: 'old1', timeIn: '2026-01-02T10:00' }), visit('v2', { personId: 'p1' })]);
    const data = exportPersonData('p0', w, '2026-03-15T10:00:00.000Z');
    expect(data).not.toBeNull();
    expect(data!.person.id).toBe('p0');
    expect(data!.mergedRecords.map((p) => p.id).sort()).toEqual(['old0', 'old1']);
    expect(data!.visits.map((v) => v.id)).toEqual(['v1', 'v0']);
    expect(data!.loans.map((l) => l.id)).toEqual(['l0', 'l2']);
    expect(data!.bookings.map((b) => b.id)).toEqual(['b0', 'b2']);
    expect(data!.groups).toEqual([{ id: 'g0', name: 'Шахматы', kind: 'club', member: true, contact: true }]);
    expect(JSON.stringify(data)).not.toContain('"p1"');
    expect(JSON.parse(JSON.stringify(data))).toEqual(data);
    expect(exportPersonData('nobody', w, '')).toBeNull();
  });
});
