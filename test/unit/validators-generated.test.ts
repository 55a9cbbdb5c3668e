/**
 * The desk's two validators, both from the same schemas: the generated (Ajv standalone) checks of every write and
 * the server's validate_doc_update (shared/sync/checker.js, which the desk also runs on pulled documents). They must
 * be up to date with the schemas and answer alike: a document the desk writes and the server refuses would be stuck
 * in "could not sync"; one the server takes and the desk refuses would be held back on every other desk.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { fillWithDefaultSettings, type RxJsonSchema } from 'rxdb';
import { describe, expect, it } from 'vitest';
import { schemas } from '../../shared/db/schemas';
import { validators } from '../../shared/db/validators.generated';
import { checkDocument, validatorSchema } from '../../shared/sync/validate';
import { generateDataset } from '../../shared/fixtures/generate';
import { GENERATED_PATH, generateValidatorsSource } from '../../scripts/lib/validators';

const ds = generateDataset({ size: 'tiny', anchor: '2026-11-20T15:00' });
type Name = keyof typeof schemas;
const names = Object.keys(schemas).sort() as Name[];
const filled = Object.fromEntries(names.map((n) => [n, fillWithDefaultSettings(schemas[n] as RxJsonSchema<any>)])) as Record<Name, RxJsonSchema<any>>;
/** Valid documents as the storage sees them (RxDB's own fields added). */
const samples: Record<Name, Record<string, unknown>[]> = Object.fromEntries(
  names.map((n) => [
    n,
    ((ds as unknown as Record<string, Record<string, unknown>[]>)[n] ?? []).slice(0, 40).map((d, i) => ({ ...d, _deleted: false, _rev: `1-${i}abc`, _meta: { lwt: 1763640000000.25 + i }, _attachments: {} })),
  ]),
) as unknown as Record<Name, Record<string, unknown>[]>;

describe('generated validators', () => {
  it('are up to date with the schemas (run `npm run gen:validators` after a schema change)', () => {
    expect(readFileSync(GENERATED_PATH, 'utf8') === generateValidatorsSource(), `${GENERATED_PATH} is stale`).toBe(true);
  });

  it('need no eval and no import (the desk CSP forbids eval; the file must stand alone)', () => {
    const source = readFileSync(GENERATED_PATH, 'utf8');
    expect(source).not.toMatch(/\bnew Function\b|\beval\(|\brequire\(|^import /m);
  });

  it('exist for every collection', () => {
    expect(Object.keys(validators).sort()).toEqual(names);
  });

  it('accept every valid document of the dataset', () => {
    for (const n of names) for (const doc of samples[n]) expect(validators[n]!(doc), `${n} ${String(doc.id)}`).toBe(true);
  });

  it('answer like the server (validate_doc_update) on random edits of real documents (seeded)', () => {
    const server = Object.fromEntries(names.map((n) => [n, validatorSchema(filled[n] as never)]));
    const withSamples = names.filter((n) => samples[n].length > 0);
    const value = fc.oneof(
      fc.jsonValue({ maxDepth: 2 }),
      fc.string({ maxLength: 12 }),
      fc.string({ minLength: 190, maxLength: 420 }),
      fc.constantFrom('2026-11-20', '2026-11-20T15:00', '2026-13-45T99:99', '2026-02-31T10:00', '2028-02-29T10:00', '2026-02-29', '2026-11-20T24:00', '18:00', '25:00', '', 'open', 'cancelled', 'person', 'group'),
      fc.integer({ min: -5, max: 5000 }),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.constant(undefined),
    );
    const edit = fc.record({ collection: fc.constantFrom(...withSamples), pick: fc.nat(), path: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }), value, extraKey: fc.boolean() });
    let refused = 0;
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 3 }), (edits) => {
        const n = edits[0]!.collection;
        const docs = samples[n];
        const doc = structuredClone(docs[edits[0]!.pick % docs.length]!) as Record<string, unknown>;
        for (const e of edits) {
          // walk down existing keys by index, then change (or add) one
          let target: Record<string, unknown> = doc;
          for (let depth = 0; depth < e.path.length - 1; depth++) {
            const keys = Object.keys(target);
            const at = keys.length ? keys[e.path[depth]! % keys.length]! : '';
            const next = target[at];
            if (target === doc && at.startsWith('_')) break;
            if (next && typeof next === 'object' && !Array.isArray(next)) target = next as Record<string, unknown>;
            else break;
          }
          const keys = Object.keys(target);
          const key = e.extraKey || keys.length === 0 ? `extra${e.path[0]! % 3}` : keys[e.path[e.path.length - 1]! % keys.length]!;
          // RxDB's own fields and the primary key are the storage's business: the server sees `_id` and its own `_rev`
          if (target === doc && (key.startsWith('_') || key === 'id')) continue;
          if (e.value === undefined) delete target[key];
          else target[key] = e.value;
        }
        const serverValid = checkDocument(server[n]!, doc, true).length === 0;
        const deskValid = validators[n]!(doc);
        if (!serverValid) refused++;
        expect(deskValid, `${n}: ${JSON.stringify(doc).slice(0, 600)}`).toBe(serverValid);
      }),
      { seed: 20261122, numRuns: 3000 },
    );
    // the edits must reach both answers, or the comparison proves little
    expect(refused).toBeGreaterThan(500);
    expect(refused).toBeLessThan(2900);
  });
});
