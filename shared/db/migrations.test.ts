import { afterEach, describe, expect, it } from 'vitest';
import { addRxPlugin, createRxDatabase, type RxDatabase, type RxJsonSchema } from 'rxdb';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { wrappedValidateZSchemaStorage } from 'rxdb/plugins/validate-z-schema';
import { migrationStrategies } from './migrations';
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
    const storage = wrappedValidateZSchemaStorage({ storage: getRxStorageMemory() });
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

  it('has a strategy for every version step of every collection', () => {
    for (const c of COLLECTION_NAMES) {
      const version = schemas[c].version;
      for (let v = 1; v <= version; v++) expect(migrationStrategies[c][v], `${c} → v${v}`).toBeTypeOf('function');
    }
  });
});
