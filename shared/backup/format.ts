import { schemas } from '../db/schemas';
import { COLLECTION_NAMES, type CollectionName, type IsoInstant } from '../db/types';
import { canonicalJson } from './canonical';
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
