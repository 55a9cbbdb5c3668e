import { describe, expect, it } from 'vitest';
import { RXDB_VERSION } from 'rxdb';
import { readFileSync } from 'node:fs';
import { assertFastDexieRxdbVersion, FAST_DEXIE_WRITTEN_FOR_RXDB } from './rxdbVersion';

describe('the RxDB version fastDexie was written for', () => {
  it('is the installed one, pinned exactly in package.json', () => {
    expect(RXDB_VERSION).toBe(FAST_DEXIE_WRITTEN_FOR_RXDB);
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { dependencies: Record<string, string> };
    expect(pkg.dependencies.rxdb).toBe(FAST_DEXIE_WRITTEN_FOR_RXDB);
    expect(() => assertFastDexieRxdbVersion()).not.toThrow();
  });

  it('refuses another version at start-up, naming both and what to do', () => {
    expect(() => assertFastDexieRxdbVersion('17.7.0')).toThrow(/written for RxDB 17\.6\.0 but RxDB 17\.7\.0 is installed.*fastDexie\.ts/);
    expect(() => assertFastDexieRxdbVersion('18.0.0')).toThrow(/18\.0\.0/);
  });
});
