import { schemas } from '../db/schemas';
import { COLLECTION_NAMES, type CollectionName, type IsoInstant } from '../db/types';
import { canonicalJson } from './canonical';
import { validators } from '../db/validators.generated';
import { detailsOf } from '../db/validate';
import { migrationStrategies } from '../db/migrations';
import { sha256Hex } from './sha256';
import { backupTail } from './tail';

export const BACKUP_FORMAT = 'sosedi-desk-backup';
/**
 * The version this app writes; bump when the file layout changes (a reader refuses files newer than it knows).
 * 1: the checksum is the SHA-256 of the canonical JSON (sorted keys) of every field but itself; written until 2026-12.
 * 2: the checksum is the SHA-256 of the file's bytes before it (`backupTail`); see encodeBackup.
 */
export const BACKUP_FORMAT_VERSION = 2;

export type BackupCollections = Partial<Record<CollectionName, Record<string, unknown>[]>>;

export interface BackupFile {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  appVersion: string;
  createdAt: IsoInstant;
  schemaVersions: Partial<Record<CollectionName, number>>;
  collections: BackupCollections;
  /** SHA-256 (hex): version 1, of the canonical JSON of every other field; version 2, of the file's bytes before it. */
  checksum: string;
}

/** Why a file is refused. The renderer maps each code to a message (`reports:backup.error.<code>`). */
export type BackupErrorCode =
  | 'notJson'
  | 'foreign'
  | 'newerFormat'
  | 'checksumMissing'
  | 'checksumMismatch'
  | 'unknownCollection'
  | 'schemaVersion'
  | 'invalidDocument'
  | 'duplicateId'
  | 'notEmpty'
  | 'writeFailed';

export interface BackupError {
  ok: false;
  code: BackupErrorCode;
  /** Machine detail for the log and the message's parameters (collection, id, versions …). */
  detail?: Record<string, string | number>;
}

export type BackupCounts = Record<CollectionName, number>;

export interface ParsedBackup {
  ok: true;
  backup: BackupFile;
  counts: BackupCounts;
  total: number;
}

/** The schema version of every collection in this build of the app. */
export function currentSchemaVersions(): Record<CollectionName, number> {
  return Object.fromEntries(COLLECTION_NAMES.map((c) => [c, schemas[c].version])) as Record<CollectionName, number>;
}

function checksumOf(file: Omit<BackupFile, 'checksum'>): string {
  const { format, formatVersion, appVersion, createdAt, schemaVersions, collections } = file;
  return sha256Hex(canonicalJson({ format, formatVersion, appVersion, createdAt, schemaVersions, collections }));
}

/**
 * A version-1 backup (what the desk wrote until version 2, and still reads) from the documents of every collection
 * (plain JSON, no RxDB meta fields); serializeBackup gives its text. Tests make older desks' files with it.
 */
export function buildBackup(collections: BackupCollections, meta: { appVersion: string; createdAt: IsoInstant }): BackupFile {
  const body = backupBody(collections, meta, 1);
  return { ...body, checksum: checksumOf(body) };
}

function backupBody(collections: BackupCollections, meta: { appVersion: string; createdAt: IsoInstant }, formatVersion: number): Omit<BackupFile, 'checksum'> {
  return {
    format: BACKUP_FORMAT as typeof BACKUP_FORMAT,
    formatVersion,
    appVersion: meta.appVersion,
    createdAt: meta.createdAt,
    schemaVersions: currentSchemaVersions(),
    collections: Object.fromEntries(COLLECTION_NAMES.map((c) => [c, collections[c] ?? []])) as BackupCollections,
  };
}

/**
 * A version-2 backup file as text parts (encodeBackup): joined, then followed by `backupTail(checksum)` where
 * `checksum` is the SHA-256 of the joined parts' UTF-8 bytes, they are the whole file.
 */
export interface EncodedBackup {
  parts: Generator<string>;
  /** Documents in the file. */
  total: number;
}

/**
 * A whole month of a collection's documents whose text a desk kept from an earlier backup (renderer:
 * backupMonths.ts), proven to hold now: `text` is exactly what BackupTextWriter would write for its `count`
 * documents after `open` (one JSON.stringify per `BACKUP_PART` of them, brackets dropped, joined with ",\n").
 */
