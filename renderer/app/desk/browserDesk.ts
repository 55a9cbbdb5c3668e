/**
 * window.desk in a plain browser ("browser mode"): save → download, open → file
 * input, print → window.print / a hidden iframe, PDF → the browser's print dialog
 * (the result says so), secrets → localStorage (unencrypted: appInfo says
 * secretsEncrypted: false so Settings can warn).
 */
import {
  type BrowserMode,
  type DeskApi,
  type OpenFileResult,
  type PrintResult,
  type PrintToPdfResult,
} from '@shared/ipc/contract';
import { isAllowedExternalUrl } from '@shared/ipc/links';
import { checkSyncUrl } from '@shared/net/syncUrl';
import { acceptFromFilters, browserSecrets, withPageRule } from './browserPieces';

const PRINT_CLEANUP_MS = 60_000;
const browserMode = async (): Promise<BrowserMode> => ({ ok: false, reason: 'browser-mode' });

function download(name: string, data: string | Uint8Array): void {
  const part: BlobPart = typeof data === 'string' ? data : new Uint8Array(data);
  const url = URL.createObjectURL(new Blob([part]));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function pickFile(accept: string): Promise<OpenFileResult> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.style.display = 'none';
    input.tabIndex = -1;
    const done = (result: OpenFileResult) => {
      input.remove();
      resolve(result);
    };
    input.addEventListener('cancel', () => done({ ok: false, reason: 'cancelled' }));
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      if (!file) return done({ ok: false, reason: 'cancelled' });
      file.arrayBuffer().then(
        (buf) => done({ ok: true, name: file.name, bytes: new Uint8Array(buf) }),
        () => done({ ok: false, reason: 'failed' }),
      );
    });
    document.body.append(input);
    input.click();
  });
}

/** Print an HTML document from a hidden, script-less iframe with the browser's print dialog. */
function printInFrame(html: string): Promise<PrintResult> {
  return new Promise((resolve) => {
    const frame = document.createElement('iframe');
    // Same origin so we may call print(); no allow-scripts: the document's own scripts never run.
    frame.setAttribute('sandbox', 'allow-same-origin allow-modals');
    frame.setAttribute('aria-hidden', 'true');
    frame.tabIndex = -1;
    Object.assign(frame.style, { position: 'fixed', width: '0', height: '0', border: '0', right: '0', bottom: '0' });
    const cleanup = () => frame.remove();
    frame.addEventListener('load', () => {
      const win = frame.contentWindow;
      if (!win) {
        cleanup();
        return resolve({ ok: false, reason: 'failed' });
      }
      win.addEventListener('afterprint', () => setTimeout(cleanup, 0));
      setTimeout(cleanup, PRINT_CLEANUP_MS);
      win.focus();
      win.print();
      resolve({ ok: true });
    });
    frame.srcdoc = html;
    document.body.append(frame);
  });
}

export function createBrowserDesk(): DeskApi {
  const secrets = browserSecrets(window.localStorage);
  return {
    appInfo: async () => ({
      name: 'Sosedi Desk',
      version: __APP_VERSION__,
      platform: 'browser',
      isElectron: false,
      secretsEncrypted: false,
    }),
    saveFile: async (request) => {
      download(request.suggestedName, request.data);
      return { ok: true, path: request.suggestedName };
    },
    openFile: (request = {}) => pickFile(acceptFromFilters(request.filters)),
    printView: async () => {
      window.print();
      return { ok: true };
    },
    printHtml: ({ html }) => printInFrame(html),
    printToPdf: async ({ html, pageSize, landscape }): Promise<PrintToPdfResult> => {
      const printed = await printInFrame(withPageRule(html, pageSize, landscape ?? false));
      return printed.ok ? { ok: false, reason: 'browser-print-dialog' } : { ok: false, reason: 'failed' };
    },
    setSecret: async (key, value) => secrets.set(key, value),
    getSecret: async (key) => secrets.get(key),
    deleteSecret: async (key) => secrets.delete(key),
    openExternal: async (url) => {
      if (!isAllowedExternalUrl(url)) return { ok: false, reason: 'not-allowed' };
      window.open(url, '_blank', 'noopener,noreferrer');
      return { ok: true };
    },
    setMenuLanguage: async () => ({ ok: true }),
    setSyncServer: async (url, inBuilding = false) => {
      // No CSP of ours to widen in a browser: only check the URL like main does.
      if (url !== null && !checkSyncUrl(url, { inBuilding }).ok) return { ok: false, reason: 'invalid-url' };
      return { ok: true, reloadRequired: false };
    },
    // A web page cannot write into a folder on its own every day: automatic backups need the desktop app.
    backupFolderChoose: browserMode,
    backupFolderGet: browserMode,
    backupList: browserMode,
    backupWriteAndRotate: browserMode,
    // browser mode updates through its service worker (renderer/app/update.ts)
    updateState: async () => ({ phase: 'off', reason: 'browser-mode' }),
    updateCheck: async () => ({ phase: 'off', reason: 'browser-mode' }),
    updateInstall: async () => ({ ok: false, reason: 'not-ready' }),
  };
}
