import { BackupTextWriter, type BackupPiece } from '@shared/backup';
import type { IsoInstant } from '@shared/db/types';
import { sealBackup } from './sealBackup';

/**
 * Backups on disk are gzip (a year of a busy centre: ~36 MB of JSON, ~3 MB compressed). The file's bytes go through the platform's CompressionStream (Chromium, Electron, Node) as one Blob's stream;
 * only the compressed bytes are kept for saving.
 */
export async function gzipParts(parts: Uint8Array<ArrayBuffer>[]): Promise<Uint8Array<ArrayBuffer>> {
  const compressed = await new Response(new Blob(parts).stream().pipeThrough(new CompressionStream('gzip'))).arrayBuffer();
  return new Uint8Array(compressed);
}

/**
 * A worker that gzips backups (`gzip.worker.ts`), one file at a time. It remembers a failure (a worker script that
 * cannot load says so once, maybe before any file was sent), so a file is never left waiting on a dead worker.
 */
export class GzipWorker {
  private isFailed = false;
  private pending: ((bytes: ArrayBuffer | null) => void) | null = null;

  private constructor(private readonly worker: Worker) {
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      this.isFailed = true;
      this.settle(null);
    });
    worker.addEventListener('message', (event: MessageEvent<ArrayBuffer | { error: string }>) => this.settle(event.data instanceof ArrayBuffer ? event.data : null));
  }

  /** Null where a module worker cannot start (then the page's own thread compresses). */
  static start(): GzipWorker | null {
    try {
      return new GzipWorker(new Worker(new URL('./gzip.worker.ts', import.meta.url), { type: 'module' }));
    } catch {
      return null;
    }
  }

  /** The worker said it cannot work (it may have been given parts already). */
  get failed(): boolean {
    return this.isFailed;
  }

  get usable(): boolean {
    return !this.isFailed && !this.pending;
  }

  /** Parts of one file in as they are made; `finish` gives its gzip bytes, or null if the worker failed. */
  begin(): { add: (part: Uint8Array<ArrayBuffer>) => void; finish: () => Promise<Uint8Array<ArrayBuffer> | null> } {
    const result = new Promise<ArrayBuffer | null>((resolve) => {
      this.pending = resolve;
    });
    return {
      add: (part) => {
        if (!this.isFailed) this.worker.postMessage(part, [part.buffer]);
      },
      finish: async () => {
        if (this.isFailed) this.settle(null);
        else this.worker.postMessage(null);
        const bytes = await result;
        return bytes && new Uint8Array(bytes);
      },
    };
  }

  terminate(): void {
    this.worker.terminate();
    this.settle(null);
  }

  private settle(bytes: ArrayBuffer | null): void {
    const resolve = this.pending;
    this.pending = null;
    resolve?.(bytes);
  }
}

/** Documents per part of the text (one JSON.stringify each, sent to the worker as it is made). */
const PART = 2000;

/**
 * The backup file (version 2, BackupTextWriter) of the documents `readPieces` gives, gzip. The pieces come in as the
 * database is read (readDatabasePieces reads the next collection while this one is written); this thread only
 * turns them into JSON and UTF-8, a part of 2,000 documents at a time, and each part goes (transferred) to a worker
 * that compresses it while the next is made, and hashes the whole at the end (the checksum covers the bytes as
 * written). Pass a worker started ahead of time (GzipWorker.start): making the text keeps this thread busy, and a
 * worker still starting then only begins when the text is done. Where no worker can start or it fails, the file is
 * read and made again (its parts went to the worker) and hashed and compressed here: the same bytes either way.
 * User Timing (read by test/bench/backupAB.ts and exportsMeasure.ts): `sosedi:backup-pieces` from the start to
 * the last part, of which `sosedi:backup-read` waiting for reads and `sosedi:backup-text` making text;
 * `sosedi:backup-gzip` the wait for the worker after it; the mark `sosedi:backup-on-page` says the file was made
 * here instead.
 */
export async function gzipBackupFile(
  readPieces: () => AsyncIterable<BackupPiece> | Iterable<BackupPiece>,
  meta: { appVersion: string; createdAt: IsoInstant },
  started: GzipWorker | null = null,
): Promise<{ data: Uint8Array<ArrayBuffer>; total: number }> {
  const worker = started?.usable ? started : GzipWorker.start(); // started now, it at least loads while the database is read
  const encoder = new TextEncoder();
  /** The file's parts, each handed to `add` as it is made; false when `stop` says to give up. */
  const makeText = async (add: (part: Uint8Array<ArrayBuffer>) => void, stop: () => boolean) => {
    const writer = new BackupTextWriter(meta);
    const start = performance.now();
    let reading = 0;
    let writing = 0;
    let t = start;
    for await (const { collection, docs } of readPieces()) {
      const got = performance.now();
      reading += got - t;
      if (stop()) return null;
      // a part of up to 2,000 documents at a time: the worker compresses each while the next is made
      for (let i = 0; i < docs.length; i += PART) add(encoder.encode(writer.add(collection, docs.slice(i, i + PART))));
      t = performance.now();
      writing += t - got;
    }
    add(encoder.encode(writer.end()));
    performance.measure('sosedi:backup-pieces', { start });
    performance.measure('sosedi:backup-read', { start, duration: reading });
    performance.measure('sosedi:backup-text', { start, duration: writing + performance.now() - t });
    return writer.total;
  };
  try {
    if (worker?.usable) {
      const compressor = worker.begin();
      const total = await makeText(compressor.add, () => worker.failed);
      performance.mark('sosedi:backup-gzip-start');
      const data = await compressor.finish();
      performance.measure('sosedi:backup-gzip', 'sosedi:backup-gzip-start');
      if (data && total !== null) return { data, total };
    }
    // no worker, or it failed (a worker script that cannot load may say so only after the file was started; its
    // parts went to it, transferred, so the file is read and made again)
    performance.mark('sosedi:backup-on-page');
    const bytes: Uint8Array<ArrayBuffer>[] = [];
    const total = (await makeText((part) => bytes.push(part), () => false))!;
    bytes.push(await sealBackup(bytes));
    return { data: await gzipParts(bytes), total };
  } finally {
    if (worker && worker !== started) worker.terminate();
  }
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