export interface KeptMonth {
  /** The month's first and next month's first LocalDateTime: the documents whose month time is in [start, end). */
  start: string;
  end: string;
  count: number;
  /** Its text as UTF-8 bytes (read from where it is kept when asked). */
  text(): Promise<Uint8Array<ArrayBuffer>>;
}

/**
 * The documents of one collection, next in the file's order: what a backup is written from (readDatabasePieces,
 * backupPieces). Most collections are in id order, one piece each; the visits and the loans are in order of their
 * month time (`MONTH_FIELDS`) and then id, one piece per month, so that a closed month's text can be kept and written
 * again as it is (`kept`). `month` says that the piece is a whole month's (`readFrom`: when the read began, Date.now()).
 */
export type BackupPiece =
  | { collection: CollectionName; docs: Record<string, unknown>[]; month?: { start: string; end: string; readFrom: number } }
  | { collection: CollectionName; kept: KeptMonth };

/** The field whose month a document of these collections is of (the visits by sign-in, the loans by the time they went out). */
export const MONTH_FIELDS: Partial<Record<CollectionName, 'timeIn' | 'outAt'>> = { visits: 'timeIn', loans: 'outAt' };

/** Documents per JSON.stringify in a backup's text (the text has a line break between such parts). */
export const BACKUP_PART = 2000;

/** The text BackupTextWriter writes for `docs` after `open`: one JSON.stringify per `perPart`, joined with ",\n". */
export function* docsText(docs: readonly Record<string, unknown>[], perPart = BACKUP_PART): Generator<string> {
  for (let i = 0; i < docs.length; i += perPart) {
    const json = JSON.stringify(docs.slice(i, i + perPart));
    yield `${i ? ',\n' : ''}${json.slice(1, -1)}`;
  }
}

/** The documents of `collections` as pieces of up to `perPiece`, collection by collection (COLLECTION_NAMES order). */
export function* backupPieces(collections: BackupCollections, perPiece = BACKUP_PART): Generator<BackupPiece & { docs: Record<string, unknown>[] }> {
  for (const collection of COLLECTION_NAMES) {
    const docs = collections[collection] ?? [];
    for (let i = 0; i < docs.length; i += perPiece) yield { collection, docs: docs.slice(i, i + perPiece) };
  }
}

/**
 * Writes the text of a version-2 file piece by piece (encodeBackup's layout): the head (format, versions, dates),
 * then each collection's documents, a line break between pieces; `end()` closes it, and the checksum is added after
 * the text by whoever hashes it (the gzip worker, or `writeBackup`), as the last field (`backupTail`). Pieces come
 * in COLLECTION_NAMES order (a collection with none is written empty); each is one JSON.stringify, the engine's
 * fastest path (its brackets dropped, pieces joined with ",\n").
 */
export class BackupTextWriter {
  /** Documents written so far. */
  total = 0;
  private pending: string;
  /** Index in COLLECTION_NAMES of the collection open now (-1: none yet). */
  private openIndex = -1;
  private inOpen = 0;

  constructor(meta: { appVersion: string; createdAt: IsoInstant }) {
    const { format, formatVersion, appVersion, createdAt, schemaVersions } = backupBody({}, meta, BACKUP_FORMAT_VERSION);
    this.pending = `${JSON.stringify({ format, formatVersion, appVersion, createdAt, schemaVersions }).slice(0, -1)},\n"collections":{`;
  }

  /** The text that writes `docs` (next in `collection`), with what comes before them; '' for none. */
  add(collection: CollectionName, docs: readonly Record<string, unknown>[]): string {
    const before = this.open(collection, docs.length);
    return docs.length === 0 ? before : `${before}${JSON.stringify(docs).slice(1, -1)}`;
  }

  /**
   * What comes before `count` documents next in `collection` whose text the caller writes itself, right after it
   * (`docsText`, or a kept month's text); '' for none.
   */
  open(collection: CollectionName, count: number): string {
    this.openUpTo(COLLECTION_NAMES.indexOf(collection));
    if (count === 0) return '';
    const text = `${this.pending}${this.inOpen ? ',\n' : '\n'}`;
    this.pending = '';
    this.inOpen += count;
    this.total += count;
    return text;
  }

