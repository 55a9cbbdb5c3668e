/**
 * The generated (Ajv standalone) checks stand in for z-schema on the fast path of every write, so they must be
 * up to date with the schemas and answer exactly like z-schema: a document one accepts and the other refuses
 * would either slip into the database unchecked or be refused with no reason given.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { fillWithDefaultSettings, type RxJsonSchema } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import ZSchema from 'z-schema';
import { describe, expect, it } from 'vitest';
import { schemas } from '../../shared/db/schemas';
import { createDatabase } from '../../shared/db/database';
import { generatedValidatorsState, getCachedValidator, loadGeneratedValidators } from '../../shared/db/validate';
import { validators } from '../../shared/db/validators.generated';
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

  it('are loaded by the first big write, not before (the first screen does not wait for them)', async () => {
    const db = await createDatabase({ name: `lazy-${Date.now().toString(36)}`, storage: getRxStorageMemory(), validate: true, multiInstance: false });
    try {
      const schema = db.visits.schema.jsonSchema as RxJsonSchema<any>;
      await db.visits.insert(ds.visits[0]! as never);
      await new Promise((r) => setTimeout(r, 50));
      expect(getCachedValidator(schema).kind()).toBe('z-schema');
      expect(generatedValidatorsState()).toBe('not asked');
      const result = await db.visits.bulkInsert(ds.visits.slice(1, 31) as never[]);
      expect(result.error).toEqual([]);
      expect(generatedValidatorsState()).not.toBe('not asked');
      await loadGeneratedValidators(); // the same promise the big write started
      expect(getCachedValidator(schema).kind()).toBe('generated');
    } finally {
      await db.close();
    }
  });

  it('exist for every collection, and a real database uses them once loaded', async () => {
    expect(Object.keys(validators).sort()).toEqual(names);
    await loadGeneratedValidators();
    const db = await createDatabase({ name: `gen-${Date.now().toString(36)}`, storage: getRxStorageMemory(), validate: true, multiInstance: false });
    try {
      for (const n of names) {
        const schema = (db.collections as Record<string, { schema: { jsonSchema: RxJsonSchema<any> } }>)[n]!.schema.jsonSchema;
        expect(getCachedValidator(schema).kind(), n).toBe('generated');
      }
    } finally {
      await db.close();
    }
  });

  it('accept every valid document of the dataset', () => {
    for (const n of names) for (const doc of samples[n]) expect(validators[n]!(doc), `${n} ${String(doc.id)}`).toBe(true);
  });

  it('answer like z-schema on random edits of real documents (seeded)', () => {
    const z = ZSchema.create({ strictMode: false });
    for (const n of names) z.setRemoteReference(`ref-${n}`, filled[n] as never);
    const withSamples = names.filter((n) => samples[n].length > 0);
    const value = fc.oneof(
      fc.jsonValue({ maxDepth: 2 }),
      fc.string({ maxLength: 12 }),
      fc.string({ minLength: 190, maxLength: 420 }),
      fc.constantFrom('2026-11-20', '2026-11-20T15:00', '2026-13-45T99:99', '18:00', '', 'open', 'cancelled', 'person', 'group'),
      fc.integer({ min: -5, max: 5000 }),
      fc.double({ noNaN: true }),
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
            const next = keys.length ? target[keys[e.path[depth]! % keys.length]!] : undefined;
            if (next && typeof next === 'object' && !Array.isArray(next)) target = next as Record<string, unknown>;
            else break;
          }
          const keys = Object.keys(target);
          const key = e.extraKey || keys.length === 0 ? `extra${e.path[0]! % 3}` : keys[e.path[e.path.length - 1]! % keys.length]!;
          if (e.value === undefined) delete target[key];
          else target[key] = e.value;
        }
        const zValid = (z.validateSafe(doc, `ref-${n}`) as { valid: boolean }).valid;
        const gValid = validators[n]!(doc);
        if (!zValid) refused++;
        expect(gValid, `${n}: ${JSON.stringify(doc).slice(0, 600)}`).toBe(zValid);
      }),
      { seed: 20261122, numRuns: 3000 },
    );
    // the edits must reach both answers, or the comparison proves little
    expect(refused).toBeGreaterThan(500);
    expect(refused).toBeLessThan(2900);
  });
});
