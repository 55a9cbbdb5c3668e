/// <reference lib="webworker" />
import { sealBackup } from './sealBackup';
import type { GzipWorkerMessage } from './backupGzip';

/**
 * A backup's bytes, hashed and gzipped off the page's thread: the parts arrive as the page makes them (transferred,
 * not copied) and are compressed here while the page makes the next ones, and kept; `null` ends the file: the
 * checksum of everything received is added as its last field (sealBackup: version 2, the checksum covers the bytes
 * as written), and the compressed file goes back (transferred). Then the months the page named (`{ month: i }`
 * before their parts, `{ month: null }` after) are gzipped one by one, each on its own, and go back together, for the
 * page to keep (backupMonths.ts). The worker is then ready for the next file (it is started before it is needed: see
 * useBackup).
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;

function open() {
  const gzip = new CompressionStream('gzip');
  return {
    writer: gzip.writable.getWriter(),
    compressed: new Response(gzip.readable).arrayBuffer(),
    parts: [] as Uint8Array[],
    months: [] as Uint8Array<ArrayBuffer>[][],
    month: null as Uint8Array<ArrayBuffer>[] | null,
  };
}

const gzip = (parts: Uint8Array<ArrayBuffer>[]) => new Response(new Blob(parts).stream().pipeThrough(new CompressionStream('gzip'))).arrayBuffer();

let file = open();

scope.onmessage = (event: MessageEvent<GzipWorkerMessage>) => {
  const data = event.data;
  if (data instanceof Uint8Array) {
    file.parts.push(data);
    file.month?.push(data);
    void file.writer.write(data);
    return;
  }
  if (data) {
    file.month = data.month === null ? null : (file.months[data.month] = []);
    return;
  }
  const done = file;
  file = open();
  void sealBackup(done.parts)
    .then((tail) => {
      done.parts = [];
      void done.writer.write(tail);
      return done.writer.close();
    })
    .then(() => done.compressed)
    .then(async (bytes) => {
      scope.postMessage(bytes, [bytes]);
      const months: ArrayBuffer[] = [];
      for (const parts of done.months) months.push(await gzip(parts));
      done.months = [];
      scope.postMessage({ months }, months);
    })
    .catch((error: unknown) => scope.postMessage({ error: String(error) }));
};
