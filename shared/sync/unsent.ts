/**
 * What this desk wrote and the server has not yet confirmed, per collection (the header's "Not sent: N", and no
 * "Synced" while it is not empty), kept between runs of the desk.
 *
 * Each save hands the store the documents put on the list and taken off it since the save before, with the storage
 * checkpoint up to which the desk's writes were looked at (`seen`), to be kept together: a save that fails leaves
 * the kept list and its checkpoint as they were, and its changes go with the next save. The app's store is
 * IndexedDB (renderer/features/sync/unsentStore.ts), which keeps the changes as a log and the whole list now and
 * then; until then the list was one text per collection in localStorage, which holds about 5.2 million characters
 * per site and refused the list of two years (a year written on one desk, as a restored backup is, is 3.0 million).
 */

/** Small key-value memory that outlives one run (localStorage in the app; a Map in tests). */
export interface SyncMemory {
  get(key: string): string | null | Promise<string | null>;
  set(key: string, value: string): void | Promise<void>;
  /** Forgets a key (a list moved to an UnsentStore); optional. */
  remove?(key: string): void | Promise<void>;
}

/** What a save writes for one collection's list. */
export interface UnsentChanges {
  /** The list is `set` and nothing else (its first save, or one after the store had none). */
  whole: boolean;
  /** Documents put on the list since the last save: id → the `updatedAt` of the write that put it there. */
  set: ReadonlyMap<string, string>;
  /** Documents taken off the list since the last save. */
  removed: ReadonlySet<string>;
  /**
   * The whole list as it is now (the live list: by the time a store reads it, it may hold later changes too, which
   * only ever makes the kept list newer than its checkpoint, never older). For a store that writes it whole.
   */
  all(): ReadonlyMap<string, string>;
}

export interface StoredUnsent {
  unsent: Map<string, string>;
  /**
   * The storage checkpoint the list was saved with: null when the collection had no document yet (every one in it
   * now was written since), undefined when an older desk saved none.
   */
  seen: unknown;
}

/** Where the lists are kept between runs; `scope` is the server and centre they were made for. */
export interface UnsentStore {
  /** The stored list, or null when none was stored for this server and centre (never synced with it from here). */
  load(scope: string, collection: string): Promise<StoredUnsent | null>;
  /** Writes `changes` and the checkpoint `seen` together, or neither (then it rejects). */
  save(scope: string, collection: string, changes: UnsentChanges, seen: unknown): Promise<void>;
}

/** One collection's list in memory, and what changed in it since it was last taken for a save. */
export class UnsentList {
  private readonly docs = new Map<string, string>();
  private changed = new Map<string, string>();
  private removed = new Set<string>();

  /** `whole`: the next save writes the whole list (the store had none, or it came from elsewhere). */
  constructor(private whole: boolean) {}

  get size(): number {
    return this.docs.size;
  }

  get dirty(): boolean {
    return this.whole || this.changed.size > 0 || this.removed.size > 0;
  }

  get(id: string): string | undefined {
    return this.docs.get(id);
  }

  keys(): IterableIterator<string> {
    return this.docs.keys();
  }

  /** As the store had it (not a change). */
  restore(id: string, at: string): void {
    this.docs.set(id, at);
  }

  set(id: string, at: string): void {
    this.docs.set(id, at);
    this.changed.set(id, at);
    this.removed.delete(id);
  }

  delete(id: string): boolean {
    if (!this.docs.delete(id)) return false;
    this.changed.delete(id);
    this.removed.add(id);
    return true;
  }

  /** The changes since the last take, for a save; they count as saved unless given back. */
  take(): UnsentChanges {
    const all = () => this.docs;
    const changes: UnsentChanges = this.whole ? { whole: true, set: this.docs, removed: new Set(), all } : { whole: false, set: this.changed, removed: this.removed, all };
    this.whole = false;
    this.changed = new Map();
    this.removed = new Set();
    return changes;
  }

  /** A save of `changes` failed: what they touched is written with the next save, as it is by then. */
  giveBack(changes: UnsentChanges): void {
    if (changes.whole) {
      this.whole = true;
      return;
    }
    for (const id of [...changes.set.keys(), ...changes.removed]) {
      if (this.changed.has(id) || this.removed.has(id)) continue;
      const at = this.docs.get(id);
      if (at === undefined) this.removed.add(id);
      else this.changed.set(id, at);
    }
  }
}

/**
 * The lists in a key-value memory, one text per collection (`<scope>/unsent/<collection>`, its checkpoint in
 * `<scope>/seen/<collection>`): how every desk kept them before UnsentStore, still read to move them over, and the
 * store of tests and embedders that pass none. A memory that refuses a write makes the save reject.
 */
export function memoryUnsentStore(memory: SyncMemory): UnsentStore & { forget(scope: string, collection: string): Promise<void> } {
  const key = (scope: string, what: string, collection: string) => `${scope}/${what}/${collection}`;
  return {
    async load(scope, collection) {
      const raw = await memory.get(key(scope, 'unsent', collection));
      if (raw === null || raw === '') return null;
      const unsent = new Map(Object.entries(JSON.parse(raw) as Record<string, string>));
      const seen = await memory.get(key(scope, 'seen', collection));
      return { unsent, seen: seen === null || seen === '' ? undefined : (JSON.parse(seen) as unknown) };
    },
    async save(scope, collection, changes, seen) {
      await memory.set(key(scope, 'unsent', collection), JSON.stringify(Object.fromEntries(changes.all())));
      if (seen !== undefined) await memory.set(key(scope, 'seen', collection), JSON.stringify(seen));
    },
    async forget(scope, collection) {
      await memory.remove?.(key(scope, 'unsent', collection));
      await memory.remove?.(key(scope, 'seen', collection));
    },
  };
}
