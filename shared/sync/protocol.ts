/**
 * The replication protocol with CouchDB for ONE collection, as pull and push handlers for RxDB's replication
 * primitive (`replicateRxCollection`). Pure protocol: what to ask the server and what its answers mean for the
 * desk; the engine (engine.ts) wires lanes, status and identity around it.
 *
 * Pull: `_changes` (normal feed, with documents) from the lane's checkpoint `{ seq }`:
 * - design documents are server-side code, never pulled;
 * - a deletion is applied whatever the tombstone's body (a `DELETE ?rev=` leaves only `_id/_rev/_deleted`):
 *   the desk's own copy is marked deleted; a deletion of something this desk never had is nothing to do;
 * - a document this app version cannot read is held back (not dropped): "newer version" when it only has fields
 *   this version does not know, "invalid on the server" when it breaks the schema (wrong types, missing fields);
 * - a page shortened by those is topped up from the following pages (RxDB ends a pull run on a short page).
 *
 * Push: the server's current state of every document (`_all_docs` by keys), then `_bulk_docs`:
 * - not on the server → written (also after a restore that lost it; a document written and taken back while sync
 *   was paused → nothing to send);
 * - the same content already there, or deleted on both sides → nothing to write;
 * - the server holds what this desk last saw (`assumedMasterState`) → written on top of the server's revision;
 * - otherwise → returned to RxDB as a conflict, with the server's state (a deletion with its body, or with the
 *   desk's body when the tombstone has none), for the merge in merge.ts;
 * - per document: 409 → re-read and returned as a conflict; 403/401 from validate_doc_update → refused (listed,
 *   retried later), never reported to RxDB as pushed content the server has.
 */
import type { RxCollection, RxReplicationWriteToMasterRow, WithDeleted } from 'rxdb';
import type { ChangesPage, CouchDatabase, CouchDoc, ServerState } from './couch';
import { content, stableStringify } from './merge';
import { checkDocument, describeProblems, validatorSchema, type JsonSchemaLike } from './validate';

export interface PullCheckpoint {
  seq: string;
}

export type Doc = Record<string, unknown> & { _deleted?: boolean };

export interface ProtocolHooks {
  /** A pulled document this desk holds back; `invalid` = breaks the schema, else only unknown (newer) fields. */
  held(doc: CouchDoc, reason: string, invalid: boolean): void;
  /** A pulled document that is now readable (a held one may be resolved). */
  readable(ids: string[]): void;
  /** The server refused this desk's document. */
  refused(doc: Doc, error: string, reason: string): void;
  /** The server has this desk's version of these documents now. */
  confirmed(docs: Doc[]): void;
  /** Bytes and documents of a pulled page (first-sync progress). */
  pulled(documents: number, bytes: number): void;
}

export interface LaneProtocol {
  pull(checkpoint: PullCheckpoint | undefined, batchSize: number): Promise<{ documents: WithDeleted<any>[]; checkpoint: PullCheckpoint }>;
  push(rows: RxReplicationWriteToMasterRow<any>[]): Promise<WithDeleted<any>[]>;
  /** Sends documents again outside RxDB's push (refused ones, a server that lost them); returns the ids the server now has. */
  resend(docs: Doc[]): Promise<string[]>;
  /** The id of a desk document. */
  idOf(doc: Doc): string;
  toCouch(doc: Doc): CouchDoc;
  fromCouch(doc: CouchDoc, fallback?: Doc | null): Doc | null;
  /** Same content and deletion state (audit stamps ignored). */
  same(a: Doc | null | undefined, b: Doc | null | undefined): boolean;
  /** The document as the desk stores it, or null when this app version cannot read it. */
  readable(doc: CouchDoc): Doc | null;
}

export interface LaneProtocolOptions {
  collection: RxCollection<any>;
  couch: CouchDatabase;
  hooks: ProtocolHooks;
  /** Written only while sync was paused (never on the server): its deletion need not be sent. */
  localOnly?: (id: string) => boolean;
}

const META = new Set(['_rev', '_meta', '_attachments', '_deleted', '_id']);

