import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mergePeople } from './merge';
import { applyPatches, resolvePersonId, type PersonLinks } from './patches';
import { booking, group, loan, person, series, visit } from './testDocs';

const ids = ['a', 'b', 'c', ''] as const;
const pid = fc.constantFrom(...ids);

/** Random documents linking to people a, b, c (or nobody). */
const linksArb = fc.record({
  visits: fc.array(pid, { maxLength: 15 }),
  loans: fc.array(pid, { maxLength: 10 }),
  bookings: fc.array(fc.tuple(pid, fc.constantFrom('person', 'group', 'free') as fc.Arbitrary<'person' | 'group' | 'free'>), { maxLength: 10 }),
  groups: fc.array(fc.tuple(fc.subarray(['a', 'b', 'c', 'x']), pid), { maxLength: 6 }),
  tombstones: fc.array(fc.constantFrom('a', 'b', 'c'), { maxLength: 4 }),
  series: fc.array(fc.tuple(pid, fc.constantFrom('person', 'free') as fc.Arbitrary<'person' | 'free'>), { maxLength: 5 }),
});

type Spec = typeof linksArb extends fc.Arbitrary<infer T> ? T : never;

function build(spec: Spec): { survivor: ReturnType<typeof person>; dup: ReturnType<typeof person>; links: PersonLinks } {
  const survivor = person('a', 'Анна Петрова', { phone: '', tags: ['пироги'], notes: 'приходит по средам' });
  const dup = person('b', 'Анна Петрова', { phone: '+7 912 000 11 22', email: 'anna@example.org', tags: ['Пироги', 'вязание'], notes: 'дубль' });
  const c = person('c', 'Сергей');
  const tombs = spec.tombstones.map((into, i) => person(`t${i}`, 'old', { mergedInto: into }));
  return {
    survivor,
    dup,
    links: {
      people: [survivor, dup, c, ...tombs],
      visits: spec.visits.map((p, i) => visit(`v${i}`, { personId: p })),
      loans: spec.loans.map((p, i) => loan(`l${i}`, p)),
      bookings: spec.bookings.map(([p, kind], i) => booking(`b${i}`, p, { organiser: { kind, refId: kind === 'free' ? '' : p, name: 'x', phone: '' } })),
      groups: spec.groups.map(([members, contact], i) => group(`g${i}`, `Группа ${i}`, { memberIds: members, contactPersonId: contact })),
      series: spec.series.map(([p, kind], i) => series(`s${i}`, kind === 'person' ? p : '')),
    },
  };
}

describe('mergePeople', () => {
  it('fills the survivor from the duplicate and keeps the duplicate as a tombstone without personal data', () => {
    const { survivor, dup, links } = build({ visits: [], loans: [], bookings: [], groups: [], tombstones: [], series: [] });
    const r = mergePeople(survivor, dup, links);
    if (!r.ok) throw new Error(r.code);
    const [after, tomb] = applyPatches(links.people, r.patches.people);
    expect(after).toMatchObject({ id: 'a', phone: '+7 912 000 11 22', email: 'anna@example.org', tags: ['пироги', 'вязание'], notes: 'приходит по средам\nдубль' });
    expect(tomb).toEqual({ ...dup, mergedInto: 'a', name: '', phone: '', email: '', notes: '', tags: [], consent: { given: false, date: '', recordedBy: '' } });
    expect(JSON.stringify(tomb)).not.toMatch(/Петрова|912|anna@|дубль|вязание/);
    // A tombstone already merged into the duplicate is re-pointed and blanked too.
    const old = person('t0', 'Анна П.', { mergedInto: 'b', phone: '+7 912 000 11 22' });
    const r2 = mergePeople(survivor, dup, { ...links, people: [...links.people, old] });
    expect(r2.ok && applyPatches([old], r2.patches.people)[0]).toMatchObject({ mergedInto: 'a', name: '', phone: '' });
  });

  it('refuses to merge a person with itself, a tombstone or an erased person', () => {
    const { survivor, dup, links } = build({ visits: [], loans: [], bookings: [], groups: [], tombstones: [], series: [] });
    expect(mergePeople(survivor, survivor, links)).toEqual({ ok: false, code: 'merge.samePerson' });
    expect(mergePeople(survivor, { ...dup, mergedInto: 'c' }, links)).toEqual({ ok: false, code: 'merge.alreadyMerged' });
    expect(mergePeople(survivor, { ...dup, erased: true }, links)).toEqual({ ok: false, code: 'merge.erased' });
  });

  it('keeps every link: whatever pointed at either person points at the survivor, nothing else changes', () => {
    fc.assert(
      fc.property(linksArb, (spec) => {
        const { survivor, dup, links } = build(spec);
        const r = mergePeople(survivor, dup, links);
        if (!r.ok) throw new Error(r.code);
        const to = (id: string) => (id === 'b' ? 'a' : id);

        const visits = applyPatches(links.visits, r.patches.visits);
        expect(visits.map((v) => v.personId)).toEqual(links.visits.map((v) => to(v.personId)));
        expect(visits.filter((v) => v.personId === 'a').length).toBe(links.visits.filter((v) => v.personId === 'a' || v.personId === 'b').length);

        const loans = applyPatches(links.loans, r.patches.loans);
        expect(loans.map((l) => l.borrower.personId)).toEqual(links.loans.map((l) => to(l.borrower.personId)));
        expect(loans.map((l) => l.lines)).toEqual(links.loans.map((l) => l.lines));

        const bookings = applyPatches(links.bookings, r.patches.bookings);
        bookings.forEach((b, i) => {
          const before = links.bookings[i]!.organiser;
          expect(b.organiser).toEqual(before.kind === 'person' ? { ...before, refId: to(before.refId) } : before);
        });

        const seriesAfter = applyPatches(links.series ?? [], r.patches.series);
        seriesAfter.forEach((x, i) => {
          const before = links.series![i]!.template.organiser;
          expect(x.template).toEqual({ ...links.series![i]!.template, organiser: before.kind === 'person' ? { ...before, refId: to(before.refId) } : before });
        });

        const groups = applyPatches(links.groups, r.patches.groups);
        groups.forEach((g, i) => {
          const before = links.groups[i]!;
          const hadEither = before.memberIds.includes('a') || before.memberIds.includes('b');
          expect(g.memberIds.includes('a')).toBe(hadEither);
          expect(g.memberIds.includes('b')).toBe(false);
          expect(new Set(g.memberIds).size).toBe(g.memberIds.length);
          for (const other of ['c', 'x']) expect(g.memberIds.includes(other)).toBe(before.memberIds.includes(other));
          expect(g.contactPersonId).toBe(to(before.contactPersonId));
        });

        // Every old id, tombstones included, resolves to where it pointed before (b → a).
        const people = new Map(applyPatches(links.people, r.patches.people).map((p) => [p.id, p]));
        for (const p of links.people) {
          const before = resolvePersonId(p.id, new Map(links.people.map((x) => [x.id, x])));
          expect(resolvePersonId(p.id, people)).toBe(to(before));
        }
      }),
      { numRuns: 200 },
    );
  });
});
