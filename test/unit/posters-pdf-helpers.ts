/** Node-side helpers for the poster PDF tests: Chromium via playwright-core, poppler command-line tools. */
import { chromium, type Browser } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const RANGES = {
  cyrillic: 'U+0301,U+0400-045F,U+0490-0491,U+04B0-04B1,U+2116',
  latin:
    'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD',
  'latin-ext':
    'U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF',
} as const;

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS, timeout: 30000 });
}

/** The woff2 files and ranges of shared/print/ptSans.ts (node cannot import its `?inline` URLs). */
export const PT_SANS = (['cyrillic', 'latin', 'latin-ext'] as const).flatMap((subset) =>
  ([400, 700] as const).map((weight) => ({
    file: `pt-sans-${subset}-${weight}-normal.woff2`,
    weight,
    unicodeRange: RANGES[subset],
  })),
);

export function fontDataUrl(file: string): string {
  const bytes = readFileSync(new URL(`../../node_modules/@fontsource/pt-sans/files/${file}`, import.meta.url));
  return `data:font/woff2;base64,${bytes.toString('base64')}`;
}

/** The characters the poster metrics table covers (see shared/posters/metrics.ts). */
export const METRIC_RANGES: Array<[number, number]> = [
  [0x20, 0x7e],
  [0xa0, 0xff],
  [0x401, 0x401],
  [0x410, 0x44f],
  [0x451, 0x451],
  [0x2013, 0x2014],
  [0x2018, 0x201e],
  [0x2026, 0x2026],
  [0x2116, 0x2116],
  [0x20bd, 0x20bd],
];

/** Advance widths in 1/1000 em of every metric character, measured by Chromium's canvas with the real font. */
export async function measureAdvances(browser: Browser): Promise<Record<'400' | '700', number[]>> {
  const page = await browser.newPage();
  try {
    await page.setContent('<html><body></body></html>');
    // The same faces and unicode ranges the documents use (without ranges, the last face would hide the others).
    const fonts = {
      400: PT_SANS.filter((f) => f.weight === 400).map((f) => ({ url: fontDataUrl(f.file), unicodeRange: f.unicodeRange })),
      700: PT_SANS.filter((f) => f.weight === 700).map((f) => ({ url: fontDataUrl(f.file), unicodeRange: f.unicodeRange })),
    };
    return await page.evaluate(
      async ({ fonts, ranges }) => {
        const out: Record<string, number[]> = {};
        for (const weight of ['400', '700'] as const) {
          const family = `M${weight}`;
          for (const { url, unicodeRange } of fonts[weight]) {
            const face = new FontFace(family, `url(${url})`, { weight, unicodeRange });
            await face.load();
            document.fonts.add(face);
          }
          const ctx = document.createElement('canvas').getContext('2d')!;
          ctx.font = `${weight} 1000px ${family}`;
          const widths: number[] = [];
          for (const [a, b] of ranges) for (let c = a; c <= b; c++) widths.push(Math.round(ctx.measureText(String.fromCodePoint(c)).width));
          out[weight] = widths;
        }
        return out as Record<'400' | '700', number[]>;
      },
      { fonts, ranges: METRIC_RANGES },
    );
  } finally {
    await page.close();
  }
}

export function run(cmd: string, args: string[]): string {
  return execFileSync(cmd, args, { encoding: 'utf8', timeout: 30000 });
}
