/// <reference lib="webworker" />
/**
 * gzip off the main thread: a backup's parts arrive as they are made (transferred, not copied) and are compressed
 * here while the page makes the next ones; `null` ends that file, its compressed bytes go back (transferred), and the
 * worker is ready for the next file (it is started before it is needed: see useBackup).
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;

function open() {
  const gzip = new CompressionStream('gzip');
  return { writer: gzip.writable.getWriter(), compressed: new Response(gzip.readable).arrayBuffer() };
}

let file = open();

scope.onmessage = (event: MessageEvent<Uint8Array<ArrayBuffer> | null>) => {
  if (event.data) {
    void file.writer.write(event.data);
    return;
  }
  const done = file;
  file = open();
  void done.writer
    .close()
    .then(() => done.compressed)
    .then(
      (bytes) => scope.postMessage(bytes, [bytes]),
      (error: unknown) => scope.postMessage({ error: String(error) }),
    );
};
