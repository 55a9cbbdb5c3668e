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
    // One file at a time: each starts its own pouchdb-server, and the 5,000-document restart test running beside the
    // property test starved its sync points on 2 cores ("sync did not settle in time" in a fresh-clone CI run).
    fileParallelism: false,
  },
});
