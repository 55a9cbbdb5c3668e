import { BackupTextWriter, docsText, type BackupPiece } from '@shared/backup';
import type { CollectionName, IsoInstant } from '@shared/db/types';
import { sealBackup } from './sealBackup';

/**
 * Backups on disk are gzip (a year of a busy centre: ~36 MB of JSON, ~3 MB compressed). The file's bytes go through the platform's CompressionStream (Chromium, Electron, Node) as one Blob's stream;
 * only the compressed bytes are kept for saving.
 */
export async function gzipParts(parts: Uint8Array<ArrayBuffer>[]): Promise<Uint8Array<ArrayBuffer>> {
  const compressed = await new Response(new Blob(parts).stream().pipeThrough(new CompressionStream('gzip'))).arrayBuffer();
  return new Uint8Array(compressed);
}

/** A closed month's text, made for a backup and gzipped by the worker after the file, to be kept (backupMonths.ts). */
export interface MonthText {
  collection: CollectionName;
  start: string;
  end: string;
  count: number;
  /** When the read it is of began (Date.now()). */
  readFrom: number;
  gz: Uint8Array<ArrayBuffer>;
}

/** What the page sends the worker: a part of the file, the file's end (null), or which month the next parts are of. */
export type GzipWorkerMessage = Uint8Array<ArrayBuffer> | null | { month: number | null };
/** What the worker answers: the file, then the months' gzip texts (in the order they were named), or an error. */
export type GzipWorkerAnswer = ArrayBuffer | { months: ArrayBuffer[] } | { error: string };

/**
 * A worker that gzips backups (`gzip.worker.ts`), one file at a time. It remembers a failure (a worker script that
 * cannot load says so once, maybe before any file was sent), so a file is never left waiting on a dead worker.
 */
export class GzipWorker {
  private isFailed = false;
  private pending: ((bytes: ArrayBuffer | null) => void) | null = null;
  private pendingMonths: ((months: ArrayBuffer[] | null) => void) | null = null;

  private constructor(private readonly worker: Worker) {
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      this.isFailed = true;
      this.settle(null);
    });
    worker.addEventListener('message', (event: MessageEvent<GzipWorkerAnswer>) => {
      const data = event.data;
      if (data instanceof ArrayBuffer) this.settle(data, true);
      else if ('months' in data) this.settleMonths(data.months);
      else this.settle(null);
    });
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
    return !this.isFailed && !this.pending && !this.pendingMonths;
  }

  /**
   * Parts of one file in as they are made; `month(i)` says that the parts after it are the text of the i-th month to
   * keep (null: no longer). `finish` gives the file's gzip bytes, or null if the worker failed; `months` then the
   * months' gzip texts, in order (null if the worker failed).
   */
  begin(): {
    add: (part: Uint8Array<ArrayBuffer>) => void;
    month: (index: number | null) => void;
    finish: () => Promise<Uint8Array<ArrayBuffer> | null>;
    months: Promise<Uint8Array<ArrayBuffer>[] | null>;
  } {
    const result = new Promise<ArrayBuffer | null>((resolve) => {
      this.pending = resolve;
    });
    const months = new Promise<ArrayBuffer[] | null>((resolve) => {
      this.pendingMonths = resolve;
    });
    const post = (message: GzipWorkerMessage) => {
      if (!this.isFailed) this.worker.postMessage(message, message instanceof Uint8Array ? [message.buffer] : []);
    };
    return {
      add: post,
      month: (index) => post({ month: index }),
      finish: async () => {
        if (this.isFailed) this.settle(null);
        else this.worker.postMessage(null);
        const bytes = await result;
        return bytes && new Uint8Array(bytes);
      },
      months: months.then((list) => list && list.map((b) => new Uint8Array(b))),
    };
  }

  terminate(): void {
    this.worker.terminate();
    this.settle(null);
  }

  /** The file (or the failure: then no months come either). */
  private settle(bytes: ArrayBuffer | null, monthsFollow = false): void {
    const resolve = this.pending;
    this.pending = null;
    resolve?.(bytes);
    if (!monthsFollow) this.settleMonths(null);
  }

  private settleMonths(months: ArrayBuffer[] | null): void {
    const resolve = this.pendingMonths;
    this.pendingMonths = null;
    resolve?.(months);
  }
}

