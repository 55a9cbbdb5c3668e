import { schemas } from '../db/schemas';
import { COLLECTION_NAMES, type CollectionName, type IsoInstant } from '../db/types';
import { canonicalDocJson, canonicalJson } from './canonical';
import { validators } from '../db/validators.generated';
import { detailsOf } from '../db/validate';
import { migrationStrategies } from '../db/migrations';
import { sha256Hex } from './sha256';

export const BACKUP_FORMAT = 'sosedi-desk-backup';
/** Bump when the file layout changes; a reader refuses files newer than it knows. */
export const BACKUP_FORMAT_VERSION = 1;

export type BackupCollections = Partial<Record<CollectionName, Record<string, unknown>[]>>;

export interface BackupFile {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  appVersion: string;
  createdAt: IsoInstant;
  schemaVersions: Partial<Record<CollectionName, number>>;
  collections: BackupCollections;
  /** SHA-256 (hex) of the canonical JSON of every other field. */
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
 * buildBackup with the SHA-256 done by the caller's (native) hash, e.g. WebCrypto in the renderer: the same
 * checksum over the same canonical text, several times faster than the pure-TypeScript one for a year's data.
 */
export async function buildBackupWith(
  collections: BackupCollections,
  meta: { appVersion: string; createdAt: IsoInstant },
  sha256HexOf: (utf8: Uint8Array<ArrayBuffer>) => Promise<string>,
): Promise<BackupFile> {
  const body = backupBody(collections, meta);
  const { format, formatVersion, appVersion, createdAt, schemaVersions } = body;
  const text = canonicalJson({ format, formatVersion, appVersion, createdAt, schemaVersions, collections: body.collections });
  return { ...body, checksum: await sha256HexOf(new TextEncoder().encode(text)) };
}

/** Build the backup file object from the documents of every collection (plain JSON, no RxDB meta fields). */
export function buildBackup(collections: BackupCollections, meta: { appVersion: string; createdAt: IsoInstant }): BackupFile {
  const body = backupBody(collections, meta);
  return { ...body, checksum: checksumOf(body) };
}

function backupBody(collections: BackupCollections, meta: { appVersion: string; createdAt: IsoInstant }): Omit<BackupFile, 'checksum'> {
  return {
    format: BACKUP_FORMAT as typeof BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    appVersion: meta.appVersion,
    createdAt: meta.createdAt,
    schemaVersions: currentSchemaVersions(),
    collections: Object.fromEntries(COLLECTION_NAMES.map((c) => [c, collections[c] ?? []])) as BackupCollections,
  };
}

/** A backup written in one pass (see encodeBackup). */
export interface EncodedBackup {
  /** The file's UTF-8 bytes in order (empty when they went to `onPart`): joined, they are the whole file. */
  parts: Uint8Array<ArrayBuffer>[];
  checksum: string;
  /** Documents in the file. */
  total: number;
}

const NEWLINE = 0x0a;

/** A growing UTF-8 buffer (TextEncoder.encodeInto: no intermediate copies of a year's text). */
class Utf8Buffer {
  bytes = new Uint8Array(1 << 20);
  length = 0;
  private readonly encoder = new TextEncoder();

  write(text: string): void {
    const room = text.length * 3; // UTF-8 needs at most 3 bytes per UTF-16 code unit
    if (this.bytes.length - this.length < room) {
      const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.length + room));
      grown.set(this.bytes.subarray(0, this.length));
      this.bytes = grown;
    }
    this.length += this.encoder.encodeInto(text, this.bytes.subarray(this.length)).written;
  }
}

/**
 * The backup file, made in one pass over the documents: each document's canonical JSON is made and encoded once,
 * and those very bytes are both what the checksum covers (the canonical JSON of every field but the checksum, as
 * parseBackup recomputes it) and the file's text (that same text with a line break before each document, and the
 * checksum as the last field). The file reads back with parseBackup like any other version-1 backup.
 *
 * The file comes out in parts of about `perPart` documents as they are made (`onPart`, e.g. to a compressor in a
 * worker, which then works while the next part is made); without `onPart` they are returned in `parts`.
 */
export async function encodeBackup(
  collections: BackupCollections,
  meta: { appVersion: string; createdAt: IsoInstant },
  sha256HexOf: (utf8: Uint8Array<ArrayBuffer>) => Promise<string>,
  options: { onPart?: (part: Uint8Array<ArrayBuffer>) => void; perPart?: number } = {},
): Promise<EncodedBackup> {
  const parts: Uint8Array<ArrayBuffer>[] = [];
  const emit = options.onPart ?? ((part: Uint8Array<ArrayBuffer>) => void parts.push(part));
  const perPart = options.perPart ?? 2000;
  const body = backupBody(collections, meta);
  const head = canonicalJson({ ...body, collections: {} });
  const at = head.indexOf('"collections":{}') + '"collections":{'.length;
  const out = new Utf8Buffer();
  let emitted = 0;
  let lineStarts: number[] = [];
  // The canonical bytes from `emitted` to `end`, with a line break before each document, as a part of the file.
  const flush = (end: number) => {
    const part = new Uint8Array(end - emitted + lineStarts.length);
    let to = 0;
    for (const start of lineStarts) {
      part.set(out.bytes.subarray(emitted, start), to);
      to += start - emitted;
      part[to++] = NEWLINE;
      emitted = start;
    }
    part.set(out.bytes.subarray(emitted, end), to);
    emitted = end;
    lineStarts = [];
    emit(part);
  };
  out.write(head.slice(0, at));
  let total = 0;
  // Canonical order: keys sorted by UTF-16 code units, which is what Array.prototype.sort does with strings.
  [...COLLECTION_NAMES].sort().forEach((c, n) => {
    out.write(`${n ? ',' : ''}${JSON.stringify(c)}:[`);
    const docs = body.collections[c] ?? [];
    docs.forEach((doc, i) => {
      if (i) out.write(',');
      lineStarts.push(out.length);
      out.write(canonicalDocJson(doc));
      if (lineStarts.length === perPart) flush(out.length);
    });
    total += docs.length;
    out.write(']');
  });
  out.write(head.slice(at)); // closes "collections", then createdAt, format, formatVersion, schemaVersions and the object
  const canonical = out.bytes.subarray(0, out.length);
  // The text without its final "}", then the checksum as the last field.
  flush(canonical.length - 1);
  const checksum = await sha256HexOf(canonical);
  emit(new TextEncoder().encode(`,\n"checksum":${JSON.stringify(checksum)}}\n`));
  return { parts, checksum, total };
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
  if (checksumOf(file) !== file.checksum) return fail('checksumMismatch');

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
