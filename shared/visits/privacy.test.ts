import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { erasePerson, exportPersonData, findNameMatches, identitiesOf } from './privacy';
import { applyPatches, type PeoplePatches, type PersonLinks } from '../people/patches';
import { templateOf } from '../bookings/model';
import { booking, conflict, group, loan, person, series, visit } from '../people/testDocs';
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

function applyAll(w: PersonLinks, p: PeoplePatches): Required<PersonLinks> {
  return {
    people: applyPatches(w.people, p.people),
    visits: applyPatches(w.visits, p.visits),
    loans: applyPatches(w.loans, p.loans),
    bookings: applyPatches(w.bookings, p.bookings),
    groups: applyPatches(w.groups, p.groups),
    series: applyPatches(w.series ?? [], p.series),
    conflicts: applyPatches(w.conflicts ?? [], p.conflicts),
  };
}

/** Anything of Анна Петрова's: names (any case, ё), phone in any formatting, e-mail, notes, tags. */
const personal = (s: unknown) => (typeof s === 'string' ? s : JSON.stringify(s)).match(/Анна П|П[её]трова|912.?000|000.?11.?22|anna@|аллергия|пироги|торт/gi) ?? [];

describe('identitiesOf', () => {
  it('includes tombstones merged into the person through a chain', () => {
    expect([...identitiesOf('p0', world().people)].sort()).toEqual(['old0', 'old1', 'p0']);
  });
});

