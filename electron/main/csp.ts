import { isSyncOrigin } from '@shared/net/syncUrl';

/**
 * Content-Security-Policy of the app (sent as a header by the app:// protocol handler).
 * No 'unsafe-eval' and no inline scripts. 'unsafe-inline' styles are needed by Mantine
 * (it injects <style> elements and style attributes).
 */
export function buildCsp(syncOrigins: readonly string[] = []): string {
  // Only origins exactly as checkSyncUrl writes them: a stray `;` or quote would add a directive.
  const connect = ["'self'", ...syncOrigins.filter(isSyncOrigin)].join(' ');
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src ${connect}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "frame-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Print documents: no scripts at all, only inline styles and embedded images/fonts. */
export const PRINT_CSP = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  'img-src data: blob:',
  'font-src data:',
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

