import { describe, expect, it } from 'vitest';
import { barcodeSvg, labelSheetHtml, qrSvg } from './labels';

describe('label sheet', () => {
  it('draws a Code128 barcode and a QR code as SVG', () => {
    expect(barcodeSvg('SD-000123-7')).toMatch(/^<svg[^>]*viewBox/);
    const qr = qrSvg('SD-000123-7');
    expect(qr).toMatch(/viewBox="0 0 23 23"/); // version 1 QR: 21 modules + quiet edge
    expect(qr.match(/h1v1h-1z/g)!.length).toBeGreaterThan(150);
  });

  it('puts 24 labels on an A4 page in a 3×8 grid and escapes names', () => {
    const labels = Array.from({ length: 25 }, (_, i) => ({ name: `Стул <${i}>`, code: `SD-${String(i).padStart(6, '0')}-0` }));
    const html = labelSheetHtml(labels, { title: 'Labels', lang: 'ru' });
    expect(html.match(/<section class="sheet">/g)).toHaveLength(2);
    expect(html.match(/class="label"/g)).toHaveLength(25);
    expect(html).toContain('Стул &#60;3&#62;');
    expect(html).toContain('grid-template-columns: repeat(3, 70mm)');
    expect(html).toContain('grid-auto-rows: 37mm');
    const skipped = labelSheetHtml(labels.slice(0, 2), { title: 'Labels', lang: 'ru', skip: 5 });
    expect(skipped.match(/class="label"><\/div>/g)).toHaveLength(5);
  });
});
