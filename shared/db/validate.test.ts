import { describe, expect, it } from 'vitest';
import { fillWithDefaultSettings, type RxJsonSchema } from 'rxdb';
import { schemas } from './schemas';
import { testDatabases } from './testDatabase';
import { generatedCheck } from './validate';
import * as generated from './validators.generated';
import { generateDataset } from '../fixtures/generate';

const ds = generateDataset({ size: 'tiny', anchor: '2026-11-20T15:00' });
const database = testDatabases();
type Refusal = { status: number; documentId: string; validationErrors: { path: string; keyword: string; message: string }[] };

describe('the desk checks every write with the generated checks', () => {
  it('accepts the whole dataset', async () => {
    const db = await database();
    for (const [name, docs] of Object.entries(ds) as [keyof typeof ds, unknown[]][]) {
      const result = await (db.collections as any)[name].bulkInsert(docs);
      expect(result.error, name).toEqual([]);
    }
  });

  it('stores the valid documents of a write and refuses the others with status 422, id and details', async () => {
    const db = await database();
    const good = ds.rooms.slice(0, 3);
    const bad = [{ ...ds.rooms[3]!, capacity: -5 }, { ...ds.rooms[4]!, kind: 'garage' }, { ...ds.rooms[5]!, extra: 1 }];
    const result = await db.rooms.bulkInsert([bad[0], ...good, bad[1], bad[2]] as never[]);
    expect((await db.rooms.find().exec()).map((d) => d.id).sort()).toEqual(good.map((r) => r.id).sort());
    const refusals = (result.error as unknown as Refusal[]).map((e) => [e.status, e.documentId, e.validationErrors.map((v) => `${v.path} ${v.keyword}`)]);
    expect(refusals).toEqual([
      [422, bad[0]!.id, ['#/capacity minimum']],
      [422, bad[1]!.id, ['#/kind enum']],
      [422, bad[2]!.id, ['# additionalProperties']],
    ]);
    expect((result.error[0] as unknown as Refusal).validationErrors[0]!.message).toBe('must be >= 0');
  });

  it('refuses a time no desk can read (2026-02-31, hour 24), where the old patterns let it in', async () => {
    const db = await database();
    const booking = ds.bookings[0]!;
    for (const start of ['2026-02-31T10:00', '2026-13-01T10:00', '2026-01-01T24:00', '2025-02-29T10:00']) {
      await expect(db.bookings.insert({ ...booking, id: `b-${start}`, start } as never), start).rejects.toThrow(/VD2|validation/i);
    }
    await db.bookings.insert({ ...booking, id: 'b-leap', start: '2028-02-29T10:00', end: '2028-02-29T11:00' } as never);
    await expect(db.visits.insert({ ...ds.visits[0]!, id: 'v-bad', timeOut: '2026-11-20T25:00' } as never)).rejects.toThrow(/VD2|validation/i);
  });

  it("leaves RxDB's own instances and older schema versions alone, and refuses a stale generated file", () => {
    const filled = (s: RxJsonSchema<any>) => fillWithDefaultSettings(s);
    expect(generatedCheck(generated, filled(schemas.visits))).toBe(generated.validators.visits);
    expect(generatedCheck(generated, filled({ ...schemas.visits, version: 0 }))).toBeNull();
    expect(generatedCheck(generated, filled({ ...schemas.visits, title: 'RxInternalDocument' }))).toBeNull();
    const changed = filled({ ...schemas.visits, properties: { ...schemas.visits.properties, notes: { type: 'string', maxLength: 9 } } });
    expect(() => generatedCheck(generated, changed)).toThrow(/gen:validators/);
  });
});
