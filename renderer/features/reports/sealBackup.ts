import { backupTail } from '@shared/backup/tail';

/**
 * The end of a version-2 backup file (`backupTail`) for the bytes `parts` that precede it: their SHA-256 with the
 * platform's WebCrypto (native, off the calling thread). Used by the gzip worker and by the page's own fallback, so
 * both write the same file. Small on purpose: the worker bundles this module and @shared/backup/tail only.
 */
export async function sealBackup(parts: readonly Uint8Array[]): Promise<Uint8Array<ArrayBuffer>> {
  const whole = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    whole.set(p, at);
    at += p.length;
  }
  return new TextEncoder().encode(backupTail(await webSha256Hex(whole)));
}

/** Lower-case hex SHA-256 with the platform's WebCrypto. */
export async function webSha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  let hex = '';
  for (const b of digest) hex += b.toString(16).padStart(2, '0');
  return hex;
}
