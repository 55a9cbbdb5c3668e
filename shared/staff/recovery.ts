/**
 * The way back in when a coordinator's PIN is lost (docs/staff.md): a one-time recovery code, shown once when the
 * coordinator's PIN is set, kept on paper in the centre's safe, stored only as a salted scrypt hash. It sets a new
 * PIN for that coordinator and is then used up (a new code is shown with the new PIN).
 *
 * 16 characters of Crockford's base32 (80 random bits; no I, L, O, U), shown in groups of four. Typing is forgiving:
 * lower case, spaces and dashes, and O/I/L for 0/1/1 are accepted.
 */
import { randomBytes } from '@noble/hashes/utils.js';
import { hashSecret, PIN_KDF, verifySecret, type PinHash } from './pin';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const LENGTH = 16;

/** A new code, as shown: `XXXX-XXXX-XXXX-XXXX`. */
export function newRecoveryCode(): string {
  const bytes = randomBytes(LENGTH);
  const chars = [...bytes].map((b) => ALPHABET[b & 31]!);
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-');
}

/** The code as typed → its canonical form, or null when it cannot be a code. */
export function normaliseRecoveryCode(typed: string): string | null {
  const plain = typed
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (plain.length !== LENGTH || [...plain].some((c) => !ALPHABET.includes(c))) return null;
  return plain;
}

export async function hashRecoveryCode(code: string, kdf: { N: number; r: number; p: number } = PIN_KDF): Promise<PinHash> {
  const plain = normaliseRecoveryCode(code);
  if (!plain) throw Object.assign(new Error('recovery.format'), { code: 'recovery.format' });
  return hashSecret(plain, kdf);
}

export async function verifyRecoveryCode(typed: string, stored: PinHash): Promise<boolean> {
  const plain = normaliseRecoveryCode(typed);
  return plain !== null && verifySecret(plain, stored);
}
