import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { schemas } from '../db/schemas';
import { COLLECTION_NAMES } from '../db/types';
import { checkerSource } from '../../scripts/lib/checkerSource';
import { checkDocument, validateDocUpdateSource, validatorSchema } from './validate';

// Tests may evaluate code; the app never does (strict CSP). The text CouchDB gets, evaluated as CouchDB would.
const es5Checker = new Function(`return (${checkerSource()});`)() as typeof checkDocument;

const anyValue = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.integer({ min: -5, max: 2_000_000 }),
  fc.double({ noNaN: true, min: -10, max: 10 }),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 6 }), fc.string({ maxLength: 6 }), { maxKeys: 3 }),
);

describe('document checker (desk and server)', () => {
  it('the text given to CouchDB is the function the desk imports, and plain ES5', () => {
    expect(checkerSource()).toMatch(/^function checkDocument\(schema, doc, strictExtra\) \{/);
    expect(checkerSource()).not.toMatch(/=>|\bconst\b|\blet\b|\.\.\.|`|\bexport\b|\bimport\b/);
  });

  it('the ES5 source given to CouchDB answers exactly like the desk checker', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...COLLECTION_NAMES),
        fc.dictionary(fc.constantFrom('id', 'name', 'title', 'status', 'quantity', 'capacity', 'sections', 'start', 'organiser', 'x', '_rev'), anyValue),
        fc.boolean(),
        (name, doc, strict) => {
          const schema = validatorSchema(schemas[name] as never);
          expect(es5Checker(schema, doc, strict)).toEqual(checkDocument(schema, doc, strict));
        },
      ),
      { numRuns: 1000, seed: 6 },
    );
  });

  it('finds required, type, enum, maxLength, minimum and unknown fields', () => {
    const schema = validatorSchema(schemas.rooms as never);
    const problems = checkDocument(schema, { name: 'x'.repeat(500), capacity: -1, kind: 'castle', extra: 1 }, true);
    const rules = problems.map((p) => `${p.path}:${p.rule}`);
    expect(rules).toEqual(expect.arrayContaining(['name:maxLength', 'capacity:minimum', 'createdAt:required', 'extra:unknown']));
    expect(rules).not.toContain('id:required'); // the primary key travels as _id
    expect(checkDocument(schema, { name: 'x', extra: 1 }, false).some((p) => p.rule === 'unknown')).toBe(false);
  });

  it('builds a validate_doc_update that refuses a bad document and passes a good one and deletions', () => {
    const fn = new Function(`return (${validateDocUpdateSource(schemas.people as never, checkerSource())});`)() as (n: unknown) => void;
    const good = { _id: 'p1', name: 'Анна', createdAt: 'a', updatedAt: 'b', updatedBy: { desk: 'd', volunteer: 'v' } };
    expect(() => fn(good)).not.toThrow();
    expect(() => fn({ ...good, name: 5 })).toThrow();
    try {
      fn({ ...good, name: 5 });
    } catch (e) {
      expect(e).toEqual({ forbidden: 'schema: name: type' });
    }
    expect(() => fn({ _id: 'p1', _deleted: true })).not.toThrow();
    const visit = new Function(`return (${validateDocUpdateSource(schemas.visits as never, checkerSource())});`)() as (n: unknown) => void;
    const ok = { _id: 'v1', timeIn: '2026-02-28T10:00', timeOut: '', purpose: 'visit', createdAt: 'a', updatedAt: 'b', updatedBy: { desk: 'd', volunteer: 'v' } };
    expect(() => visit(ok)).not.toThrow();
    expect(() => visit({ ...ok, timeIn: '2026-02-31T10:00' })).toThrow(); // a time no desk could read
    expect(() => visit({ ...ok, timeOut: '2026-03-01T24:00' })).toThrow();
    expect(() => fn({ _id: '_design/x', views: {} })).not.toThrow();
  });
});
