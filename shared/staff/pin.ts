/**
 * Volunteers' PINs (4–6 digits): stored only as a salted scrypt hash (@noble/hashes, audited, pure JS: the same
 * code in Electron and browser mode, no WebAssembly for the CSP to allow).
 *
 * What a PIN does and does not protect: it says who is at the desk and keeps a volunteer out of coordinator-only
 * actions. With at most 10^6 PINs no KDF setting stops someone who copies the disk (or the synced documents) from
 * trying them all offline; the data on the disk is protected by the operating system's disk encryption, not by
 * PINs. The cost below makes a stolen hash slow to reverse while an unlock stays about a second on an old laptop;
 * the parameters are stored with each hash, so they can be raised later without invalidating older PINs.
 *
 * Domain rule: returns/throws codes, never user-facing text.
 */
import { scryptAsync } from '@noble/hashes/scrypt.js';
import { randomBytes } from '@noble/hashes/utils.js';
import type { SecretHash } from '../db/schemas/staff';

export const PIN_PATTERN = /^\d{4,6}$/;

/** scrypt cost for new PINs: 64 MiB, r=8, p=1. */
export const PIN_KDF = { N: 2 ** 16, r: 8, p: 1 } as const;
/** A stored hash below this cost is refused (a tampered synced document must not make a PIN cheap to find). */
const MIN_LOG_N = 14;
const MAX_LOG_N = 20;
const SALT_BYTES = 16;
const HASH_BYTES = 32;

/** The stored form (base64 salt and hash, with the cost they were made with): `staff` documents hold it. */
export type PinHash = SecretHash;

export type PinProblem = 'pin.format' | 'pin.weak';

/** Why a new PIN is refused: not 4–6 digits, or guessable at first try (1111, 1234, 9876…). */
export function pinProblem(pin: string): PinProblem | null {
  if (!PIN_PATTERN.test(pin)) return 'pin.format';
  const digits = [...pin].map(Number);
  const steps = new Set(digits.slice(1).map((d, i) => d - digits[i]!));
  if (steps.size === 1 && [0, 1, -1].includes([...steps][0]!)) return 'pin.weak';
  return null;
}

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
function fromBase64(text: string): Uint8Array | null {
  try {
    return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

/** Hashes a new PIN (refused with a code when pinProblem finds one). `kdf` is for tests and future tuning. */
export async function hashPin(pin: string, kdf: { N: number; r: number; p: number } = PIN_KDF): Promise<PinHash> {
  const problem = pinProblem(pin);
  if (problem) throw Object.assign(new Error(problem), { code: problem });
  return hashSecret(pin, kdf);
}

/** Hashes any secret the same way (the recovery code: shared/staff/recovery.ts). */
export async function hashSecret(secret: string, kdf: { N: number; r: number; p: number } = PIN_KDF): Promise<PinHash> {
  const salt = randomBytes(SALT_BYTES);
  const hash = await scryptAsync(secret, salt, { ...kdf, dkLen: HASH_BYTES });
  return { kdf: 'scrypt', ...kdf, salt: toBase64(salt), hash: toBase64(hash) };
}

function usableParams(stored: PinHash): boolean {
  const logN = Math.log2(stored.N);
  return (
    stored.kdf === 'scrypt' &&
    Number.isInteger(logN) &&
    logN >= MIN_LOG_N &&
    logN <= MAX_LOG_N &&
    Number.isInteger(stored.r) &&
    stored.r >= 8 &&
    stored.r <= 32 &&
    Number.isInteger(stored.p) &&
    stored.p >= 1 &&
    stored.p <= 4
  );
}

/** Compares without an early exit, so the time taken does not tell how much of the hash matched. */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

/**
 * True when `pin` is the one `stored` was made from. A malformed or too-cheap stored hash never matches (and a
 * PIN that is not 4–6 digits is not even hashed).
 */
export async function verifyPin(pin: string, stored: PinHash): Promise<boolean> {
  return PIN_PATTERN.test(pin) && verifySecret(pin, stored);
}

/** True when `secret` is the one `stored` was made from (a malformed or too-cheap stored hash never matches). */
export async function verifySecret(secret: string, stored: PinHash): Promise<boolean> {
  if (!secret || !usableParams(stored)) return false;
  const salt = fromBase64(stored.salt);
  const expected = fromBase64(stored.hash);
  if (!salt || salt.length < SALT_BYTES || !expected || expected.length !== HASH_BYTES) return false;
  const actual = await scryptAsync(secret, salt, { N: stored.N, r: stored.r, p: stored.p, dkLen: HASH_BYTES });
  return sameBytes(actual, expected);
}
