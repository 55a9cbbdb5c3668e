import { defineConfig } from 'vitest/config';
import unit from './vitest.config';

/** Integration: several RxDB clients (memory storage) against a real pouchdb-server on 127.0.0.1. */
export default defineConfig({
  resolve: unit.resolve, // the same @shared / @renderer aliases as the unit tests
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
