import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { getValidator } from 'rxdb/plugins/validate-z-schema';
import { schemas } from '../db/schemas';
import { compileSchema } from './jsonSchema';

const by = { desk: 'd', volunteer: 'v' };
const base = { createdAt: '2026-03-01T10:00:00.000Z', updatedAt: '2026-03-01T10:00:00.000Z', updatedBy: by };
const samples = {
  visits: { ...base, id: 'v1', timeIn: '2026-03-01T10:00', timeOut: '', personId: 'p1', purpose: 'club', adults: 1, children: 2, anonymised: false, edits: [{ at: 'x', by: 'y', what: 'z' }] },
  rooms: { ...base, id: 'r1', name: 'Зал', kind: 'hall', capacity: 80, archived: false, sections: [{ id: 'A', name: 'Сцена' }], openingHours: null, hourlyRate: 500 },
  settings: { ...base, id: 'centre', name: 'Соседи', openingHours: { mo: { open: '10:00', close: '20:00' }, tu: null }, closures: [{ from: '2026-01-01', to: '2026-01-08', reason: '' }], language: 'ru' },
  loans: { ...base, id: 'l1', status: 'open', borrower: { personId: 'p', groupId: '', name: 'n', phone: '' }, lines: [{ itemId: 'i', quantity: 1, returnedQuantity: 0 }], outAt: '2026-03-01T10:00', dueAt: '2026-03-08T10:00' },
} as const;

describe('the compiled JSON-schema validator agrees with z-schema (what RxDB uses)', () => {
  for (const [name, doc] of Object.entries(samples)) {
    const schema = schemas[name as keyof typeof samples] as unknown as Record<string, unknown>;
    const ours = compileSchema(schema);
    const reference = getValidator(schema as never);
    it(`${name}: the sample is valid for both`, () => {
      expect(reference(doc)).toEqual([]);
      expect(ours(doc)).toEqual([]);
    });
    it(`${name}: random edits are accepted or refused by both alike`, () => {
      const paths = collectPaths(doc);
      const value = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.string({ maxLength: 30 }), fc.integer({ min: -5, max: 2_000_000 }), fc.constantFrom('2026-03-01T10:00', 'tos', 'hall', 'club', '10:00', null));
      fc.assert(
        fc.property(fc.constantFrom(...paths), value, fc.boolean(), (path, v, remove) => {
          const edited = structuredClone(doc) as Record<string, unknown>;
          setPath(edited, path, v, remove);
          const asInFile = JSON.parse(JSON.stringify(edited)) as Record<string, unknown>; // what a backup file can hold
          expect({ ours: ours(asInFile).length === 0, asInFile }).toEqual({ ours: reference(asInFile).length === 0, asInFile });
        }),
        { numRuns: 150 },
      );
    });
  }

  it('refuses schemas with keywords it does not know', () => {
    expect(() => compileSchema({ type: 'object', patternProperties: {} })).toThrow(/patternProperties/);
  });
});

function collectPaths(v: unknown, prefix: string[] = [], out: string[][] = [['newField']]): string[][] {
  if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      out.push([...prefix, k]);
      collectPaths(x, [...prefix, k], out);
    }
  }
  return out;
}

function setPath(o: Record<string, unknown>, path: string[], v: unknown, remove: boolean): void {
  let cur: any = o;
  for (const k of path.slice(0, -1)) cur = cur[k];
  const last = path.at(-1)!;
  if (remove && Array.isArray(cur)) cur.splice(Number(last), 1);
  else if (remove) delete cur[last];
  else cur[last] = v;
}
