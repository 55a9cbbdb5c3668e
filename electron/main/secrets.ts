/**
 * Secrets (sync credentials) encrypted with Electron's safeStorage and kept in
 * userData/secrets.json as base64. Never stored in plain text: when the OS offers
 * no encryption, storing is refused.
 */
import { readJsonFile, writeJsonFile } from './jsonFile';

/** The part of Electron's safeStorage this store uses. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  getSelectedStorageBackend?(): string;
}

export interface SecretStore {
  /** True when secrets are really encrypted (not Linux's "basic_text" fallback). */
  encrypted(): boolean;
  set(key: string, value: string): { ok: true } | { ok: false; reason: 'unavailable' };
  get(key: string): string | null;
  delete(key: string): { ok: true };
}

function readAll(file: string): Record<string, string> {
  const data = readJsonFile(file);
  if (!data || typeof data !== 'object' || Array.isArray(data)) return {};
  return Object.fromEntries(Object.entries(data).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

export function createSecretStore(file: string, safeStorage: SafeStorageLike): SecretStore {
  const available = () => safeStorage.isEncryptionAvailable();
  return {
    encrypted: () => available() && safeStorage.getSelectedStorageBackend?.() !== 'basic_text',
    set(key, value) {
      if (!available()) return { ok: false, reason: 'unavailable' };
      const all = readAll(file);
      all[key] = safeStorage.encryptString(value).toString('base64');
      writeJsonFile(file, all);
      return { ok: true };
    },
    get(key) {
      const stored = readAll(file)[key];
      if (stored === undefined || !available()) return null;
      try {
        return safeStorage.decryptString(Buffer.from(stored, 'base64'));
      } catch {
        return null; // encrypted under another OS account / keyring: treat as absent
      }
    },
    delete(key) {
      const all = readAll(file);
      if (key in all) {
        delete all[key];
        writeJsonFile(file, all);
      }
      return { ok: true };
    },
  };
}
