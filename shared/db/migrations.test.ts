import { afterEach, describe, expect, it } from 'vitest';
import { addRxPlugin, createRxDatabase, type RxDatabase, type RxJsonSchema } from 'rxdb';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { migrationStrategies } from './migrations';
import { createDatabase } from './database';
import { generateDataset } from '../fixtures/generate';
import { schemas } from './schemas';
import { COLLECTION_NAMES } from './types';

addRxPlugin(RxDBMigrationSchemaPlugin);

/** A test collection that goes from v0 (one `name` field) to v1 (`firstName` + `lastName`). */
const v0: RxJsonSchema<any> = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: { id: { type: 'string', maxLength: 64 }, name: { type: 'string' } },
  required: ['id', 'name'],
};
const v1: RxJsonSchema<any> = {
  version: 1,
  primaryKey: 'id',
  type: 'object',
  properties: { id: { type: 'string', maxLength: 64 }, firstName: { type: 'string' }, lastName: { type: 'string' } },
  required: ['id', 'firstName', 'lastName'],
};

const dbs: RxDatabase[] = [];
afterEach(async () => {
  await Promise.all(dbs.splice(0).map((db) => db.close()));
});

describe('schema migrations', () => {
  it('migrates a stored v0 document to v1 when the app opens with the new schema', async () => {
    const storage = getRxStorageMemory();
    const name = 'migrate-' + Math.random().toString(36).slice(2);
    const first = await createRxDatabase({ name, storage, multiInstance: false });
    dbs.push(first);
    await first.addCollections({ people: { schema: v0 } });
    await first.people!.insert({ id: 'p1', name: 'Анна Петрова' });
    await first.close();

    const second = await createRxDatabase({ name, storage, multiInstance: false });
    dbs.push(second);
    await second.addCollections({
      people: {
        schema: v1,
        migrationStrategies: {
          1: (doc: { id: string; name: string }) => {
            const [firstName = '', ...rest] = doc.name.split(' ');
            return { id: doc.id, firstName, lastName: rest.join(' ') };
          },
        },
      },
    });
    const doc = await second.people!.findOne('p1').exec();
    expect(doc?.toJSON()).toMatchObject({ id: 'p1', firstName: 'Анна', lastName: 'Петрова' });
  });

  it('brings times no reader understands, stored before the patterns were strict, to what a lax reader showed', () => {
    const booking = { start: '2026-02-31T10:00', end: '2026-02-31T11:30', occurrenceStart: '' };
    expect(migrationStrategies.bookings[1]!(booking, undefined as never)).toEqual({ start: '2026-03-03T10:00', end: '2026-03-03T11:30', occurrenceStart: '' });
    expect(migrationStrategies.visits[2]!({ timeIn: '2026-01-01T25:00', timeOut: '2026-01-01T10:00:60' }, undefined as never)).toEqual({ timeIn: '2026-01-02T01:00', timeOut: '2026-01-01T10:01:00' });
    const loan = { outAt: '2026-13-01T10:00', dueAt: '2027-01-08T10:00', returnedAt: 'soon', lines: [{ returnedAt: '2026-04-31T12:00' }] };
    expect(migrationStrategies.loans[1]!(loan, undefined as never)).toEqual({ outAt: '2027-01-01T10:00', dueAt: '2027-01-08T10:00', returnedAt: '', lines: [{ returnedAt: '2026-05-01T12:00' }] });
    const series = { dtstart: '2026-02-29T18:00', endedOn: '2026-06-31', exceptions: [{ occurrenceStart: '2026-03-07T18:00' }, { occurrenceStart: 'x' }] };
    expect(migrationStrategies.series[1]!(series, undefined as never)).toEqual({ dtstart: '2026-03-01T18:00', endedOn: '2026-07-01', exceptions: [{ occurrenceStart: '2026-03-07T18:00' }] });
    expect(migrationStrategies.settings[1]!({ closures: [{ from: '2026-02-30', to: '2026-03-02' }], posterPrints: [] }, undefined as never)).toEqual({ closures: [{ from: '2026-03-02', to: '2026-03-02' }], posterPrints: [] });
  });

  it("settings v2 (the centre's time zone) keeps a v1 document as it was: no zone = each desk's own, as before", () => {
    const v1 = { id: 'centre', name: 'Соседи', closures: [], posterPrints: [] };
    expect(migrationStrategies.settings[2]!(v1, undefined as never)).toEqual(v1);
  });

  it('a desk that stored "2026-02-31T10:00" under the lax v0 schema opens with the strict schema, the booking rolled over', async () => {
    const storage = getRxStorageMemory();
    const name = 'strict-' + Math.random().toString(36).slice(2);
    const lax = { type: 'string', maxLength: 19, pattern: '^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d(:\\d\\d)?$' };
    const v0 = { ...schemas.bookings, version: 0, properties: { ...schemas.bookings.properties, start: lax, end: lax, occurrenceStart: { type: 'string', maxLength: 19 } } };
    const old = await createRxDatabase({ name, storage, multiInstance: false });
    await old.addCollections({ bookings: { schema: v0 as never } });
    const booking = generateDataset({ size: 'tiny', anchor: '2026-02-20T15:00' }).bookings[0]!;
    await old.bookings!.insert({ ...booking, id: 'b-old', start: '2026-02-31T10:00', end: '2026-02-31T11:30' });
    await old.close();

    const db = await createDatabase({ name, storage, multiInstance: false, collections: ['bookings'] });
    dbs.push(db as unknown as RxDatabase);
    const migrated = (await db.bookings.findOne('b-old').exec())!.toJSON();
    expect([migrated.start, migrated.end, migrated.title]).toEqual(['2026-03-03T10:00', '2026-03-03T11:30', booking.title]);
  });

  it('has a strategy for every version step of every collection', () => {
    for (const c of COLLECTION_NAMES) {
      const version = schemas[c].version;
      for (let v = 1; v <= version; v++) expect(migrationStrategies[c][v], `${c} → v${v}`).toBeTypeOf('function');
    }
  });
});
