/** Poster layout and markup with the real poster words (node only, no browser; see posters-pdf.test.ts for the PDF). */
import { describe, expect, test } from 'vitest';
import ru from '../../renderer/app/i18n/locales/ru/posters.json';
import { buildPosterDays } from '../../shared/posters/model';
import { FIXTURE_CENTRE, FIXTURE_WEEK, busySources, fixtureSources } from '../../shared/posters/fixtures';
import { formatOpeningHours, posterPlainText, renderPoster } from '../../shared/posters/render';
import { lineCount, posterSizes } from '../../shared/posters/layout';

const all = { ...FIXTURE_WEEK, roomIds: [], categories: [] };

describe('render and fit', () => {
  const base = { ...FIXTURE_WEEK, centre: FIXTURE_CENTRE, labels: ru.poster, lang: 'ru' as const, fonts: [], qrSvg: '<svg></svg>' };
  test('a typical week fits one A4 sheet with list titles of at least 18.9 pt, every title in the HTML', () => {
    const r = renderPoster({ ...base, days: buildPosterDays(fixtureSources(), all), format: { template: 'list', paper: 'A4', orientation: 'portrait' } });
    expect(r.layout.pages).toHaveLength(1);
    expect(r.layout.sizes.title).toBeGreaterThanOrEqual(18.8);
    expect(r.html).toContain('Хор «Соседи»');
    expect(r.html).not.toContain('Собрание правления');
    expect(r.html).toContain('@page{size:210mm 297mm;margin:12mm;}');
  });
  test('a busy week goes down to the minimum, then onto more sheets; A3 scales it up', () => {
    const days = buildPosterDays(busySources(), all);
    const a4 = renderPoster({ ...base, days, format: { template: 'list', paper: 'A4', orientation: 'portrait' } });
    expect(a4.layout.atMinimum).toBe(true);
    expect(a4.layout.sizes.meta).toBeCloseTo(12, 5);
    expect(a4.layout.pages.length).toBeGreaterThan(1);
    const large = renderPoster({ ...base, days, format: { template: 'large', paper: 'A4', orientation: 'portrait' } });
    expect(large.layout.sizes.meta).toBeGreaterThanOrEqual(18 - 1e-9);
    const a3 = renderPoster({ ...base, days, format: { template: 'list', paper: 'A3', orientation: 'portrait' } });
    // A3 is the same poster scaled up for a bigger board: same sheets, √2 larger type.
    expect(a3.layout.pages.length).toBe(a4.layout.pages.length);
    expect(a3.layout.sizes.title).toBeGreaterThan(a4.layout.sizes.title * 1.35);
  });
  test('a light week keeps full-size type', () => {
    const days = buildPosterDays(fixtureSources().slice(0, 2), all);
    const r = renderPoster({ ...base, days, format: { template: 'large', paper: 'A4', orientation: 'portrait' } });
    expect(r.layout.sizes.s).toBe(1);
    expect(r.layout.sizes.meta).toBe(22);
  });
  test('line estimate wraps long titles', () => {
    const z = posterSizes({ template: 'list', paper: 'A4', orientation: 'portrait' }, 1);
    expect(lineCount('Короткое', z.title, 700, 300)).toBe(1);
    expect(lineCount('очень '.repeat(20).trim(), z.title, 700, 300)).toBeGreaterThan(3);
    expect(lineCount('Сверхдлинноесловобезпробеловкотороенепомещается', 20, 700, 100)).toBeGreaterThan(3);
  });
  test('opening hours and plain text', () => {
    expect(formatOpeningHours(FIXTURE_CENTRE.openingHours, 'ru', 'закрыто', FIXTURE_WEEK.from)).toBe(
      'пн–пт\u00A010:00–21:00 · сб\u00A011:00–18:00 · вс\u00A0закрыто',
    );
    const text = posterPlainText({ ...base, days: buildPosterDays(fixtureSources(), all) });
    expect(text).toContain('18:00–20:00 Хор «Соседи» (Большой зал)');
    expect(text.split('\n')[0]).toBe('Афиша: 23–29\u00A0ноября');
  });
});
