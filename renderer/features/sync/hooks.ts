/** The inbox's hooks: the conflicted document, live, and the conflict commands bound to this desk. */
import { useMemo } from 'react';
import type { ConflictDoc } from '@shared/db';
import { useCommands, useDb, useLiveQuery } from '../../app/db';
import { attemptWrite } from '../../app/writeFailure';
import { collectionOf, conflicts } from './commands';

/** The document a conflict is about, as it is now (undefined while loading, null when it is gone). */
export function useConflictedDocument(conflict: Pick<ConflictDoc, 'docCollection' | 'docId'>): Record<string, unknown> | null | undefined {
  const current = useLiveQuery((db) => collectionOf(db, conflict.docCollection)?.findOne(conflict.docId) ?? null, [conflict.docCollection, conflict.docId]);
  return current.data as Record<string, unknown> | null | undefined;
}

/** conflicts.* for this desk and volunteer; a failed write is said in words (attemptWrite). */
export function useConflictCommands() {
  return useCommands(({ db, author }) => ({
    resolve: (conflict: ConflictDoc, resolution: string, patch: Record<string, unknown> | 'delete' | null) =>
      attemptWrite(() => conflicts.resolve(db, author, conflict, resolution, patch), 'action'),
    dismissClash: (key: string, collection: string) => attemptWrite(() => conflicts.dismissClash(db, author, key, collection), 'action'),
  }));
}

/** The names of this desk's collections (Settings → Sync checks the server has a database for each). */
export function useCollectionNames(): string[] {
  const db = useDb();
  return useMemo(() => Object.keys(db.collections), [db]);
}
