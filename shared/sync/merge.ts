/**
 * Conflicts, never silent: the RxDB conflict handler for every collection.
 *
 * RxDB calls `resolve` when a desk pushes a document whose server version (realMasterState) is not the one
 * it last saw (assumedMasterState). We merge three ways, field by field (top-level fields):
 * - changed on one side only → that side's value;
 * - changed on both sides to the same value → that value;
 * - changed on both sides differently → a deterministic winner (later `updatedAt`, then desk id), and the
 *   losing version is recorded as a 'field' conflict so a person picks or combines in the Conflicts inbox.
 * Deleted vs edited: the edit is kept (nothing lost under a deletion) and a 'deleted-edited' conflict shows the
 * deletion (nothing comes back to life unnoticed). A cancelled booking stays cancelled; an edit made meanwhile
 * on another desk is merged where it does not touch the cancellation and shown as 'cancelled-edited'.
 */
import type { RxConflictHandler, RxConflictHandlerInput, WithDeleted } from 'rxdb';
import type { ConflictKind } from '../db/schemas/conflicts';

type Doc = WithDeleted<Record<string, any>>;

/** Fields that never count as a change of content. */
const AUDIT_FIELDS = new Set(['updatedAt', 'updatedBy', 'createdAt', '_meta', '_rev', '_attachments', '_deleted']);
const CANCEL_FIELDS = ['status', 'cancelledBy', 'cancelReason'];

export interface RecordedConflict {
  kind: ConflictKind;
  collection: string;
  docId: string;
  fields: string[];
  kept: Doc;
  other: Doc;
}

export interface MergeResult {
  doc: Doc;
  conflict: Omit<RecordedConflict, 'collection' | 'docId'> | null;
}

export function stableStringify(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  const keys = Object.keys(value as object)
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${stableStringify((value as Record<string, unknown>)[k])}`).join(',')}}`;
}

function same(a: unknown, b: unknown): boolean {
  return stableStringify(a) === stableStringify(b);
}

/** The document without RxDB/CouchDB metadata: what a person wrote. */
export function content(doc: Doc): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(doc)) if (k !== '_meta' && k !== '_rev' && k !== '_attachments') out[k] = v;
  return out;
}

function contentKeys(...docs: (Doc | undefined)[]): string[] {
  const keys = new Set<string>();
  for (const d of docs) if (d) for (const k of Object.keys(d)) if (!AUDIT_FIELDS.has(k)) keys.add(k);
  return [...keys].sort();
}

/** Fields whose content differs between two versions. */
export function changedFields(a: Doc | undefined, b: Doc | undefined): string[] {
  return contentKeys(a, b).filter((k) => !same(a?.[k], b?.[k]));
}

/** Deterministic order of two versions: the later write wins; ties by desk id, then content. */
export function laterOf(a: Doc, b: Doc): 'a' | 'b' {
  const ua = String(a.updatedAt ?? '');
  const ub = String(b.updatedAt ?? '');
  if (ua !== ub) return ua > ub ? 'a' : 'b';
  const da = String(a.updatedBy?.desk ?? '');
  const db = String(b.updatedBy?.desk ?? '');
  if (da !== db) return da > db ? 'a' : 'b';
  return stableStringify(content(a)) >= stableStringify(content(b)) ? 'a' : 'b';
}

