import { defineConfig, mergeConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { sharedViteConfig } from './vite.shared.ts';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const words = (lang: 'ru' | 'en') =>
  (JSON.parse(readFileSync(here(`./renderer/app/i18n/locales/${lang}/common.json`), 'utf8')) as { install: { name: string; shortName: string; description: string } }).install;
const ru = words('ru');
const en = words('en');

/** The desk's icons from build/, copied into the web build (the manifest and the page's favicon use them). */
const ICONS = [
  { file: 'icon.svg', type: 'image/svg+xml', sizes: 'any' },
  { file: 'icon.png', type: 'image/png', sizes: '512x512' },
  { file: 'icon-192.png', type: 'image/png', sizes: '192x192' },
] as const;

const THEME = '#2a9d8f'; // the icon's colour

function emitIcons(): Plugin {
  return {
    name: 'sosedi-icons',
    apply: 'build',
    generateBundle() {
      for (const icon of ICONS) this.emitFile({ type: 'asset', fileName: `icons/${icon.file}`, source: readFileSync(here(`./build/${icon.file}`)) });
    },
    transformIndexHtml: () => [
      { tag: 'link', attrs: { rel: 'icon', href: './icons/icon.svg', type: 'image/svg+xml' }, injectTo: 'head' },
      { tag: 'link', attrs: { rel: 'apple-touch-icon', href: './icons/icon-192.png' }, injectTo: 'head' },
      { tag: 'meta', attrs: { name: 'theme-color', content: THEME }, injectTo: 'head' },
    ],
  };
}

/**
 * Browser mode: a static build in out/web/ that any static server can serve at "/".
 * A service worker (Workbox, through vite-plugin-pwa) precaches the whole build, fonts included, so the desk opens,
 * reloads and opens every section with no network. A new build waits ("prompt") until the volunteer agrees to reload
 * (renderer/app/update.ts). The Electron build (electron.vite.config.ts) has none of this: it loads from app://.
 */
export default defineConfig(
  mergeConfig(sharedViteConfig, {
    root: here('./renderer'),
    base: './',
    publicDir: false,
    define: { __BROWSER_BUILD__: 'true' },
    plugins: [
      emitIcons(),
      VitePWA({
        registerType: 'prompt',
        injectRegister: false, // registered by renderer/app/update.ts, only in browser mode
        strategies: 'generateSW',
        filename: 'sw.js',
        manifestFilename: 'manifest.webmanifest',
        includeManifestIcons: false, // they are in the build already (emitIcons), so the glob below precaches them
        manifest: {
          id: './',
          name: `${ru.name} · ${en.name}`,
          short_name: ru.shortName,
          description: `${ru.description} / ${en.description}`,
          lang: 'ru',
          dir: 'ltr',
          start_url: './',
          scope: './',
          display: 'standalone',
          background_color: '#ffffff',
          theme_color: THEME,
          icons: ICONS.map((icon) => ({ src: `icons/${icon.file}`, sizes: icon.sizes, type: icon.type, purpose: 'any' })),
        },
        workbox: {
          // Everything the build wrote: every section's chunk and CSS, the fonts, the icons, the manifest.
          globPatterns: ['**/*.{html,js,css,woff,woff2,ttf,png,svg,ico,webmanifest,json}'],
          maximumFileSizeToCacheInBytes: 16 * 1024 * 1024,
          // Hash routing: every navigation (?lang=…, ?profile=…) opens the one page.
          navigateFallback: 'index.html',
          cleanupOutdatedCaches: true,
          clientsClaim: true, // the first visit is served offline at once, without waiting for a reload
          skipWaiting: false,
        },
      }),
    ],
    build: {
      outDir: here('./out/web'),
      emptyOutDir: true,
    },
  }),
);
