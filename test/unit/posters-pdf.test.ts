/**
 * The poster as it is printed: HTML → Chromium PDF → poppler. Checks page count and paper size,
 * every title in the text, no word outside the printable area, PT Sans embedded, the busy week on
 * two sheets at the minimum size; and that the font metrics table of the fit estimate is still right.
 * PNGs of each PDF are left in $POSTER_PDF_DIR (default a temp folder) to look at.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import ru from '../../renderer/app/i18n/locales/ru/posters.json';
import en from '../../renderer/app/i18n/locales/en/posters.json';
import { PT_SANS } from '../../shared/print/ptSans';
import { ADVANCES } from '../../shared/posters/metrics';
import { buildPosterDays } from '../../shared/posters/model';
import { posterQrSvg, renderPoster, type PosterInput } from '../../shared/posters/render';
import type { PosterFormat } from '../../shared/posters/layout';
import { busySources, FIXTURE_CENTRE, FIXTURE_TITLES, FIXTURE_WEEK, fixtureSources } from '../../shared/posters/fixtures';
import { launchChromium, measureAdvances, run } from './posters-pdf-helpers';

const dir = process.env.POSTER_PDF_DIR ?? mkdtempSync(join(tmpdir(), 'posters-pdf-'));
mkdirSync(dir, { recursive: true });
let browser: Browser;
let qrSvg = '';

beforeAll(async () => {
  browser = await launchChromium();
  qrSvg = await posterQrSvg(FIXTURE_CENTRE.posterUrl);
}, 60000);
afterAll(async () => {
  await browser?.close();
  console.log(`poster PDFs and PNGs in ${dir}`);
});

async function printPdf(name: string, input: Omit<PosterInput, 'fonts' | 'qrSvg' | 'from' | 'to' | 'centre'>) {
  const r = renderPoster({ ...input, ...FIXTURE_WEEK, centre: FIXTURE_CENTRE, fonts: PT_SANS, qrSvg });
  const page = await browser.newPage();
  try {
    await page.setContent(r.html, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready);
    const file = join(dir, `${name}.pdf`);
    writeFileSync(file, await page.pdf({ preferCSSPageSize: true }));
    run('pdftoppm', ['-r', '60', '-png', file, join(dir, name)]);
    return { r, file };
  } finally {
    await page.close();
  }
}

function pdfPages(file: string): { pages: number; size: [number, number] } {
  const info = run('pdfinfo', [file]);
  const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
  const m = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!;
  return { pages, size: [Math.round(Number(m[1])), Math.round(Number(m[2]))] };
}

/** Every word box from `pdftotext -bbox`, checked against the page minus the 12 mm (34 pt) margins. */
function wordsOutside(file: string, marginPt: number): string[] {
  const xml = run('pdftotext', ['-bbox', file, '-']);
  const bad: string[] = [];
  for (const pageXml of xml.split('<page ').slice(1)) {
    const w = Number(/width="([\d.]+)"/.exec(pageXml)![1]);
    const h = Number(/height="([\d.]+)"/.exec(pageXml)![1]);
    for (const m of pageXml.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
      const [x0, y0, x1, y1] = [m[1], m[2], m[3], m[4]].map(Number) as [number, number, number, number];
      // poppler's word box spans the font's whole ascent and descent, more than the ink: allow a quarter of it vertically.
      const tol = 1.5;
      const vtol = Math.max(tol, 0.25 * (y1 - y0));
      if (x0 < marginPt - tol || y0 < marginPt - vtol || x1 > w - marginPt + tol || y1 > h - marginPt + vtol) bad.push(`${m[5]} @${x0},${y0},${x1},${y1}`);
    }
  }
  return bad;
}

const flat = (s: string) => s.replace(/\s+/g, ' ');
const all = { ...FIXTURE_WEEK, roomIds: [], categories: [] };
const MARGIN_PT = 12 * (72 / 25.4);