/** The three-way merge. `ours` = this desk's version, `theirs` = the server's, `base` = what both started from. */
export function mergeVersions(collection: string, base: Doc | undefined, ours: Doc, theirs: Doc): MergeResult {
  // Deletions first.
  if (ours._deleted && theirs._deleted) return { doc: theirs, conflict: null };
  if (ours._deleted || theirs._deleted) {
    const deleted = ours._deleted ? ours : theirs;
    const alive = ours._deleted ? theirs : ours;
    const aliveChanged = !base || base._deleted || changedFields(base, alive).length > 0;
    if (!aliveChanged) return { doc: deleted, conflict: null };
    return {
      doc: { ...alive, _deleted: false },
      conflict: { kind: 'deleted-edited', fields: changedFields(base, alive), kept: alive, other: deleted },
    };
  }

  const winner = laterOf(ours, theirs) === 'a' ? ours : theirs;
  const loser = winner === ours ? theirs : ours;
  const merged: Doc = { ...winner, _deleted: false };
  const clashing: string[] = [];
  for (const key of contentKeys(base, ours, theirs)) {
    const o = ours[key];
    const t = theirs[key];
    if (same(o, t)) continue;
    const oChanged = !base || !same(base[key], o);
    const tChanged = !base || !same(base[key], t);
    if (oChanged && !tChanged) setField(merged, key, o);
    else if (tChanged && !oChanged) setField(merged, key, t);
    else clashing.push(key); // both changed differently: the winner's value stays
  }
  // The later of both audit stamps (so every desk sees the merged version as the newest).
  if (laterOf(ours, theirs) === 'a') {
    merged.updatedAt = ours.updatedAt;
    merged.updatedBy = ours.updatedBy;
  }

  if (collection === 'bookings') {
    const cancelled = [ours, theirs].find((d) => d.status === 'cancelled' && (!base || base.status !== 'cancelled'));
    if (cancelled) {
      const edit = cancelled === ours ? theirs : ours;
      for (const f of CANCEL_FIELDS) setField(merged, f, cancelled[f]);
      const editFields = changedFields(base, edit).filter((f) => !CANCEL_FIELDS.includes(f));
      if (editFields.length > 0 || clashing.some((f) => CANCEL_FIELDS.includes(f))) {
        return { doc: merged, conflict: { kind: 'cancelled-edited', fields: editFields, kept: merged, other: edit } };
      }
      return { doc: merged, conflict: null };
    }
  }
  if (clashing.length === 0) return { doc: merged, conflict: null };
  return { doc: merged, conflict: { kind: 'field', fields: clashing, kept: merged, other: loser } };
}

function setField(doc: Doc, key: string, value: unknown): void {
  if (value === undefined) delete doc[key];
  else doc[key] = value;
}

/** Where recorded conflicts go (the sync engine writes them to the `conflicts` collection). */
export type ConflictSink = (conflict: RecordedConflict) => void;

export function createConflictHandler(collection: string, sink: () => ConflictSink | null): RxConflictHandler<any> {
  return {
    isEqual(a, b) {
      return same(content(a as Doc), content(b as Doc));
    },
    async resolve(input: RxConflictHandlerInput<any>) {
      const ours = input.newDocumentState as Doc;
      const theirs = input.realMasterState as Doc;
      const { doc, conflict } = mergeVersions(collection, input.assumedMasterState as Doc | undefined, ours, theirs);
      if (conflict) {
        const docId = String(ours.id ?? theirs.id ?? '');
        sink()?.({ ...conflict, collection, docId });
      }
      return doc as WithDeleted<any>;
    },
  };
}

/**
 * Conflict handlers per database name: `createDatabase({ conflictHandlers: syncConflictHandlers(name) })`.
 * The sync engine attaches the sink for that database when it starts; conflicts met before that are queued.
 */
const sinks = new Map<string, ConflictSink>();
const queued = new Map<string, RecordedConflict[]>();

export function attachConflictSink(dbName: string, sink: ConflictSink | null): void {
  if (!sink) {
    sinks.delete(dbName);
    return;
  }
  sinks.set(dbName, sink);
  for (const c of queued.get(dbName) ?? []) sink(c);
  queued.delete(dbName);
}

export function syncConflictHandlers<N extends string>(dbName: string, names: readonly N[]): Record<N, RxConflictHandler<any>> {
  const sinkFor = (): ConflictSink => (c) => {
    const s = sinks.get(dbName);
    if (s) s(c);
    else queued.set(dbName, [...(queued.get(dbName) ?? []), c]);
  };
  return Object.fromEntries(names.map((n) => [n, createConflictHandler(n, sinkFor)])) as Record<N, RxConflictHandler<any>>;
}
