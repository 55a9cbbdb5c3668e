import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import type { UserConfig } from 'vite';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

/** Vite settings shared by the Electron renderer build and the browser-mode build. */
export const sharedViteConfig: UserConfig = {
  plugins: [react()],
  resolve: {
    alias: {
      '@shared': fileURLToPath(new URL('./shared', import.meta.url)),
      '@renderer': fileURLToPath(new URL('./renderer', import.meta.url)),
    },
  },
  define: {
    __APP_VERSION__: JSON.stringify(pkg.version),
    /** true only in the browser-mode build (vite.web.config.ts): it registers the service worker. */
    __BROWSER_BUILD__: 'false',
  },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 4000,
  },
};
