/**
 * DOM-free pieces of the browser implementation of window.desk (unit-tested).
 */
import type { FileFilter, PageSize } from '@shared/ipc/contract';

/** `accept` attribute of a file input for dialog filters ("*" means anything). */
export function acceptFromFilters(filters: readonly FileFilter[] | undefined): string {
  const exts = (filters ?? []).flatMap((f) => f.extensions);
  if (exts.length === 0 || exts.includes('*')) return '';
  return [...new Set(exts.map((e) => `.${e.toLowerCase()}`))].join(',');
}

/** Put an @page rule (size, orientation) into an HTML document so the print dialog starts right. */
export function withPageRule(html: string, pageSize: PageSize, landscape: boolean): string {
  const style = `<style>@page { size: ${pageSize} ${landscape ? 'landscape' : 'portrait'}; }</style>`;
  if (/<head[^>]*>/i.test(html)) return html.replace(/<head[^>]*>/i, (m) => `${m}${style}`);
  return `${style}${html}`;
}

/** Secrets in browser mode: plain localStorage under one prefix (NOT encrypted; the UI warns). */
export const SECRET_PREFIX = 'sosedi.secret.';

export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export function browserSecrets(storage: KeyValueStorage) {
  return {
    set(key: string, value: string): { ok: true } | { ok: false; reason: 'unavailable' } {
      try {
        storage.setItem(SECRET_PREFIX + key, value);
        return { ok: true };
      } catch {
        return { ok: false, reason: 'unavailable' };
      }
    },
    get: (key: string): string | null => storage.getItem(SECRET_PREFIX + key),
    delete(key: string): { ok: true } {
      storage.removeItem(SECRET_PREFIX + key);
      return { ok: true };
    },
  };
}
