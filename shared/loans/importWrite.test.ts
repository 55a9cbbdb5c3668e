import { afterEach, describe, expect, it } from 'vitest';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { createDatabase, stampNew, type DeskDatabase, type ItemDoc } from '../db';
import { insertAllOrNothing } from './importWrite';
import { by } from './testkit';

let db: DeskDatabase | undefined;
afterEach(async () => {
  await db?.close();
  db = undefined;
});
const open = async () => (db = await createDatabase({ name: 'loans-import-' + Math.random().toString(36).slice(2), storage: getRxStorageMemory(), devMode: true }));

function itemDoc(id: string, name: string, patch: Partial<ItemDoc> = {}): ItemDoc {
  const data = { name, category: '', code: `C-${id}`, tracking: 'counted' as const, quantity: 10, location: '', condition: '', deposit: 0, loanDays: 7, notes: '', photo: '', archived: false };
  return stampNew({ ...data, ...patch }, by, id);
}
const stored = async (d: DeskDatabase) => (await d.items.find().exec()).map((x) => `${x.id}:${x.name}`).sort();

describe('CSV import write: all or nothing', () => {
  it('writes the whole batch when every insert succeeds', async () => {
    const d = await open();
    expect(await insertAllOrNothing(d.items, [itemDoc('a', 'Стулья'), itemDoc('b', 'Чашки')])).toBe(true);
    expect(await stored(d)).toEqual(['a:Стулья', 'b:Чашки']);
  });

  it('an id already in the catalogue half-way: the rows before and after it are taken back, the old item is untouched', async () => {
    const d = await open();
    await d.items.insert(itemDoc('x', 'Проектор'));
    const batch = [itemDoc('a', 'Стулья'), itemDoc('b', 'Чашки'), itemDoc('x', 'Другой проектор'), itemDoc('c', 'Мячи')];
    expect(await insertAllOrNothing(d.items, batch)).toBe(false);
    expect(await stored(d)).toEqual(['x:Проектор']);
    expect((await d.items.findOne('x').exec())?.updatedAt).toBe((await d.items.findOne('x').exec())?.createdAt);
  });

  it('the same id twice inside one batch (RxDB refuses the whole call) leaves nothing and passes the error on', async () => {
    const d = await open();
    await expect(insertAllOrNothing(d.items, [itemDoc('a', 'Стулья'), itemDoc('a', 'Стулья ещё раз')])).rejects.toThrow();
    expect(await stored(d)).toEqual([]);
  });

  it('a document the schema refuses half-way leaves nothing either', async () => {
    const d = await open();
    const batch = [itemDoc('a', 'Стулья'), itemDoc('b', 'Чашки', { quantity: -1 }), itemDoc('c', 'Мячи')];
    expect(await insertAllOrNothing(d.items, batch)).toBe(false);
    expect(await stored(d)).toEqual([]);
  });

  it('a retry after fixing the file goes in whole', async () => {
    const d = await open();
    await d.items.insert(itemDoc('x', 'Проектор'));
    expect(await insertAllOrNothing(d.items, [itemDoc('a', 'Стулья'), itemDoc('x', 'Дубль')])).toBe(false);
    expect(await insertAllOrNothing(d.items, [itemDoc('a', 'Стулья'), itemDoc('y', 'Дубль')])).toBe(true);
    expect(await stored(d)).toEqual(['a:Стулья', 'x:Проектор', 'y:Дубль']);
  });
});
