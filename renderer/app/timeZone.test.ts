import { afterEach, describe, expect, it } from 'vitest';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { createDatabase, SETTINGS_ID, type DeskDatabase } from '@shared/db';
import { centreTimeZoneOf, deskTimeZone } from './timeZone';
import { centre } from '../features/settings/commands';

let db: DeskDatabase | null = null;
afterEach(async () => {
  await db?.close();
  db = null;
});

describe("the centre's time zone", () => {
  it("is the centre's setting when it has one, else the zone this computer remembered, else this computer's", () => {
    expect(centreTimeZoneOf('Asia/Novokuznetsk', 'Asia/Omsk')).toBe('Asia/Novokuznetsk');
    expect(centreTimeZoneOf(undefined, 'Asia/Omsk')).toBe('Asia/Omsk');
    expect(centreTimeZoneOf('', null)).toBe(deskTimeZone());
    expect(centreTimeZoneOf('Mars/Olympus', 'nowhere')).toBe(deskTimeZone());
  });

  it('is saved in the settings document (synced with the centre), which the write checks accept', async () => {
    db = await createDatabase({ name: 'tz' + Math.random().toString(36).slice(2), storage: getRxStorageMemory(), devMode: true, multiInstance: false });
    await centre.save({ db, author: { desk: 'desk-1', volunteer: 'Анна' } } as never, { name: 'Соседи', timeZone: 'Asia/Novokuznetsk' });
    const doc = await db.settings.findOne(SETTINGS_ID).exec();
    expect(doc?.timeZone).toBe('Asia/Novokuznetsk');
    expect(centreTimeZoneOf(doc?.timeZone, null)).toBe('Asia/Novokuznetsk');
  });
});
