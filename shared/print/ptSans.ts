/**
 * PT Sans (regular + bold; Latin, Latin Extended and Cyrillic subsets) from `@fontsource/pt-sans`,
 * inlined as data: URLs by Vite's `?inline` so a printed document or PDF never depends on an
 * installed font or on the app's URL scheme (Electron prints from a data URL; the PNG export
 * rasterises an SVG image that cannot load external fonts). ~280 KB per document.
 * Works wherever the code is bundled by Vite (renderer, electron-vite, Vitest); plain Node cannot load it.
 */
import cyr400 from '@fontsource/pt-sans/files/pt-sans-cyrillic-400-normal.woff2?inline';
import cyr700 from '@fontsource/pt-sans/files/pt-sans-cyrillic-700-normal.woff2?inline';
import lat400 from '@fontsource/pt-sans/files/pt-sans-latin-400-normal.woff2?inline';
import lat700 from '@fontsource/pt-sans/files/pt-sans-latin-700-normal.woff2?inline';
import latExt400 from '@fontsource/pt-sans/files/pt-sans-latin-ext-400-normal.woff2?inline';
import latExt700 from '@fontsource/pt-sans/files/pt-sans-latin-ext-700-normal.woff2?inline';
import type { PrintFont } from './document';

const CYRILLIC = 'U+0301,U+0400-045F,U+0490-0491,U+04B0-04B1,U+2116';
const LATIN =
  'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD';
const LATIN_EXT =
  'U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF';

export const PT_SANS: PrintFont[] = [
  { family: 'PT Sans', weight: 400, url: cyr400, unicodeRange: CYRILLIC },
  { family: 'PT Sans', weight: 700, url: cyr700, unicodeRange: CYRILLIC },
  { family: 'PT Sans', weight: 400, url: lat400, unicodeRange: LATIN },
  { family: 'PT Sans', weight: 700, url: lat700, unicodeRange: LATIN },
  { family: 'PT Sans', weight: 400, url: latExt400, unicodeRange: LATIN_EXT },
  { family: 'PT Sans', weight: 700, url: latExt700, unicodeRange: LATIN_EXT },
];
