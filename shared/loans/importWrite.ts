import type { RxCollection } from 'rxdb';
import type { ItemDoc } from '../db/schemas/items';

/**
 * Writes a validated CSV import: every item goes in, or none does.
 * RxDB has no transactions, so a batch that fails part-way (an id that is already taken, a document
 * the schema refuses, a storage error thrown mid-way) is taken back: the documents of this batch that
 * did go in are removed again. Documents that were there before the import are never touched.
 * Resolves false when RxDB refused some documents; a thrown error (a full disk, a call RxDB refuses whole) is
 * thrown again after the take-back, so the desk can say what went wrong instead of blaming the file.
 */
export async function insertAllOrNothing(items: RxCollection<ItemDoc>, docs: ItemDoc[]): Promise<boolean> {
  const ids = docs.map((d) => d.id);
  const before = new Set((await items.findByIds(ids).exec()).keys());
  let failed: boolean;
  let thrown: { error: unknown } | null = null;
  try {
    failed = (await items.bulkInsert(docs)).error.length > 0;
  } catch (error) {
    failed = true;
    thrown = { error };
  }
  if (!failed) return true;
  const inserted = [...(await items.findByIds(ids).exec()).values()].filter((d) => !before.has(d.id));
  await Promise.all(inserted.map((d) => d.remove()));
  if (thrown) throw thrown.error;
  return false;
}
