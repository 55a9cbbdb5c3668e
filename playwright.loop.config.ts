import { defineConfig } from '@playwright/test';
import base from './playwright.config';

/** Long loops that are not part of `npm test` (figures for notes and docs): `npm run sync:loop`. */
export default defineConfig({ ...base, testDir: 'test/loop', workers: 1, timeout: Number(process.env.SOSEDI_LOOP_TIMEOUT_MS ?? 60 * 60_000) });
