import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { backupPieces, buildBackup, encodeBackup, parseBackup, serializeBackup, writeBackup, type BackupCollections } from '@shared/backup';
import { generateDataset } from '@shared/fixtures/generate';
import { backupText, gzipBackupFile, isGzip } from './backupGzip';
import { sealBackup } from './sealBackup';

const ds = generateDataset({ size: 'small', anchor: '2026-11-18T11:00' });
const { settings, rooms, people, groups, items, series, bookings, loans, visits } = ds;
const collections = JSON.parse(JSON.stringify({ settings, rooms, people, groups, items, series, bookings, loans, visits })) as BackupCollections;
const meta = { appVersion: '0.1.0', createdAt: '2026-11-18T08:00:00.000Z' };
/** The version-1 file earlier desks wrote. */
const file = buildBackup(collections, meta);
const gzipBackup = async () => (await gzipBackupFile(() => backupPieces(collections), meta)).data;

describe('gzip backups', () => {
  it('version 2: sealed with WebCrypto (as the worker does) it is the pure writer\'s file, and reads back to the same data', async () => {
    const encoded = encodeBackup(collections, meta);
    const parts = [...encoded.parts].map((t) => new TextEncoder().encode(t));
    expect(parts.length).toBeGreaterThan(5);
    parts.push(await sealBackup(parts));
    const text = new TextDecoder().decode(await new Blob(parts).bytes());
    expect(text).toBe(writeBackup(collections, meta));
    expect(encoded.total).toBe(Object.values(collections).reduce((n, docs) => n + docs.length, 0));
    const parsed = parseBackup(text);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed));
    expect(parsed.backup.formatVersion).toBe(2);
    expect(parsed.total).toBe(encoded.total);
    expect(parsed.backup.collections).toEqual(file.collections);
    // Edited by hand (one character of one document): refused.
    expect(parseBackup(text.replace('"capacity":', '"capacity":1'))).toMatchObject({ ok: false, code: 'checksumMismatch' });
  });

  it('are gzip that any gunzip (node:zlib) reads back to the exact JSON text, several times smaller', async () => {
    const bytes = await gzipBackup();
    const text = writeBackup(collections, meta);
    expect(isGzip(bytes)).toBe(true);
    expect(gunzipSync(bytes).toString('utf8')).toBe(text);
    const ratio = new TextEncoder().encode(text).length / bytes.length;
    expect(ratio, `JSON ${text.length} chars, gzip ${bytes.length} bytes`).toBeGreaterThan(4);
  });

  it('where no worker can start (here: Node), the file is hashed and compressed on this thread: the same file', async () => {
    expect(typeof (globalThis as { Worker?: unknown }).Worker).toBe('undefined');
    const { data, total } = await gzipBackupFile(() => backupPieces(collections), meta);
    expect(total).toBe(encodeBackup(collections, meta).total);
    expect(gunzipSync(data).toString('utf8')).toBe(writeBackup(collections, meta));
  });

  it('restore reads both a new gzip backup and an old plain JSON one', async () => {
    const fromGzip = parseBackup(await backupText(await gzipBackup()));
    const fromPlain = parseBackup(await backupText(new TextEncoder().encode(serializeBackup(file))));
    expect(fromGzip.ok && fromGzip.total).toBe(fromPlain.ok && fromPlain.total);
    expect(fromGzip.ok && fromGzip.total).toBeGreaterThan(3000);
  });

  it('a cut gzip file is refused as damaged, not thrown', async () => {
    const bytes = await gzipBackup();
    const parsed = parseBackup(await backupText(bytes.slice(0, bytes.length >> 1)));
    expect(parsed).toMatchObject({ ok: false, code: 'notJson' });
  });
});
