/**
 * The sync inbox's commands: every write the inbox makes, by name. Components call them through
 * `useConflictCommands()` (./hooks.ts); nothing else in the feature touches a collection.
 */
import type { RxCollection } from 'rxdb';
import { stampChange, stampNew, type Author, type ConflictDoc, type DeskDatabase } from '@shared/db';
import { shortHash } from '@shared/sync';

type Json = Record<string, unknown>;

/** The collection a conflict record points at, by name (the record stores it as a string). */
export function collectionOf(db: DeskDatabase, name: string): RxCollection<any> | undefined {
  return (db.collections as unknown as Record<string, RxCollection<any> | undefined>)[name];
}

/**
 * conflicts.resolve: writes the chosen field values into the live document (or deletes it), then marks the
 * conflict resolved; both sync to the other desks.
 */
async function resolve(db: DeskDatabase, author: Author, conflict: ConflictDoc, resolution: string, patch: Json | 'delete' | null): Promise<void> {
  const collection = collectionOf(db, conflict.docCollection);
  const doc = collection ? await collection.findOne(conflict.docId).exec() : null;
  if (doc && patch === 'delete') await doc.remove();
  else if (doc && patch && Object.keys(patch).length > 0)
    await doc.incrementalModify((d: Json) => {
      const out = { ...d, ...stampChange({}, author) } as Json;
      for (const [k, v] of Object.entries(patch)) {
        if (v === undefined) delete out[k];
        else out[k] = v;
      }
      return out;
    });
  const record = await db.conflicts.findOne(conflict.id).exec();
  await record?.incrementalPatch(stampChange({ status: 'resolved' as const, resolution }, author));
}

/** conflicts.dismissClash: a double booking or over-lent item a person has dealt with. */
async function dismissClash(db: DeskDatabase, author: Author, key: string, collection: string): Promise<void> {
  // the same id on every desk: two desks dismissing the same clash write one record
  const id = `dc-${shortHash(key)}`;
  const existing = await db.conflicts.findOne(id).exec();
  if (existing) return;
  await db.conflicts.insert(
    stampNew({ kind: 'dismissed-clash' as const, docCollection: collection, docId: key.slice(0, 300), fields: [], kept: '', other: '', status: 'resolved' as const, resolution: 'dismissed' }, author, id),
  );
}

export const conflicts = { resolve, dismissClash };