/**
 * The backup file (version 2, BackupTextWriter) of the documents `readPieces` gives, gzip. The pieces come in as the
 * database is read (readDatabasePieces reads the next collection while this one is written); this thread only
 * turns them into JSON and UTF-8, a part of 2,000 documents at a time, and each part goes (transferred) to a worker
 * that compresses it while the next is made, and hashes the whole at the end (the checksum covers the bytes as
 * written). A kept month's text (a piece with `kept`) goes in as it is. Pass a worker started ahead of time
 * (GzipWorker.start): making the text keeps this thread busy, and a worker still starting then only begins when the
 * text is done. Where no worker can start or it fails, the file is read and made again (its parts went to the worker)
 * and hashed and compressed here: the same bytes either way.
 *
 * `keep` names the whole months (pieces with `month`) whose text is to be kept: the worker gzips each of them after
 * the file, and `months` gives them (none where the file was made on this thread).
 *
 * User Timing (read by test/bench/backupAB.ts and exportsMeasure.ts): `sosedi:backup-pieces` from the start to
 * the last part, of which `sosedi:backup-read` waiting for reads (and kept months) and `sosedi:backup-text` making
 * text; `sosedi:backup-gzip` the wait for the worker after it; the mark `sosedi:backup-on-page` says the file was
 * made here instead.
 */
export async function gzipBackupFile(
  readPieces: () => AsyncIterable<BackupPiece> | Iterable<BackupPiece>,
  meta: { appVersion: string; createdAt: IsoInstant },
  started: GzipWorker | null = null,
  keep: (collection: CollectionName, month: { start: string; end: string }) => boolean = () => false,
): Promise<{ data: Uint8Array<ArrayBuffer>; total: number; months: Promise<MonthText[]> }> {
  const worker = started?.usable ? started : GzipWorker.start(); // started now, it at least loads while the database is read
  const encoder = new TextEncoder();
  const toKeep: Omit<MonthText, 'gz'>[] = [];
  /** The file's parts, each handed to `add` as it is made; false when `stop` says to give up. */
  const makeText = async (add: (part: Uint8Array<ArrayBuffer>) => void, stop: () => boolean, month?: (index: number | null) => void) => {
    const writer = new BackupTextWriter(meta);
    const start = performance.now();
    let reading = 0;
    let writing = 0;
    let t = start;
    const waited = async <T,>(value: Promise<T>) => {
      const from = performance.now();
      const got = await value;
      writing -= performance.now() - from;
      reading += performance.now() - from;
      return got;
    };
    for await (const piece of readPieces()) {
      const got = performance.now();
      reading += got - t;
      if (stop()) return null;
      if ('kept' in piece) {
        const head = writer.open(piece.collection, piece.kept.count);
        if (head) add(encoder.encode(head));
        add(await waited(piece.kept.text()));
      } else {
        const head = writer.open(piece.collection, piece.docs.length);
        const index = month && piece.month && keep(piece.collection, piece.month) ? toKeep.push({ collection: piece.collection, ...piece.month, count: piece.docs.length }) - 1 : null;
        // a part of up to 2,000 documents at a time: the worker compresses each while the next is made
        let first = head;
        if (index !== null) {
          if (head) add(encoder.encode(head));
          month!(index);
          first = '';
        }
        for (const part of docsText(piece.docs)) {
          add(encoder.encode(first + part));
          first = '';
        }
        if (index !== null) month!(null);
      }
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
      const total = await makeText(compressor.add, () => worker.failed, compressor.month);
      performance.mark('sosedi:backup-gzip-start');
      const data = await compressor.finish();
      performance.measure('sosedi:backup-gzip', 'sosedi:backup-gzip-start');
      if (data && total !== null) {
        const months = compressor.months.then((list) => (list && list.length === toKeep.length ? toKeep.map((m, i) => ({ ...m, gz: list[i]! })) : []));
        if (worker !== started) void months.finally(() => worker.terminate());
        return { data, total, months };
      }
    }
    // no worker, or it failed (a worker script that cannot load may say so only after the file was started; its
    // parts went to it, transferred, so the file is read and made again)
    performance.mark('sosedi:backup-on-page');
    if (worker && worker !== started) worker.terminate();
    const bytes: Uint8Array<ArrayBuffer>[] = [];
    const total = (await makeText((part) => bytes.push(part), () => false))!;
    bytes.push(await sealBackup(bytes));
    return { data: await gzipParts(bytes), total, months: Promise.resolve([]) };
  } catch (error) {
    if (worker && worker !== started) worker.terminate();
    throw error;
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
