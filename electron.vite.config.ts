import { defineConfig, mergeConfig } from 'electron-vite';
import { fileURLToPath } from 'node:url';
import { sharedViteConfig } from './vite.shared';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const alias = sharedViteConfig.resolve?.alias;

/**
 * Desktop build: out/main (ESM main process), out/preload/index.cjs (the sandboxed
 * preload must be one CommonJS file with everything bundled), out/renderer (served
 * from app://desk/ by the main process).
 */
export default defineConfig({
  main: {
    resolve: { alias },
    build: {
      outDir: here('./out/main'),
      rollupOptions: { input: { index: here('./electron/main/index.ts') } },
    },
  },
  preload: {
    resolve: { alias },
    build: {
      outDir: here('./out/preload'),
      externalizeDeps: false,
      rollupOptions: {
        input: { index: here('./electron/preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: mergeConfig(sharedViteConfig, {
    root: here('./renderer'),
    base: './',
    publicDir: false,
    build: {
      outDir: here('./out/renderer'),
      emptyOutDir: true,
      rollupOptions: { input: here('./renderer/index.html') },
    },
  }),
});
