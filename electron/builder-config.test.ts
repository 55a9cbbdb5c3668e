import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * electron-builder.yml checked with electron-builder's own schema validation
 * (app-builder-lib's validateConfiguration against its scheme.json), the same
 * check `electron-builder` runs before packaging.
 */
const require = createRequire(import.meta.url);
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  getConfig(projectDir: string, configPath: string | null, fromOptions: null): Promise<Record<string, unknown>>;
  validateConfiguration(config: unknown, logger: unknown): Promise<void>;
};
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

const root = fileURLToPath(new URL('..', import.meta.url));
const load = () => getConfig(root, 'electron-builder.yml', null);
const validate = (config: unknown) => validateConfiguration(config, new DebugLogger(false));

function pngSize(file: string): { width: number; height: number } {
  const b = readFileSync(file);
  expect(b.subarray(1, 4).toString()).toBe('PNG');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

describe('electron-builder.yml', () => {
  it('passes electron-builder schema validation', async () => {
    await expect(validate(await load())).resolves.toBeUndefined();
  });

  it('names the app and targets Linux (AppImage, deb), Windows (NSIS) and macOS (dmg, and the zip its updates use)', async () => {
    const c = (await load()) as Record<string, { target?: string[]; icon?: string } | string>;
    expect(c['appId']).toBe('org.sosedi.desk');
    expect(c['productName']).toBe('Sosedi Desk');
    expect(c['linux']).toMatchObject({ target: ['AppImage', 'deb'] });
    expect(c['win']).toMatchObject({ target: ['nsis'] });
    expect(c['mac']).toMatchObject({ target: ['dmg', 'zip'] });
    for (const platform of ['linux', 'win', 'mac']) {
      const icon = (c[platform] as { icon: string }).icon;
      expect(pngSize(`${root}/${icon}`)).toEqual({ width: 512, height: 512 });
    }
  });

  it('packs the built app only (out/**) whose entry is package.json main', async () => {
    const c = await load();
    const pkg = JSON.parse(readFileSync(`${root}/package.json`, 'utf8')) as { main: string };
    expect(pkg.main).toBe('out/main/index.js');
    expect(JSON.stringify(c['files'])).toContain('"out/**"');
  });

  // Electron's security guidance: docs/tutorial/fuses.md and the security checklist's "Check which fuses you can change"
  const FUSES: Record<string, boolean> = {
    runAsNode: false,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    grantFileProtocolExtraPrivileges: false,
    loadBrowserProcessSpecificV8Snapshot: false,
  };

  it.each(Object.entries(FUSES))('sets the fuse %s to %s', async (fuse, value) => {
    const fuses = (await load())['electronFuses'] as Record<string, unknown>;
    expect(fuses[fuse]).toBe(value);
  });

  it('decides every fuse electron-builder can set (a new one fails here until it is decided)', async () => {
    const scheme = require('app-builder-lib/scheme.json') as { definitions: { FuseOptionsV1: { properties: Record<string, unknown> } } };
    // resetAdHocDarwinSignature is a signing step for unsigned macOS arm64 builds, not a fuse
    const settable = Object.keys(scheme.definitions.FuseOptionsV1.properties).filter((k) => k !== 'resetAdHocDarwinSignature');
    expect(settable.sort()).toEqual(Object.keys(FUSES).sort());
    const fuses = (await load())['electronFuses'] as Record<string, unknown>;
    expect(Object.keys(fuses).sort()).toEqual(Object.keys(FUSES).sort());
  });

  it.each([
    ['a generic HTTPS folder', { provider: 'generic', url: 'https://desk.example.org/releases/' }],
    ['GitHub releases', { provider: 'github', owner: 'sosedi', repo: 'desk' }],
  ])('accepts the release feed docs/distribution.md describes: %s', async (_name, publish) => {
    const c = await load();
    expect(c['publish']).toBeNull(); // none unless the centre chooses one when it builds
    await expect(validate({ ...c, publish })).resolves.toBeUndefined();
  });

  it.each([
    ['an unknown field', (c: Record<string, unknown>) => ({ ...c, productNmae: 'typo' })],
    ['an unknown nested field', (c: Record<string, unknown>) => ({ ...c, linux: { ...(c['linux'] as object), bogus: true } })],
    ['a wrong type', (c: Record<string, unknown>) => ({ ...c, asar: 'yes please' })],
    ['an unknown NSIS option', (c: Record<string, unknown>) => ({ ...c, nsis: { oneClick: 'maybe' } })],
  ])('refuses %s', async (_name, mutate) => {
    await expect(validate(mutate(await load()))).rejects.toThrow(/Invalid configuration object/);
  });
});
