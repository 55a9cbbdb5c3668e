import { describe, expect, it } from 'vitest';
import type { PluginOption, UserConfig } from 'vite';
import electronConfig from '../electron.vite.config';
import webConfig from '../vite.web.config';

/** Names of the Vite plugins in a config (plugin arrays may nest). */
function pluginNames(plugins: PluginOption[] | undefined): string[] {
  return (plugins ?? []).flat(Infinity as 1).flatMap((p) => (p && typeof p === 'object' && 'name' in p ? [String(p.name)] : []));
}

/**
 * The desktop app loads its renderer from app:// and has no service worker: its build neither generates one nor
 * registers one (renderer/app/update.ts does nothing unless __BROWSER_BUILD__ is true). Browser mode has both.
 */
describe('service worker: browser mode only', () => {
  it('the Electron renderer build has no PWA plugin and __BROWSER_BUILD__ is false', () => {
    const renderer = (electronConfig as { renderer: UserConfig }).renderer;
    expect(pluginNames(renderer.plugins).some((n) => n.startsWith('vite-plugin-pwa'))).toBe(false);
    expect(renderer.define?.__BROWSER_BUILD__).toBe('false');
  });

  it('the browser-mode build generates the service worker and turns the registration on', () => {
    const web = webConfig as UserConfig;
    expect(pluginNames(web.plugins).some((n) => n.startsWith('vite-plugin-pwa'))).toBe(true);
    expect(web.define?.__BROWSER_BUILD__).toBe('true');
  });
});
