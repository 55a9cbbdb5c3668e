import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildBackup, buildBackupWith, encodeBackup, parseBackup, serializeBackup, type BackupCollections } from '@shared/backup';
import { generateDataset } from '@shared/fixtures/generate';
import { backupText, gzipBackupFile, gzipParts, isGzip, webSha256Hex } from './backupGzip';

const ds = generateDataset({ size: 'small', anchor: '2026-11-18T11:00' });
const { settings, rooms, people, groups, items, series, bookings, loans, visits } = ds;
const file = buildBackup(
  JSON.parse(JSON.stringify({ settings, rooms, people, groups, items, series, bookings, loans, visits })) as BackupCollections,
  { appVersion: '0.1.0', createdAt: '2026-11-18T08:00:00.000Z' },
);

const meta = { appVersion: '0.1.0', createdAt: '2026-11-18T08:00:00.000Z' };
const gzipBackup = async (f = file) => gzipParts((await encodeBackup(f.collections, meta, webSha256Hex)).parts);

describe('gzip backups', () => {
  it('the WebCrypto checksum is the same as the pure one (old and new backups check alike)', async () => {
    const fast = await buildBackupWith(file.collections, meta, webSha256Hex);
    expect(fast.checksum).toBe(file.checksum);
    expect(parseBackup(serializeBackup(fast)).ok).toBe(true);
  });

  it('written in one pass: the same checksum as the reference writer, a document per line, read back to the same data', async () => {
    const encoded = await encodeBackup(file.collections, meta, webSha256Hex);
    expect(encoded.checksum).toBe(file.checksum);
    expect(encoded.total).toBe(Object.values(file.collections).reduce((n, docs) => n + docs!.length, 0));
    const text = new TextDecoder().decode(await new Blob(encoded.parts).bytes());
    expect(text.split('\n').length).toBeGreaterThan(encoded.total);
    const parsed = parseBackup(text);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed));
    expect(parsed.backup.checksum).toBe(file.checksum);
    expect(parsed.backup.collections).toEqual(file.collections);
    // Edited by hand (one character of one document): refused.
    expect(parseBackup(text.replace('"capacity":', '"capacity":1')).ok).toBe(false);
  });

  it('are gzip that any gunzip (node:zlib) reads back to the exact JSON text, several times smaller', async () => {
    const encoded = await encodeBackup(file.collections, meta, webSha256Hex);
    const bytes = await gzipParts(encoded.parts);
    const text = new TextDecoder().decode(await new Blob(encoded.parts).bytes());
    expect(isGzip(bytes)).toBe(true);
    expect(gunzipSync(bytes).toString('utf8')).toBe(text);
    const ratio = new TextEncoder().encode(text).length / bytes.length;
    expect(ratio, `JSON ${text.length} chars, gzip ${bytes.length} bytes`).toBeGreaterThan(4);
  });

  it('where no worker can start (here: Node), the file is compressed on this thread: the same file', async () => {
    expect(typeof (globalThis as { Worker?: unknown }).Worker).toBe('undefined');
    const { data, total } = await gzipBackupFile(async () => file.collections, meta);
    const encoded = await encodeBackup(file.collections, meta, webSha256Hex);
    expect(total).toBe(encoded.total);
    expect(gunzipSync(data).toString('utf8')).toBe(new TextDecoder().decode(await new Blob(encoded.parts).bytes()));
  });

  it('restore reads both a new gzip backup and an old plain JSON one', async () => {
    const fromGzip = parseBackup(await backupText(await gzipBackup(file)));
    const fromPlain = parseBackup(await backupText(new TextEncoder().encode(serializeBackup(file))));
    expect(fromGzip.ok && fromGzip.total).toBe(fromPlain.ok && fromPlain.total);
    expect(fromGzip.ok && fromGzip.total).toBeGreaterThan(3000);
  });

  it('a cut gzip file is refused as damaged, not thrown', async () => {
    const bytes = await gzipBackup(file);
    const parsed = parseBackup(await backupText(bytes.slice(0, bytes.length >> 1)));
    expect(parsed).toMatchObject({ ok: false, code: 'notJson' });
  });
});