  /** The rest of the text, up to (not including) the checksum's tail. */
  end(): string {
    this.openUpTo(COLLECTION_NAMES.length);
    const text = `${this.pending}\n}`;
    this.pending = '';
    return text;
  }

  private openUpTo(index: number): void {
    if (index < this.openIndex) throw new Error(`backup: collection ${COLLECTION_NAMES[index] ?? index} after ${COLLECTION_NAMES[this.openIndex]}`);
    while (this.openIndex < index) {
      if (this.openIndex >= 0) this.pending += ']';
      this.openIndex++;
      this.inOpen = 0;
      if (this.openIndex < COLLECTION_NAMES.length) this.pending += `${this.openIndex ? ',' : ''}\n${JSON.stringify(COLLECTION_NAMES[this.openIndex])}:[`;
    }
  }
}

/**
 * The version-2 file (what this version writes): plain JSON, and its checksum covers the bytes as written, so making
 * it is one JSON.stringify per `perPart` documents (no sorted copies: a year's 73,000 documents take ~150 ms instead of
 * ~450 ms for version 1's canonical text), BackupTextWriter's layout. parseBackup reads both versions.
 */
export function encodeBackup(
  collections: BackupCollections,
  meta: { appVersion: string; createdAt: IsoInstant },
  perPart = 2000,
): EncodedBackup {
  const total = COLLECTION_NAMES.reduce((n, c) => n + (collections[c]?.length ?? 0), 0);
  function* parts(): Generator<string> {
    const writer = new BackupTextWriter(meta);
    for (const { collection, docs } of backupPieces(collections, perPart)) yield writer.add(collection, docs);
    yield writer.end();
  }
  return { parts: parts(), total };
}

/** A whole version-2 file as one string, hashed here (pure TypeScript): for tests and small files. */
export function writeBackup(collections: BackupCollections, meta: { appVersion: string; createdAt: IsoInstant }): string {
  const text = [...encodeBackup(collections, meta).parts].join('');
  return text + backupTail(sha256Hex(text));
}

/**
 * The file's text in pieces (the head, then up to `perChunk` documents at a time), so that a writer can compress
 * and save it as it goes instead of building one string of tens of megabytes. Joined, the pieces are exactly
 * serializeBackup's text. One line per document keeps a damaged file partly readable by a person.
 */
