import { encodeBackup, type BackupCollections } from '@shared/backup';
import type { IsoInstant } from '@shared/db/types';

/**
 * Backups on disk are gzip (a year of a busy centre: ~36 MB of JSON, ~3 MB compressed). The file's bytes (made once
 * by encodeBackup) go through the platform's CompressionStream (Chromium, Electron, Node) as one Blob's stream;
 * only the compressed bytes are kept for saving.
 */
export async function gzipParts(parts: Uint8Array<ArrayBuffer>[]): Promise<Uint8Array<ArrayBuffer>> {
  const compressed = await new Response(new Blob(parts).stream().pipeThrough(new CompressionStream('gzip'))).arrayBuffer();
  return new Uint8Array(compressed);
}

/** A gzip compressor in a module worker (`gzip.worker.ts`); null where one cannot start. */
function workerCompressor(): { add: (part: Uint8Array<ArrayBuffer>) => void; finish: () => Promise<Uint8Array<ArrayBuffer> | null> } | null {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./gzip.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return null;
  }
  const result = new Promise<ArrayBuffer | null>((resolve) => {
    worker.onmessage = (event: MessageEvent<ArrayBuffer | { error: string }>) => resolve(event.data instanceof ArrayBuffer ? event.data : null);
    worker.onerror = (event) => {
      event.preventDefault();
      resolve(null);
    };
  });
  return {
    add: (part) => worker.postMessage(part, [part.buffer]),
    async finish() {
      worker.postMessage(null);
      const bytes = await result;
      worker.terminate();
      return bytes && new Uint8Array(bytes);
    },
  };
}

/**
 * The backup file of these documents, gzip. The text is made once (encodeBackup) and its parts go to a compressor in
 * a worker as they are made, so compressing (~0.5 s for a busy year) overlaps making the text instead of following
 * it. Where a module worker cannot start or fails, the file is made again and compressed on this thread: the same
 * bytes either way. User Timing measures `sosedi:backup-text` and `sosedi:backup-gzip` (the wait for the compressor
 * after the text is done) are read by test/bench/exportsMeasure.ts.
 */
export async function gzipBackupFile(
  collections: BackupCollections,
  meta: { appVersion: string; createdAt: IsoInstant },
): Promise<{ data: Uint8Array<ArrayBuffer>; total: number }> {
  const compressor = workerCompressor();
  if (compressor) {
    performance.mark('sosedi:backup-text-start');
    const { total } = await encodeBackup(collections, meta, webSha256Hex, { onPart: compressor.add });
    performance.measure('sosedi:backup-text', 'sosedi:backup-text-start');
    performance.mark('sosedi:backup-gzip-start');
    const data = await compressor.finish();
    performance.measure('sosedi:backup-gzip', 'sosedi:backup-gzip-start');
    if (data) return { data, total };
  }
  const { parts, total } = await encodeBackup(collections, meta, webSha256Hex);
  return { data: await gzipParts(parts), total };
}

/** gzip files start with 1f 8b (RFC 1952). */
export const isGzip = (bytes: Uint8Array): boolean => bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;

/**
 * The text of a backup file: gzip (this version's backups) is decompressed as a stream; anything else is read as
 * the plain UTF-8 JSON that earlier versions (and automatic backups) write. A damaged gzip reads as '' (the
 * backup check then says the file is damaged).
 */
export async function backupText(bytes: Uint8Array): Promise<string> {
  if (!isGzip(bytes)) return new TextDecoder().decode(bytes);
  try {
    const stream = new Blob([new Uint8Array(bytes)]).stream().pipeThrough(new DecompressionStream('gzip'));
    return await new Response(stream).text();
  } catch {
    return '';
  }
}

/** Lower-case hex SHA-256 with the platform's WebCrypto (native; the backup's checksum of a year's data). */
export async function webSha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  let hex = '';
  for (const b of digest) hex += b.toString(16).padStart(2, '0');
  return hex;
}
