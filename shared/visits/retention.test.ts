import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { retentionPatches, retentionCutoff } from './retention';
import { visitorKey } from './visitorKey';
import { applyPatches } from '../people/patches';
import { visit } from '../people/testDocs';
import { makeVisits, monthlyVisitCounts, visitArb } from './testutil';

describe('retentionPatches', () => {
  const now = new Date(2026, 2, 15, 12, 0); // 15 March 2026, local

  it('anonymises visits older than the period and nothing else', () => {
    const visits = [
      visit('old', { timeIn: '2025-12-14T10:00', personId: 'p1', notes: 'x' }),
      visit('edge', { timeIn: '2025-12-15T09:00', name: 'Мария' }),
      visit('new', { timeIn: '2026-03-15T09:00', name: 'Олег' }),
      visit('done', { timeIn: '2025-01-01T09:00', anonymised: true }),
    ];
    expect(retentionCutoff(91, now)).toBe('2025-12-14');
    expect(retentionPatches(visits, 90, now)).toEqual([
      { id: 'old', patch: { name: '', personId: '', notes: '', anonymised: true, visitorKey: visitorKey('p1', '2025-12-14T10:00') } },
    ]);
    expect(retentionPatches(visits, 0, now)).toEqual([]);
    expect(retentionPatches(visits, Number.NaN, now)).toEqual([]);
  });

  it('re-anonymises an old visit that got a name back (e.g. an edit synced from an old desk)', () => {
    const v = visit('x', { timeIn: '2025-01-01T09:00', anonymised: true, name: 'Снова' });
    expect(retentionPatches([v], 30, now).map((p) => p.id)).toEqual(['x']);
  });

  it('keeps monthly counts exactly, removes every name before the cut-off, touches nothing after it, and is idempotent', () => {
    fc.assert(
      fc.property(fc.array(visitArb, { maxLength: 60 }), fc.integer({ min: 0, max: 500 }), (specs, days) => {
        const visits = makeVisits(specs);
        const patches = retentionPatches(visits, days, now);
        const after = applyPatches(visits, patches);
        expect(monthlyVisitCounts(after)).toEqual(monthlyVisitCounts(visits));
        const cutoff = retentionCutoff(days, now);
        after.forEach((v, i) => {
          const before = visits[i]!;
          if (cutoff !== null && v.timeIn.slice(0, 10) < cutoff) {
            expect(v).toMatchObject({ name: '', personId: '', notes: '', anonymised: true });
          } else {
            expect(v).toEqual(before);
          }
          // a visit linked to a person keeps a one-way key of (person, year) instead of the link
          expect(v.visitorKey).toBe(v.anonymised && before.personId ? visitorKey(before.personId, before.timeIn) : before.visitorKey);
          const { name: _n, personId: _p, notes: _no, anonymised: _a, visitorKey: _k, ...kept } = v;
          const { name: _n2, personId: _p2, notes: _no2, anonymised: _a2, visitorKey: _k2, ...keptBefore } = before;
          expect(kept).toEqual(keptBefore);
        });
        expect(retentionPatches(after, days, now)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});
