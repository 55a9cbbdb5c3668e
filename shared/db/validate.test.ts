import { describe, expect, it } from 'vitest';
import ZSchema from 'z-schema';
import { schemas } from './schemas';
import { getCachedValidator } from './validate';
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

  it('is much faster than passing the schema object on every call', () => {
    const docs = ds.visits.slice(0, 150);
    const validate = getCachedValidator(schemas.visits);
    const plain = ZSchema.create({ strictMode: false });
    let t = performance.now();
    for (const d of docs) plain.validateSafe(d, schemas.visits as never);
    const uncached = performance.now() - t;
    t = performance.now();
    for (const d of docs) validate(d);
    const cached = performance.now() - t;
    expect(cached).toBeLessThan(uncached / 2);
  });
});