export function createLaneProtocol(options: LaneProtocolOptions): LaneProtocol {
  const { collection, couch, hooks } = options;
  const primary = collection.schema.primaryPath as string;
  const schema = validatorSchema(collection.schema.jsonSchema as unknown as JsonSchemaLike & { primaryKey: unknown });

  const idOf = (doc: Doc) => String(doc[primary]);

  function toCouch(doc: Doc): CouchDoc {
    const out: CouchDoc = { _id: idOf(doc) };
    for (const [k, v] of Object.entries(doc)) if (!META.has(k) && k !== primary) out[k] = v;
    if (doc._deleted) out._deleted = true;
    return out;
  }

  /** A server document as the desk stores it; a deletion without a usable body takes `fallback`'s (null: none). */
  function fromCouch(doc: CouchDoc, fallback?: Doc | null): Doc | null {
    const out: Doc = { [primary]: doc._id };
    for (const [k, v] of Object.entries(doc)) if (!META.has(k)) out[k] = v;
    const deleted = doc._deleted === true;
    out._deleted = deleted;
    if (!deleted) return out;
    if (checkDocument(schema, out, false).length === 0) return out;
    if (!fallback) return null;
    const filled: Doc = {};
    for (const [k, v] of Object.entries(fallback)) if (!META.has(k)) filled[k] = v;
    return { ...filled, [primary]: doc._id, _deleted: true };
  }

  function same(a: Doc | null | undefined, b: Doc | null | undefined): boolean {
    if (!a || !b) return false;
    return Boolean(a._deleted) === Boolean(b._deleted) && stableStringify(content(a as never)) === stableStringify(content(b as never));
  }

  async function localAlive(ids: string[]): Promise<Map<string, Doc>> {
    if (ids.length === 0) return new Map();
    const found = (await collection.findByIds(ids).exec()) as Map<string, { toJSON(withMeta?: boolean): Doc }>;
    return new Map([...found].map(([id, d]) => [id, d.toJSON(false)]));
  }

  /**
   * The next page of `_changes`, asked for while the replication stores the page a pull returned full (a first sync
   * or a long catch-up: the wire works while the desk writes). Used only by a pull that starts exactly where it was
   * asked from, with the same page size; any other pull drops it (a reset starts from 0). Its failure is the next
   * pull's failure, retried as any other. A page fetched a little earlier is still a true part of the feed: a
   * document changed since then comes again later in it.
   */
  let ahead: { since: string; limit: number; page: Promise<ChangesPage> } | null = null;
  function changesPage(since: string, limit: number): Promise<ChangesPage> {
    const next = ahead;
    ahead = null;
    if (next && next.since === since && next.limit === limit) return next.page;
    return couch.changes(since, limit);
  }

  async function pull(checkpoint: PullCheckpoint | undefined, batchSize: number) {
    let since = checkpoint?.seq ?? '0';
    const documents: Doc[] = [];
    for (;;) {
      const page = await changesPage(since, batchSize);
      const rows = page.results.filter((r) => !String(r.id).startsWith('_design/'));
      const deletedIds = rows.filter((r) => r.deleted || r.doc?._deleted).map((r) => String(r.id));
      const mine = await localAlive(deletedIds);
      const readable: string[] = [];
      let got = 0;
      for (const row of rows) {
        const id = String(row.id);
        if (row.deleted || row.doc?._deleted) {
          const doc = fromCouch(row.doc ?? { _id: id, _deleted: true }, mine.get(id) ?? null);
          if (doc) {
            documents.push(doc);
            got++;
          }
          continue;
        }
        if (!row.doc) continue;
        const problems = checkDocument(schema, row.doc, true);
        if (problems.length > 0) {
          hooks.held(row.doc, describeProblems(problems), problems.some((p) => p.rule !== 'unknown'));
          continue;
        }
        const doc = fromCouch(row.doc);
        if (doc) {
          documents.push(doc);
          readable.push(id);
          got++;
        }
      }
      if (readable.length) hooks.readable(readable);
      hooks.pulled(got, page.bytes);
      since = page.lastSeq;
      // the server has no more after a short page; a full page of ours is enough for this run
      if (page.results.length < batchSize) break;
      if (documents.length >= batchSize) {
        const page = couch.changes(since, batchSize);
        page.catch(() => undefined); // not lost: the pull that takes it awaits it and fails with it
        ahead = { since, limit: batchSize, page };
        break;
      }
    }
    return { documents: documents as WithDeleted<any>[], checkpoint: { seq: since } };
  }

  /** The server's state of a document as the desk would store it (a deletion gets a body). */
  async function serverDocs(states: Map<string, ServerState>, ids: string[], ours: Map<string, Doc>): Promise<Map<string, Doc>> {
    const out = new Map<string, Doc>();
    const tombstones = ids.filter((id) => states.get(id)?.deleted);
    const bodies = await couch.bulkGet(tombstones.map((id) => ({ id, rev: states.get(id)!.rev })));
    for (const id of ids) {
      const s = states.get(id);
      if (!s) continue;
      const raw = s.deleted ? (bodies.get(id) ?? { _id: id, _deleted: true }) : s.doc;
      const doc = raw ? fromCouch({ ...raw, _deleted: s.deleted }, ours.get(id) ?? null) : null;
      if (doc) out.set(id, doc);
    }
    return out;
  }

  /**
   * Writes and sorts the answers: ok, conflict (re-read), refused. `lastSeen` gives a deletion without a body the
   * body this desk last saw on the server — never this desk's new version: the server's state becomes the base of
   * the next merge, and a base equal to our edit would make the edit look unchanged (and lose it to the other side).
   */
  async function write(writes: { doc: Doc; rev?: string }[], conflicts: Map<string, Doc>, confirmed: Doc[], lastSeen: Map<string, Doc>): Promise<void> {
    const results = await couch.bulkDocs(writes.map((w) => ({ ...toCouch(w.doc), ...(w.rev ? { _rev: w.rev } : {}) })));
    const byId = new Map(writes.map((w) => [idOf(w.doc), w.doc]));
    const clashed: string[] = [];
    for (const r of results) {
      const doc = byId.get(r.id);
      if (!doc) continue;
      if (r.ok) confirmed.push(doc);
      else if (r.error === 'conflict') clashed.push(r.id);
      else hooks.refused(doc, r.error ?? 'error', r.reason ?? r.error ?? '');
    }
    if (clashed.length === 0) return;
    // somebody wrote in between: their version is the server's state now
    const states = await couch.states(clashed);
    const now = await serverDocs(states, clashed, lastSeen);
    for (const id of clashed) {
      const mine = byId.get(id)!;
      const theirs = now.get(id);
      const s = states.get(id);
      if (theirs && (same(theirs, mine) || (s?.deleted && mine._deleted))) confirmed.push(mine);
      else if (theirs) conflicts.set(id, theirs);
      else confirmed.push(mine); // deleted on the server and nothing of ours to keep: nothing to do
    }
  }

  async function push(rows: RxReplicationWriteToMasterRow<any>[]) {
    const ids = rows.map((r) => idOf(r.newDocumentState as Doc));
    const states = await couch.states(ids);
    // the body a bodiless deletion gets: what this desk last saw there (its own version only when it saw nothing)
    const lastSeen = new Map(rows.map((r) => [idOf(r.newDocumentState as Doc), (r.assumedMasterState ?? r.newDocumentState) as Doc]));
    const writes: { doc: Doc; rev?: string }[] = [];
    const confirmed: Doc[] = [];
    const needServer: string[] = [];
    for (const row of rows) {
      const mine = row.newDocumentState as Doc;
      const id = idOf(mine);
      const s = states.get(id);
      if (!s) {
        // A document written and taken back while sync was paused (an import or a restore undone) is nothing to
        // send. Any other deletion is written even where the server has nothing: another desk may be sending that
        // document again right now (after a restore), and the server must hold the deletion for the merge.
        if (mine._deleted && options.localOnly?.(id)) confirmed.push(mine);
        else writes.push({ doc: mine }); // new, or lost by the server (restored from an old backup)
        continue;
      }
      if (s.deleted && mine._deleted) {
        confirmed.push(mine); // deleted on both sides: the same outcome
        continue;
      }
      const theirs = s.deleted ? null : s.doc ? fromCouch(s.doc) : null;
      if (theirs && same(theirs, mine)) {
        confirmed.push(mine);
        continue;
      }
      const assumed = row.assumedMasterState as Doc | undefined;
      const serverIsAssumed = assumed ? (s.deleted ? Boolean(assumed._deleted) : same(theirs, assumed)) : false;
      // Without `assumed` (a first push, or a lane that started over after a restore) a different server version is
      // always a conflict for the merge, even when it looks older: it may hold another desk's edit this one never saw.
      // Over a deletion CouchDB takes a document without a revision (it continues the deleted branch); with the
      // tombstone's revision it answers 409 (pouchdb-server accepts both).
      if (serverIsAssumed) writes.push({ doc: mine, ...(s.deleted ? {} : { rev: s.rev }) });
      else needServer.push(id);
    }
    const conflicts = await serverDocs(states, needServer, lastSeen);
    await write(writes, conflicts, confirmed, lastSeen);
    if (confirmed.length) hooks.confirmed(confirmed);
    return [...conflicts.values()] as WithDeleted<any>[];
  }

  async function resend(docs: Doc[]): Promise<string[]> {
    if (docs.length === 0) return [];
    const ids = docs.map(idOf);
    const states = await couch.states(ids);
    const writes: { doc: Doc; rev?: string }[] = [];
    const confirmed: Doc[] = [];
    for (const doc of docs) {
      const s = states.get(idOf(doc));
      const theirs = s && !s.deleted && s.doc ? fromCouch(s.doc) : null;
      if (!s) writes.push({ doc });
      else if (theirs && same(theirs, doc)) confirmed.push(doc);
      else if (s.deleted && doc._deleted) confirmed.push(doc);
      // only over an older version: a newer one (another desk's) comes down to this desk instead
      else if (theirs && String(theirs.updatedAt ?? '') < String(doc.updatedAt ?? '')) writes.push({ doc, rev: s.rev });
    }
    // a conflict here (written in between) is left to the normal push: nothing is overwritten blindly
    await write(writes, new Map(), confirmed, new Map(docs.map((d) => [idOf(d), d])));
    if (confirmed.length) hooks.confirmed(confirmed);
    return confirmed.map(idOf);
  }

  const readable = (doc: CouchDoc) => (checkDocument(schema, doc, true).length === 0 ? fromCouch(doc) : null);

  return { pull, push, resend, idOf, toCouch, fromCouch, same, readable };
}
