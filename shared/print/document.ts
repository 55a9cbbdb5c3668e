/**
 * The desk's print pipeline: one complete, self-contained HTML document per printout
 * (poster, day sheet, overdue loans, people in the building). Pure string building — no DOM.
 *
 * Usage (renderer):
 *   import { printDocument, escapeHtml } from '@shared/print/document';
 *   import { PT_SANS } from '@shared/print/ptSans';
 *   const html = printDocument({
 *     title: t('daySheet.title'), lang: 'ru', fonts: PT_SANS,
 *     page: { size: 'A4', orientation: 'portrait' },          // marginMm defaults to 12
 *     css: '.mine { … }',                                      // your extra styles (optional)
 *     body: `<h1>${escapeHtml(title)}</h1><table class="print-table">…</table>`,
 *   });
 *   await getDesk().print(html);        // or getDesk().printToPdf(html)
 *
 * Content either flows (Chromium paginates it inside the @page margins; tables repeat <thead>)
 * or is split into fixed sheets by the caller with `<section class="sheet">…</section>`
 * (one printed page each; on screen it is drawn as a white page of true size).
 * Shared classes: h1/h2, .print-table, .muted, .small, .nowrap, .sheet.
 * Escape every user-supplied text with escapeHtml. Markup is kept XHTML-compatible (closed tags,
 * no named entities) so the same body can be rasterised through an SVG <foreignObject>.
 */

export type PaperSize = 'A4' | 'A3';
export type Orientation = 'portrait' | 'landscape';

export interface PageSpec {
  /** A paper name or an exact size in millimetres (e.g. a 1080×1350 px social image). */
  size: PaperSize | { widthMm: number; heightMm: number };
  orientation?: Orientation;
  /** Margin on every side, mm (the printable area). Default 12. */
  marginMm?: number;
}

export interface PageBox {
  widthMm: number;
  heightMm: number;
  marginMm: number;
  contentWidthMm: number;
  contentHeightMm: number;
}

export interface PrintFont {
  family: string;
  weight: number;
  style?: 'normal' | 'italic';
  /** A data: URL (preferred: the document stays self-contained) or any URL the printer can load. */
  url: string;
  unicodeRange?: string;
}

export interface PrintDocumentOptions {
  title: string;
  /** BCP-47 language of the content ('ru' | 'en'): drives quotes, hyphenation and screen readers. */
  lang: string;
  page: PageSpec;
  fonts: PrintFont[];
  body: string;
  css?: string;
  /** Font family stack of the body. Default the first font's family, then sans-serif. */
  fontFamily?: string;
}

const PAPER_MM: Record<PaperSize, [number, number]> = { A4: [210, 297], A3: [297, 420] };
export const PT_PER_MM = 72 / 25.4;

export function pageBox(spec: PageSpec): PageBox {
  let w: number;
  let h: number;
  if (typeof spec.size === 'string') [w, h] = PAPER_MM[spec.size];
  else ({ widthMm: w, heightMm: h } = spec.size);
  if (spec.orientation === 'landscape' && h > w) [w, h] = [h, w];
  if (spec.orientation === 'portrait' && w > h) [w, h] = [h, w];
  const marginMm = spec.marginMm ?? 12;
  return { widthMm: w, heightMm: h, marginMm, contentWidthMm: w - 2 * marginMm, contentHeightMm: h - 2 * marginMm };
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

export function fontFaceCss(fonts: PrintFont[]): string {
  return fonts
    .map(
      (f) =>
        `@font-face{font-family:${JSON.stringify(f.family)};font-style:${f.style ?? 'normal'};font-weight:${f.weight};` +
        `font-display:block;src:url(${JSON.stringify(f.url)}) format('woff2');` +
        (f.unicodeRange ? `unicode-range:${f.unicodeRange};` : '') +
        '}',
    )
    .join('\n');
}

const mm = (n: number) => `${Math.round(n * 100) / 100}mm`;

/**
 * The shared print styles (without @page and fonts): also used inside the PNG export's SVG, whose
 * <foreignObject> has no <body>: its wrapper element takes the body's type through `.print-root`.
 */
export function printBaseCss(box: PageBox, fontFamily: string): string {
  return `
html{-webkit-print-color-adjust:exact;print-color-adjust:exact;}
*,*::before,*::after{box-sizing:border-box;}
body,.print-root{margin:0;font-family:${fontFamily};font-size:11pt;line-height:1.3;color:#1d1d1f;
  overflow-wrap:break-word;font-kerning:normal;text-rendering:optimizeLegibility;}
h1,h2,h3,p{margin:0;}
h1{font-size:20pt;line-height:1.15;font-weight:700;margin-bottom:4mm;}
h2{font-size:14pt;line-height:1.2;font-weight:700;margin:5mm 0 2mm;}
.muted{color:#5b5b63;}
.small{font-size:9pt;}
.nowrap{white-space:nowrap;}
.print-table{width:100%;border-collapse:collapse;}
.print-table th{text-align:left;font-weight:700;border-bottom:1.5pt solid #1d1d1f;padding:1.5mm 2mm;}
.print-table td{vertical-align:top;border-bottom:0.5pt solid #b9b9c0;padding:1.5mm 2mm;}
.print-table tr{break-inside:avoid;}
.print-table thead{display:table-header-group;}
.sheet{display:flex;flex-direction:column;width:100%;break-inside:auto;}
@media print{
  .sheet{min-height:${mm(box.contentHeightMm - 1.5)};break-after:page;}
  .sheet:last-child{break-after:auto;}
}
@media screen{
  html{background:#d9d9de;}
  body{padding:0;}
  .sheet{width:${mm(box.widthMm)};min-height:${mm(box.heightMm)};padding:${mm(box.marginMm)};
    margin:0 0 ${mm(6)};background:#fff;box-shadow:0 1px 4px rgba(0,0,0,.25);}
  body.flow{width:${mm(box.widthMm)};min-height:${mm(box.heightMm)};padding:${mm(box.marginMm)};background:#fff;}
}`;
}

/** Every style of the document (fonts, @page, shared and caller's CSS) as one stylesheet. */
export function printStyles(options: Omit<PrintDocumentOptions, 'body' | 'title' | 'lang'>): string {
  const box = pageBox(options.page);
  const family = options.fontFamily ?? `${JSON.stringify(options.fonts[0]?.family ?? 'sans-serif')}, sans-serif`;
  return `${fontFaceCss(options.fonts)}
@page{size:${mm(box.widthMm)} ${mm(box.heightMm)};margin:${mm(box.marginMm)};}
${printBaseCss(box, family)}
${options.css ?? ''}`;
}

/** A complete HTML document string, ready for print(html) / printToPdf(html) / an iframe's srcdoc. */
export function printDocument(options: PrintDocumentOptions): string {
  const flow = !options.body.includes('class="sheet');
  return `<!doctype html>
<html lang="${escapeHtml(options.lang)}">
<head>
<meta charset="utf-8" />
<title>${escapeHtml(options.title)}</title>
<style>
${printStyles(options)}
</style>
</head>
<body${flow ? ' class="flow"' : ''}>
${options.body}
</body>
</html>`;
}
