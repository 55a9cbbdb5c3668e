import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadMainConfig, saveMainConfig } from './config';
import { createSecretStore, type SafeStorageLike } from './secrets';
import { DEFAULT_WINDOW_STATE, fitToWorkAreas, loadWindowState, saveWindowState } from './windowState';

const dirs: string[] = [];
const tempFile = (name: string) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'desk-state-'));
  dirs.push(dir);
  return path.join(dir, name);
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('window state', () => {
  it('round-trips and ignores a broken file', () => {
    const file = tempFile('window-state.json');
    expect(loadWindowState(file)).toEqual(DEFAULT_WINDOW_STATE);
    saveWindowState(file, { x: 10, y: 20, width: 1000, height: 700, maximized: true });
    expect(loadWindowState(file)).toEqual({ x: 10, y: 20, width: 1000, height: 700, maximized: true });
    writeFileSync(file, '{"width": "huge"');
    expect(loadWindowState(file)).toEqual(DEFAULT_WINDOW_STATE);
  });

  it('drops a position that is off every display and caps the size', () => {
    const screen = [{ x: 0, y: 0, width: 1920, height: 1040 }];
    expect(fitToWorkAreas({ x: 100, y: 50, width: 1200, height: 800, maximized: false }, screen)).toMatchObject({ x: 100, y: 50 });
    const gone = fitToWorkAreas({ x: 3000, y: 50, width: 1200, height: 800, maximized: false }, screen);
    expect(gone.x).toBeUndefined();
    expect(fitToWorkAreas({ width: 5000, height: 3000, maximized: false }, screen)).toMatchObject({ width: 1920, height: 1040 });
  });
});

// A reversible fake cipher stands in for Electron's safeStorage (no binary here).
const fakeSafeStorage = (available = true, backend = 'gnome_libsecret'): SafeStorageLike => ({
  isEncryptionAvailable: () => available,
  encryptString: (s) => Buffer.from(`enc:${[...s].reverse().join('')}`),
  decryptString: (b) => [...b.toString().replace(/^enc:/, '')].reverse().join(''),
  getSelectedStorageBackend: () => backend,
});

describe('secret store', () => {
  it('stores only ciphertext and reads it back', () => {
    const file = tempFile('secrets.json');
    const store = createSecretStore(file, fakeSafeStorage());
    expect(store.set('sync.password', 'hunter2')).toEqual({ ok: true });
    expect(readFileSync(file, 'utf8')).not.toContain('hunter2');
    expect(store.get('sync.password')).toBe('hunter2');
    expect(store.get('other')).toBeNull();
    store.delete('sync.password');
    expect(store.get('sync.password')).toBeNull();
    expect(store.encrypted()).toBe(true);
  });

  it('refuses to store when the OS offers no encryption, and flags basic_text as unencrypted', () => {
    const file = tempFile('secrets.json');
    expect(createSecretStore(file, fakeSafeStorage(false)).set('k', 'v')).toEqual({ ok: false, reason: 'unavailable' });
    expect(createSecretStore(file, fakeSafeStorage(true, 'basic_text')).encrypted()).toBe(false);
  });
});

describe('main config', () => {
  it('defaults to Russian and keeps only valid sync origins', () => {
    const file = tempFile('desk-config.json');
    expect(loadMainConfig(file)).toEqual({ menuLanguage: 'ru', syncOrigins: [], backupFolder: null, updateFeed: null });
    const backupFolder = path.dirname(file);
    saveMainConfig(file, { menuLanguage: 'en', syncOrigins: ['http://127.0.0.1:5984'], backupFolder, updateFeed: null });
    expect(loadMainConfig(file)).toEqual({ menuLanguage: 'en', syncOrigins: ['http://127.0.0.1:5984'], backupFolder, updateFeed: null });
    writeFileSync(file, JSON.stringify({ menuLanguage: 'xx', syncOrigins: ["*; script-src 'unsafe-eval'"], backupFolder: 'relative/dir' }));
    expect(loadMainConfig(file)).toEqual({ menuLanguage: 'ru', syncOrigins: [], backupFolder: null, updateFeed: null });
    writeFileSync(file, JSON.stringify({ syncOrigins: ['http://x;sandbox', 'https://couch.example.org/', 'https://couch.example.org'] }));
    expect(loadMainConfig(file).syncOrigins).toEqual([]);
    writeFileSync(file, JSON.stringify({ syncOrigins: ['https://couch.example.org'] }));
    expect(loadMainConfig(file).syncOrigins).toEqual(['https://couch.example.org']);
  });

  it('keeps the centre’s update feed only when it is an HTTPS folder or a GitHub repository', () => {
    const file = tempFile('desk-config.json');
    const feed = (updateFeed: unknown) => {
      writeFileSync(file, JSON.stringify({ updateFeed }));
      return loadMainConfig(file).updateFeed;
    };
    expect(feed({ provider: 'generic', url: 'https://desk.example.org/releases/' })).toEqual({ provider: 'generic', url: 'https://desk.example.org/releases/' });
    expect(feed({ provider: 'github', owner: 'sosedi', repo: 'desk' })).toEqual({ provider: 'github', owner: 'sosedi', repo: 'desk' });
    expect(feed({ provider: 'generic', url: 'http://127.0.0.1:8080/' })).toEqual({ provider: 'generic', url: 'http://127.0.0.1:8080/' });
    for (const bad of [
      { provider: 'generic', url: 'http://desk.example.org/releases/' },
      { provider: 'generic', url: 'https://user:pw@desk.example.org/' },
      { provider: 'generic', url: 'file:///tmp/releases' },
      { provider: 'github', owner: 'a/b', repo: 'desk' },
      { provider: 'github', owner: 'sosedi', repo: 'desk', token: 'ghp_x' },
      { provider: 's3', bucket: 'x' },
      'https://desk.example.org/',
    ])
      expect(feed(bad), JSON.stringify(bad)).toBeNull();
  });
});
