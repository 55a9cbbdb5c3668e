import { describe, expect, it } from 'vitest';
import ZSchema from 'z-schema';
import { schemas } from './schemas';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { wrappedValidateZSchemaStorage } from 'rxdb/plugins/validate-z-schema';
import { createRxDatabase, type RxStorage } from 'rxdb';
import { getCachedValidator, wrappedValidateCachedZSchemaStorage } from './validate';
import { generateDataset } from '../fixtures/generate';

const ds = generateDataset({ size: 'tiny', anchor: '2026-11-20T15:00' });

describe('cached z-schema validator', () => {
  it('accepts valid documents of every collection', () => {
    for (const [name, docs] of Object.entries(ds) as [keyof typeof ds, unknown[]][]) {
      const validate = getCachedValidator(schemas[name]);
      for (const doc of docs) expect(validate(doc), name).toEqual([]);
    }
  });

  it('refuses what the uncached validator refuses, with the same messages', () => {
    const validate = getCachedValidator(schemas.visits);
    const plain = ZSchema.create({ strictMode: false });
    const bad = [
      { ...ds.visits[0], adults: -1 },
      { ...ds.visits[0], timeIn: '2026-11-2' },
      { ...ds.visits[0], purpose: 'party' },
      { ...ds.visits[0], extra: 1 },
    ];
    for (const doc of bad) {
      const errors = validate(doc);
      expect(errors.length, JSON.stringify(doc)).toBeGreaterThan(0);
      const reference = plain.validateSafe(doc, schemas.visits as never) as { err?: { details?: { message: string }[] } };
      expect(errors.map((e) => e.message)).toEqual((reference.err?.details ?? []).map((d) => d.message));
    }
  });

  it('gives exactly the answers of z-schema given the schema object on every call (its speed is a bench figure)', () => {
    const docs = [...ds.visits.slice(0, 150), { ...ds.visits[0], adults: -1 }, { ...ds.visits[1], purpose: 42 }];
    const validate = getCachedValidator(schemas.visits);
    const plain = ZSchema.create({ strictMode: false });
    for (const d of docs) expect(validate(d).length === 0).toBe(plain.validateSafe(d, schemas.visits as never).valid);
  });

  it('checks a whole write in one call: true only when every document passes', () => {
    const validate = getCachedValidator(schemas.visits);
    const docs = ds.visits.slice(0, 50);
    expect(validate.all(docs)).toBe(true);
    expect(validate.all([])).toBe(true);
    expect(validate.all([...docs, { ...ds.visits[0], adults: -1 }])).toBe(false);
    expect(validate.all([{ ...ds.visits[0], extra: 1 }, ...docs])).toBe(false);
  });

  it('a bulk insert with refused documents gives the same errors as RxDB\'s own z-schema wrapper', async () => {
    const good = ds.rooms.slice(0, 3);
    const bad = [{ ...ds.rooms[3]!, capacity: -5 }, { ...ds.rooms[4]!, kind: 'garage' }];
    const run = async (storage: RxStorage<any, any>) => {
      const db = await createRxDatabase({ name: 'validate-' + Math.random().toString(36).slice(2), storage, multiInstance: false });
      const { rooms } = await db.addCollections({ rooms: { schema: schemas.rooms } });
      const result = await rooms!.bulkInsert([bad[0], ...good, bad[1]] as never[]);
      const stored = (await rooms!.find().exec()).map((d) => d.id).sort();
      await db.close();
      return {
        stored,
        errors: result.error.map((e: any) => ({ status: e.status, id: e.documentId, details: e.validationErrors.map((v: any) => [v.message, v.path]) })),
      };
    };
    const ours = await run(wrappedValidateCachedZSchemaStorage({ storage: getRxStorageMemory() }));
    const stock = await run(wrappedValidateZSchemaStorage({ storage: getRxStorageMemory() }));
    expect(ours.stored).toEqual(good.map((r) => r.id).sort());
    expect(ours.errors.map((e) => [e.status, e.id])).toEqual([[422, bad[0]!.id], [422, bad[1]!.id]]);
    expect(ours).toEqual(stock);
  });
});
