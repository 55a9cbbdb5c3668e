import type { RxCollection } from 'rxdb';
import type { ItemDoc } from '../db/schemas/items';

/**
 * Writes a validated CSV import: every item goes in, or none does.
 * RxDB has no transactions, so a batch that fails part-way (an id that is already taken, a document
 * the schema refuses, a storage error thrown mid-way) is taken back: the documents of this batch that
 * did go in are removed again. Documents that were there before the import are never touched.
 */
export async function insertAllOrNothing(items: RxCollection<ItemDoc>, docs: ItemDoc[]): Promise<boolean> {
  const ids = docs.map((d) => d.id);
  const before = new Set((await items.findByIds(ids).exec()).keys());
  let failed: boolean;
  try {
    failed = (await items.bulkInsert(docs)).error.length > 0;
  } catch {
    failed = true;
  }
  if (!failed) return true;
  const inserted = [...(await items.findByIds(ids).exec()).values()].filter((d) => !before.has(d.id));
  await Promise.all(inserted.map((d) => d.remove()));
  return false;
}
