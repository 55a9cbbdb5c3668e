import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

/** Integration: several RxDB clients (memory storage) against a real pouchdb-server on 127.0.0.1. */
export default defineConfig({
  resolve: {
    alias: {
      '@shared': fileURLToPath(new URL('./shared', import.meta.url)),
      '@renderer': fileURLToPath(new URL('./renderer', import.meta.url)),
    },
  },
  test: {
    include: ['test/integration/**/*.test.ts'],
    environment: 'node',
    testTimeout: 90000,
    hookTimeout: 60000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
