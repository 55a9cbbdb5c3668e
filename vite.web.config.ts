import { defineConfig, mergeConfig } from 'vite';
import { fileURLToPath } from 'node:url';
import { sharedViteConfig } from './vite.shared.ts';

/** Browser mode: a static build in out/web/ that any static server can serve at "/". */
export default defineConfig(
  mergeConfig(sharedViteConfig, {
    root: fileURLToPath(new URL('./renderer', import.meta.url)),
    base: './',
    publicDir: false,
    build: {
      outDir: fileURLToPath(new URL('./out/web', import.meta.url)),
      emptyOutDir: true,
    },
  }),
);