describe('poster PDF', () => {
  // Large type needs two sheets for a typical week (descriptions at 18 pt and up); A3 is the A4 poster scaled by √2.
  const cases: Array<[string, PosterFormat, [number, number], number]> = [
    ['list-a4-portrait', { template: 'list', paper: 'A4', orientation: 'portrait' }, [595, 842], 1],
    ['grid-a4-landscape', { template: 'grid', paper: 'A4', orientation: 'landscape' }, [842, 595], 1],
    ['large-a3-portrait', { template: 'large', paper: 'A3', orientation: 'portrait' }, [842, 1191], 2],
    ['large-a4-landscape', { template: 'large', paper: 'A4', orientation: 'landscape' }, [842, 595], 2],
    ['list-a3-landscape', { template: 'list', paper: 'A3', orientation: 'landscape' }, [1191, 842], 1],
  ];
  test.each(cases)('%s: the predicted sheets of the right paper, every title, inside the margins, PT Sans embedded', async (name, format, size, sheets) => {
    const { r, file } = await printPdf(name, { days: buildPosterDays(fixtureSources(), all), labels: ru.poster, lang: 'ru', format });
    expect(r.layout.pages).toHaveLength(sheets);
    expect(pdfPages(file)).toEqual({ pages: sheets, size });
    const text = flat(run('pdftotext', ['-layout', file, '-']));
    for (const title of FIXTURE_TITLES) {
      // A wrapped title is still all there, word by word, in order.
      const words = title.split(' ');
      expect(text).toMatch(new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[\\s\\S]{0,200}?')));
    }
    expect(text).not.toContain('Собрание правления');
    expect(text).not.toContain('Отменённый');
    expect(wordsOutside(file, MARGIN_PT)).toEqual([]);
    const fonts = run('pdffonts', [file]);
    expect(fonts).toMatch(/PTSans-Bold\s.*yes\s+yes/);
    expect(fonts).toMatch(/PTSans-Regular\s.*yes\s+yes/);
    // Only PT Sans: no fallback font took a glyph.
    const names = fonts.split('\n').slice(2).filter(Boolean).map((l) => l.split(/\s+/)[0]!.replace(/^[A-Z]{6}\+/, ''));
    expect(new Set(names)).toEqual(new Set(['PTSans-Regular', 'PTSans-Bold']));
  });

  test('a busy week shrinks to the minimum size and continues on a second sheet', async () => {
    const days = buildPosterDays(busySources(), all);
    const { r, file } = await printPdf('busy-list-a4', { days, labels: ru.poster, lang: 'ru', format: { template: 'list', paper: 'A4', orientation: 'portrait' } });
    expect(r.layout.atMinimum).toBe(true);
    expect(r.layout.sizes.meta).toBeCloseTo(12, 5);
    expect(r.layout.pages).toHaveLength(2);
    expect(pdfPages(file)).toEqual({ pages: 2, size: [595, 842] });
    const text = flat(run('pdftotext', ['-layout', file, '-']));
    for (const e of days.flatMap((d) => d.events)) expect(text).toContain(e.title.split(':')[0]);
    expect(text).toContain('лист 2 из 2');
    expect(wordsOutside(file, MARGIN_PT)).toEqual([]);
  });

  test('large type on A4: body at least 18 pt, English poster in English', async () => {
    const days = buildPosterDays(fixtureSources(), all);
    const { r, file } = await printPdf('large-a4-en', { days, labels: en.poster, lang: 'en', format: { template: 'large', paper: 'A4', orientation: 'portrait' } });
    expect(r.layout.sizes.meta).toBeGreaterThanOrEqual(18);
    expect(pdfPages(file).pages).toBe(r.layout.pages.length);
    const text = flat(run('pdftotext', ['-layout', file, '-']));
    expect(text).toContain('What’s on');
    expect(text).toContain('Monday 23 November');
    expect(wordsOutside(file, MARGIN_PT)).toEqual([]);
  });

  test('the fit estimate uses the advances Chromium measures for PT Sans', async () => {
    const measured = await measureAdvances(browser);
    if (process.env.POSTER_METRICS_PRINT) console.log(JSON.stringify(measured));
    expect(measured['400']).toEqual([...ADVANCES[400]]);
    expect(measured['700']).toEqual([...ADVANCES[700]]);
  });
});
