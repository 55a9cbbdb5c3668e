import { describe, expect, it } from 'vitest';
import { testDatabases } from './testDatabase';
import { stampNew } from './meta';
import { COLLECTION_NAMES } from './types';

const by = { desk: 'test-desk', volunteer: 'Анна' };
const openDb = testDatabases();

describe('createDatabase', () => {
  it('creates every collection of the design', async () => {
    const db = await openDb();
    expect(Object.keys(db.collections).sort()).toEqual([...COLLECTION_NAMES].sort());
  });

  it('stores a valid room and refuses an invalid one with a clear error', async () => {
    const db = await openDb();
    await db.rooms.insert(stampNew({ name: 'Зал-трансформер', kind: 'hall', capacity: 80, archived: false } as any, by, 'room-1'));
    expect((await db.rooms.findOne('room-1').exec())?.name).toBe('Зал-трансформер');
    await expect(
      db.rooms.insert(stampNew({ name: 'Bad', kind: 'hall', capacity: -5, archived: false } as any, by, 'room-2')),
    ).rejects.toThrow(/capacity|minimum|VD2/i);
    expect(await db.rooms.findOne('room-2').exec()).toBeNull();
  });
});
