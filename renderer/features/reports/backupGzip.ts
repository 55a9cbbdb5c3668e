import { serializeBackupChunks, type BackupFile } from '@shared/backup';

/**
 * Backups on disk are gzip (a year of a busy centre: tens of MB of JSON, a few MB compressed). The text is made
 * and compressed piece by piece through the platform's CompressionStream (Chromium, Electron, Node), so the
 * whole JSON never sits in memory as one string; only the compressed bytes are kept for saving.
 */
export async function gzipBackup(file: BackupFile): Promise<Uint8Array<ArrayBuffer>> {
  const pieces = serializeBackupChunks(file);
  const encoder = new TextEncoder();
  const source = new ReadableStream<BufferSource>({
    pull(controller) {
      const next = pieces.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
  });
  const compressed = await new Response(source.pipeThrough(new CompressionStream('gzip'))).arrayBuffer();
  return new Uint8Array(compressed);
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
