/**
 * Where a desk keeps the list of what it has not yet sent (shared/sync/unsent.ts) between runs: a small IndexedDB
 * database of its own beside the desk's, per profile. Local to this desk, never synced: ids and times of writes only.
 *
 * A list is kept as its whole (`bases`: written now and then) and a log of the changes since (`log`: one row per
 * save, only what changed), with the checkpoint of its last save (`lists`); each save is one transaction, so a list
 * and its checkpoint never disagree. A save writes the whole list again (and clears its log) when the log has grown
 * longer than the list itself (and than COMPACT_AT), so the log stays short and the whole is written about as often
 * as its size in changes came. Before this, a row per document cost an IndexedDB put for every document put on the
 * list and a delete for every one the server confirmed: ~5 s of the page's thread over a year's push
 * (docs/sync.md).
 */
import Dexie, { type Table } from 'dexie';
import type { UnsentStore } from '@shared/sync/unsent';

interface ListHead {
  list: string;
  /** JSON of the checkpoint ('null': the collection had no document yet). */
  seen: string;
  /** Changes in the log since the whole was written, and the number the next log row gets. */
  logged: number;
  next: number;
}

interface Base {
  list: string;
  docs: [string, string][];
}

interface LogRow {
  list: string;
  n: number;
  set: [string, string][];
  removed: string[];
}

/** A log shorter than this is never folded into the whole (a short list would be written again at every save). */
const COMPACT_AT = 5000;

/** The unsent lists of one profile, in the IndexedDB database `name`. */
export function unsentStore(name: string): UnsentStore {
  const db = new Dexie(name);
  db.version(1).stores({ lists: 'list', bases: 'list', log: '[list+n]' });
  const lists = db.table('lists') as Table<ListHead, string>;
  const bases = db.table('bases') as Table<Base, string>;
  const log = db.table('log') as Table<LogRow, [string, number]>;
  const listOf = (scope: string, collection: string) => `${scope}/${collection}`;
  const logOf = (list: string) => log.where('[list+n]').between([list, Dexie.minKey], [list, Dexie.maxKey]);
  return {
    async load(scope, collection) {
      const list = listOf(scope, collection);
      return db.transaction('r', lists, bases, log, async () => {
        const head = await lists.get(list);
        if (!head) return null;
        const unsent = new Map((await bases.get(list))?.docs ?? []);
        for (const row of await logOf(list).toArray()) {
          for (const id of row.removed) unsent.delete(id);
          for (const [id, at] of row.set) unsent.set(id, at);
        }
        return { unsent, seen: JSON.parse(head.seen) as unknown };
      });
    },
    save(scope, collection, changes, seen) {
      const list = listOf(scope, collection);
      return db.transaction('rw', lists, bases, log, async () => {
        const head = await lists.get(list);
        const size = changes.set.size + changes.removed.size;
        const next = head?.next ?? 0;
        const logged = (head?.logged ?? 0) + size;
        if (changes.whole || !head || logged > Math.max(COMPACT_AT, changes.all().size)) {
          await logOf(list).delete();
          await bases.put({ list, docs: [...changes.all()] });
          await lists.put({ list, seen: JSON.stringify(seen ?? null), logged: 0, next });
          return;
        }
        if (size) await log.put({ list, n: next, set: [...changes.set], removed: [...changes.removed] });
        await lists.put({ list, seen: JSON.stringify(seen ?? null), logged, next: size ? next + 1 : next });
      });
    },
  };
}