export function* serializeBackupChunks(file: BackupFile, perChunk = 500): Generator<string> {
  const head = { ...file } as Partial<BackupFile>;
  delete head.collections;
  delete head.checksum;
  yield `{${Object.entries(head)
    .map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`)
    .join(',')},\n"collections":{\n`;
  let firstCollection = true;
  for (const c of COLLECTION_NAMES) {
    const docs = file.collections[c];
    if (!docs) continue;
    yield `${firstCollection ? '' : ',\n'}${JSON.stringify(c)}:[\n`;
    firstCollection = false;
    for (let i = 0; i < docs.length; i += perChunk) {
      yield (i ? ',\n' : '') + docs.slice(i, i + perChunk).map((d) => JSON.stringify(d)).join(',\n');
    }
    yield '\n]';
  }
  yield `\n},\n"checksum":${JSON.stringify(file.checksum)}}\n`;
}

/** The file's text. One line per document keeps a damaged file partly readable by a person. */
export function serializeBackup(file: BackupFile): string {
  return [...serializeBackupChunks(file)].join('');
}

export function backupFileName(createdAt: IsoInstant | string, prefix = 'sosedi-desk-backup'): string {
  // createdAt as a local wall-clock "YYYY-MM-DDTHH:mm" gives a name that sorts by time.
  return `${prefix}-${createdAt.slice(0, 10)}-${createdAt.slice(11, 13)}${createdAt.slice(14, 16)}.json`;
}

const fail = (code: BackupErrorCode, detail?: BackupError['detail']): BackupError => (detail ? { ok: false, code, detail } : { ok: false, code });
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Documents of an older schema version brought to the app's version with the database's own (synchronous)
 * migrations; null for a newer version or a step without a synchronous migration.
 */
function migrateDocs(c: CollectionName, docs: unknown[], from: number, to: number): unknown[] | null {
  if (!Number.isInteger(from) || from < 0 || from > to) return null;
  let out = docs;
  for (let v = from + 1; v <= to; v++) {
    const step = migrationStrategies[c][v];
    if (!step) return null;
    const next: unknown[] = [];
    for (const doc of out) {
      const migrated: unknown = step(doc, undefined as never);
      if (migrated instanceof Promise) return null;
      if (migrated) next.push(migrated);
    }
    out = next;
  }
  return out;
}

/**
 * Version 2: the text ends with exactly the checksum's tail, and the checksum is that of the UTF-8 bytes before it.
 * (The text came from UTF-8 bytes; a byte that was not valid UTF-8 decoded to U+FFFD and no longer hashes the same.)
 */
function coversBytes(text: string, checksum: string): boolean {
  const tail = backupTail(checksum);
  return text.endsWith(tail) && sha256Hex(text.slice(0, text.length - tail.length)) === checksum;
}

/**
 * Reads and checks a backup completely before anything is written: the format, its version,
 * the checksum, the schema version of each collection and every document against its JSON schema.
 */
export function parseBackup(text: string): ParsedBackup | BackupError {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return fail('notJson');
  }
  if (!isRecord(raw) || raw.format !== BACKUP_FORMAT) return fail('foreign');
  const fv = raw.formatVersion;
  if (typeof fv !== 'number' || !Number.isInteger(fv) || fv < 1) return fail('foreign');
  if (fv > BACKUP_FORMAT_VERSION) return fail('newerFormat', { found: fv, supported: BACKUP_FORMAT_VERSION });
  if (typeof raw.checksum !== 'string' || !/^[0-9a-f]{64}$/.test(raw.checksum)) return fail('checksumMissing');
  if (
    typeof raw.appVersion !== 'string' ||
    typeof raw.createdAt !== 'string' ||
    !isRecord(raw.schemaVersions) ||
    !isRecord(raw.collections)
  ) {
    return fail('foreign');
  }
  const file = raw as unknown as BackupFile;
  if (fv === 1 ? checksumOf(file) !== file.checksum : !coversBytes(text, file.checksum)) return fail('checksumMismatch');

  const appVersions = currentSchemaVersions();
  const known = new Set<string>(COLLECTION_NAMES);
  for (const name of Object.keys(file.collections)) if (!known.has(name)) return fail('unknownCollection', { collection: name });
  const counts = Object.fromEntries(COLLECTION_NAMES.map((c) => [c, 0])) as BackupCounts;
  let total = 0;
  for (const c of COLLECTION_NAMES) {
    const docs = file.collections[c];
    if (docs === undefined) continue;
    if (!Array.isArray(docs)) return fail('foreign');
    const found = file.schemaVersions[c];
    if (docs.length > 0 && found !== appVersions[c]) {
      const migrated = typeof found === 'number' ? migrateDocs(c, docs, found, appVersions[c]) : null;
      if (!migrated) return fail('schemaVersion', { collection: c, found: String(found), expected: appVersions[c] });
      file.collections[c] = migrated as Record<string, unknown>[];
    }
    const check = validators[c]!;
    const ids = new Set<string>();
    for (const doc of file.collections[c]!) {
      const id = isRecord(doc) && typeof doc.id === 'string' ? doc.id : '';
      if (!isRecord(doc) || !id) return fail('invalidDocument', { collection: c, id: '' });
      if (ids.has(id)) return fail('duplicateId', { collection: c, id });
      ids.add(id);
      // the desk's write check (shared/db/validate.ts), made for documents as the storage holds them: RxDB's own
      // fields stand in for the ones a backup leaves out
      if (!check({ ...doc, _deleted: false, _rev: '1-backup', _meta: { lwt: 1 }, _attachments: {} })) {
        const first = detailsOf(check)[0];
        return fail('invalidDocument', { collection: c, id, error: `${first?.path ?? '#'} ${first?.message ?? ''}` });
      }
    }
    counts[c] = docs.length;
    total += docs.length;
  }
  return { ok: true, backup: file, counts, total };
}
