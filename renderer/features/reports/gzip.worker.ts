/// <reference lib="webworker" />
import { sealBackup } from './sealBackup';

/**
 * A backup's bytes, hashed and gzipped off the page's thread: the parts arrive as the page makes them (transferred,
 * not copied) and are compressed here while the page makes the next ones, and kept; `null` ends the file: the
 * checksum of everything received is added as its last field (sealBackup: version 2, the checksum covers the bytes
 * as written), and the compressed file goes back (transferred). The worker is then ready for the next file (it is
 * started before it is needed: see useBackup).
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;

function open() {
  const gzip = new CompressionStream('gzip');
  return { writer: gzip.writable.getWriter(), compressed: new Response(gzip.readable).arrayBuffer(), parts: [] as Uint8Array[] };
}

let file = open();

scope.onmessage = (event: MessageEvent<Uint8Array<ArrayBuffer> | null>) => {
  if (event.data) {
    file.parts.push(event.data);
    void file.writer.write(event.data);
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
    .then(
      (bytes) => scope.postMessage(bytes, [bytes]),
      (error: unknown) => scope.postMessage({ error: String(error) }),
    );
};
