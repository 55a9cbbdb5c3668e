/// <reference lib="webworker" />
/**
 * gzip off the main thread: the backup's parts arrive as they are made (transferred, not copied) and are compressed
 * here while the page makes the next ones; `null` ends the file and the compressed bytes go back (transferred).
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
const gzip = new CompressionStream('gzip');
const writer = gzip.writable.getWriter();
const compressed = new Response(gzip.readable).arrayBuffer();

scope.onmessage = (event: MessageEvent<Uint8Array<ArrayBuffer> | null>) => {
  if (event.data) {
    void writer.write(event.data);
    return;
  }
  void writer
    .close()
    .then(() => compressed)
    .then(
      (bytes) => scope.postMessage(bytes, [bytes]),
      (error: unknown) => scope.postMessage({ error: String(error) }),
    );
};