describe('erasePerson', () => {
  it('removes the person’s data from linked records, keeps counts and other people’s data', () => {
    const w = world([visit('v0', { personId: 'p0', notes: 'Анна принесла торт' }), visit('v1', { personId: 'old1', adults: 2 }), visit('v2', { personId: 'p1' })]);
    const patches = erasePerson('p0', w);
    const after = applyAll(w, patches);
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

  it('keeps monthly counts exactly for any log, confirmed namesakes included, and leaves no link or confirmed name', () => {
    fc.assert(
      fc.property(fc.array(visitArb, { maxLength: 60 }), fc.constantFrom('p0', 'p1', 'p3'), fc.boolean(), (specs, who, confirmAll) => {
        const w = world(makeVisits(specs));
        // makeVisits types free names "Гость <i>": p3 is such a guest, later added to the directory.
        w.people = [...w.people, person('p3', 'гость  3')];
        const matches = findNameMatches(who, w);
        const patches = erasePerson(who, w, confirmAll ? { visits: matches.visits.map((v) => v.id) } : {});
        const visits = applyPatches(w.visits, patches.visits);
        expect(monthlyVisitCounts(visits)).toEqual(monthlyVisitCounts(w.visits));
        const ids = identitiesOf(who, w.people);
        expect(visits.filter((v) => ids.has(v.personId))).toEqual([]);
        const namesakes = visits.filter((v) => v.name === 'Гость 3').length;
        expect(namesakes).toBe(who === 'p3' && confirmAll ? 0 : w.visits.filter((v) => v.name === 'Гость 3').length);
        const expected = w.visits.filter((v) => ids.has(v.personId) || (confirmAll && matches.visits.includes(v))).length;
        expect(visits.filter((v, i) => v !== w.visits[i]).length).toBe(expected);
      }),
      { numRuns: 150 },
    );
  });
});

describe('erasePerson: every place the person’s data is kept', () => {
  const anna = { name: 'Анна Петрова', phone: '+7 912 000 11 22' };
  const w: PersonLinks = {
    ...world(),
    visits: [
      visit('v-linked', { personId: 'p0', timeIn: '2026-01-10T10:00', adults: 1 }),
      visit('v-typed', { name: 'анна  ПЁТРОВА', timeIn: '2026-01-11T10:00', children: 2 }),
      visit('v-namesake', { name: 'Анна Петрова', timeIn: '2026-02-11T10:00' }),
      visit('v-other', { name: 'Мария', timeIn: '2026-02-12T10:00', adults: 3 }),
    ],
    loans: [
      loan('l-linked', 'p0', { notes: 'Анна Петрова вернёт в пятницу', history: [{ at: '2026-03-02T10:00', by: 'Ольга', action: 'cancelled', detail: 'Анна Петрова передумала' }, { at: '2026-03-03T10:00', by: 'Ольга', action: 'returned', detail: 'item-1×2' }] }),
      loan('l-other', 'p1', { history: [{ at: '2026-03-02T10:00', by: 'Ольга', action: 'cancelled', detail: 'вместо него забрала Анна, 8 (912) 000-11-22' }] }),
      loan('l-typed', '', { borrower: { personId: '', groupId: '', name: 'Анна Петрова', phone: '' }, outAt: '2026-02-01T10:00' }),
      loan('l-typed-phone', '', { borrower: { personId: '', groupId: '', name: 'А. П.', phone: '8 912 000-11-22' }, status: 'returned' }),
    ],
    bookings: [
      booking('b-linked', 'p0', { organiser: { kind: 'person', refId: 'p0', ...anna } }),
      booking('b-typed', '', { organiser: { kind: 'free', refId: '', ...anna }, category: 'celebration', local: false, actualAttendance: 30 }),
      booking('b-group', '', { organiser: { kind: 'group', refId: 'g0', name: 'Шахматы', phone: anna.phone }, notes: 'Анна Петрова принесёт доску' }),
      booking('b-other', 'p1', { organiser: { kind: 'person', refId: 'p1', name: 'Сергей', phone: '+7 900 555-66-77' } }),
    ],
    series: [series('s-linked', 'p0'), series('s-typed', '', { template: templateOf({ title: 'Йога', category: 'club', organiser: { kind: 'free', refId: '', ...anna } }) }), series('s-other', 'p1')],
    groups: [
      ...world().groups,
      group('g-typed', 'Совет дома', { contactName: 'Анна Петрова', contactPhone: '' }),
    ],
    conflicts: [
      conflict('c-person', 'people', 'p0', { id: 'p0', ...anna }, { id: 'p0', ...anna, email: 'anna@example.org' }),
      conflict('c-visit', 'visits', 'v-other', { id: 'v-other', name: 'Мария' }, { id: 'v-other', name: 'Мария', adults: 2 }),
    ],
  };
  const matches = findNameMatches('p0', w);
  const confirmed = { visits: ['v-typed'], loans: ['l-typed'], bookings: ['b-typed'], series: ['s-typed'], groups: ['g-typed'] };
  const after = applyAll(w, erasePerson('p0', w, confirmed));
  const doc = <T extends { id: string }>(docs: readonly T[] | undefined, id: string) => docs!.find((d) => d.id === id)!;

  it('lists typed-in records with the same name or phone for the volunteer to confirm', () => {
    const idsOf = (docs: { id: string }[]) => docs.map((d) => d.id);
    expect(idsOf(matches.visits)).toEqual(['v-typed', 'v-namesake']);
    expect(idsOf(matches.loans)).toEqual(['l-typed', 'l-typed-phone']);
    expect(idsOf(matches.bookings)).toEqual(['b-typed']);
    expect(idsOf(matches.series)).toEqual(['s-typed']);
    expect(idsOf(matches.groups)).toEqual(['g-typed']);
  });

  it('clears every linked and every confirmed place', () => {
    expect(doc(after.people, 'p0')).toMatchObject({ name: '', phone: '', email: '', notes: '', tags: [], erased: true });
    expect(doc(after.visits, 'v-linked')).toMatchObject({ personId: '', name: '', anonymised: true });
    expect(doc(after.visits, 'v-typed')).toMatchObject({ name: '', anonymised: true });
    expect(doc(after.loans, 'l-linked').borrower).toEqual({ personId: '', groupId: '', name: '', phone: '' });
    expect(doc(after.loans, 'l-linked').notes).toBe('');
    expect(doc(after.loans, 'l-linked').history.map((h) => [h.action, h.detail])).toEqual([['cancelled', ''], ['returned', 'item-1×2']]);
    expect(doc(after.loans, 'l-other').history[0]).toMatchObject({ action: 'cancelled', detail: '' });
    expect(doc(after.loans, 'l-other').borrower.personId).toBe('p1');
    expect(doc(after.loans, 'l-typed').borrower).toEqual({ personId: '', groupId: '', name: '', phone: '' });
    expect(doc(after.bookings, 'b-linked').organiser).toEqual({ kind: 'free', refId: '', name: '', phone: '' });
    expect(doc(after.bookings, 'b-typed').organiser).toEqual({ kind: 'free', refId: '', name: '', phone: '' });
    expect(doc(after.bookings, 'b-group').organiser).toEqual({ kind: 'group', refId: 'g0', name: 'Шахматы', phone: '' });
    expect(doc(after.series, 's-linked').template.organiser).toEqual({ kind: 'free', refId: '', name: '', phone: '' });
    expect(doc(after.series, 's-typed').template.organiser).toEqual({ kind: 'free', refId: '', name: '', phone: '' });
    expect(doc(after.series, 's-typed').template.title).toBe('Йога');
    expect(doc(after.groups, 'g0')).toMatchObject({ contactPersonId: '', contactName: '', contactPhone: '' });
    expect(doc(after.groups, 'g-typed')).toMatchObject({ name: 'Совет дома', contactName: '', contactPhone: '' });
    expect(doc(after.conflicts, 'c-person')).toMatchObject({ kept: '', other: '', status: 'resolved', resolution: 'erased' });
  });

  it('leaves unconfirmed namesakes, booking notes and other people’s records as they were', () => {
    for (const [kind, id] of [['visits', 'v-namesake'], ['visits', 'v-other'], ['loans', 'l-typed-phone'], ['bookings', 'b-other'], ['series', 's-other'], ['groups', 'g1'], ['conflicts', 'c-visit'], ['people', 'p1']] as const) {
      expect(doc(after[kind] as readonly { id: string }[], id), `${kind}/${id}`).toEqual(doc(w[kind] as readonly { id: string }[], id));
    }
    expect(doc(after.bookings, 'b-group').notes).toBe('Анна Петрова принесёт доску');
    // Nothing else of hers is left anywhere.
    const rest = JSON.stringify({
      ...after,
      visits: after.visits.filter((v) => v.id !== 'v-namesake'),
      loans: after.loans.filter((l) => l.id !== 'l-typed-phone'),
      bookings: after.bookings.map((b) => ({ ...b, notes: '' })),
    });
    expect(personal(rest)).toEqual([]);
  });

  it('keeps every count: visits per month, loans, bookings, series, group sizes', () => {
    expect(monthlyVisitCounts(after.visits)).toEqual(monthlyVisitCounts(w.visits));
    expect(loanCounts(after.loans)).toEqual(loanCounts(w.loans));
    expect(bookingCounts(after.bookings)).toEqual(bookingCounts(w.bookings));
    const seriesKey = (s: PersonLinks['series']) => s!.map((x) => `${x.id}|${x.rrule}|${x.dtstart}|${x.template.category}|${x.template.roomId}|${x.status}`);
    expect(seriesKey(after.series)).toEqual(seriesKey(w.series));
    expect([after.visits.length, after.loans.length, after.bookings.length, after.groups.length]).toEqual([w.visits.length, w.loans.length, w.bookings.length, w.groups.length]);
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
