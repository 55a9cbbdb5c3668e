/**
 * Printing: the current view, a given HTML document (hidden hardened window with
 * scripts off, system print dialog), or HTML to PDF bytes. The HTML is served as a
 * one-shot document from app://print/<id> (a separate origin, CSP without scripts),
 * so size is not limited by data-URL length.
 */
import { randomUUID } from 'node:crypto';
import type { BrowserWindow, WebContents, WebContentsPrintOptions } from 'electron';
import type { PageSize, PrintResult, PrintToPdfResult } from '@shared/ipc/contract';
import { APP_SCHEME, PRINT_HOST } from './scheme';

const LOAD_TIMEOUT_MS = 30_000;

export function printContents(contents: WebContents, options: WebContentsPrintOptions = {}): Promise<PrintResult> {
  return new Promise((resolve) => {
    contents.print({ silent: false, printBackground: true, ...options }, (success, failureReason) => {
      if (success) resolve({ ok: true });
      else resolve({ ok: false, reason: /cancel/i.test(failureReason) ? 'cancelled' : 'failed' });
    });
  });
}

export interface Printer {
  /** Documents currently being printed, served by the protocol handler. */
  readonly documents: Map<string, string>;
  printHtml(html: string): Promise<PrintResult>;
  printToPdf(html: string, pageSize: PageSize, landscape: boolean): Promise<PrintToPdfResult>;
}

/** `createHiddenWindow` must return a hardened, hidden window with JavaScript disabled. */
export function createPrinter(createHiddenWindow: () => BrowserWindow): Printer {
  const documents = new Map<string, string>();

  async function withDocument<T>(html: string, fallback: T, run: (win: BrowserWindow) => Promise<T>): Promise<T> {
    const id = randomUUID();
    documents.set(id, html);
    const win = createHiddenWindow();
    let timer: NodeJS.Timeout | undefined;
    try {
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('print document load timed out')), LOAD_TIMEOUT_MS);
      });
      await Promise.race([win.loadURL(`${APP_SCHEME}://${PRINT_HOST}/${id}`), timeout]);
      return await run(win);
    } catch {
      return fallback;
    } finally {
      clearTimeout(timer);
      documents.delete(id);
      if (!win.isDestroyed()) win.destroy();
    }
  }

  return {
    documents,
    printHtml: (html) => withDocument<PrintResult>(html, { ok: false, reason: 'failed' }, (win) => printContents(win.webContents)),
    printToPdf: (html, pageSize, landscape) =>
      withDocument<PrintToPdfResult>(html, { ok: false, reason: 'failed' }, async (win) => {
        const pdf = await win.webContents.printToPDF({ pageSize, landscape, printBackground: true });
        return { ok: true, bytes: new Uint8Array(pdf) };
      }),
  };
}
