import { toSVG } from 'bwip-js/generic';
import QRCode from 'qrcode';

/** Common A4 label grids (mm). 3×8 of 70×37 is the usual "24 per sheet". */
export const LABEL_GRIDS = {
  '3x8': { cols: 3, rows: 8, width: 70, height: 37 },
  '3x7': { cols: 3, rows: 7, width: 70, height: 42.4 },
  '2x7': { cols: 2, rows: 7, width: 105, height: 42.4 },
} as const;
export type LabelGrid = keyof typeof LABEL_GRIDS;

export interface Label {
  name: string;
  code: string;
}

const A4 = { width: 210, height: 297 };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Code128 as an SVG string (bwip-js, the maintained port of BWIPP). */
export function barcodeSvg(code: string): string {
  return toSVG({ bcid: 'code128', text: code, height: 9, scale: 2, includetext: false, paddingwidth: 0, paddingheight: 0 });
}

/** QR code as an SVG string: one path of the dark modules (qrcode's matrix, no DOM needed). */
export function qrSvg(text: string): string {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = modules.size;
  let d = '';
  for (let y = 0; y < n; y++) for (let x = 0; x < n; x++) if (modules.get(x, y)) d += `M${x + 1} ${y + 1}h1v1h-1z`;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${n + 2} ${n + 2}" shape-rendering="crispEdges"><path d="${d}" fill="#000"/></svg>`;
}

/**
 * A printable HTML document: labels in a grid on A4 pages, each with the item's name,
 * a Code128 barcode, a QR code and the code in plain digits. Empty cells are skipped with `skip`
 * (a sheet already partly used).
 */
export function labelSheetHtml(labels: readonly Label[], options: { grid?: LabelGrid; title: string; lang: string; skip?: number }): string {
  const g = LABEL_GRIDS[options.grid ?? '3x8'];
  const perPage = g.cols * g.rows;
  const marginX = (A4.width - g.cols * g.width) / 2;
  const marginY = (A4.height - g.rows * g.height) / 2;
  const cells: string[] = [];
  for (let i = 0; i < (options.skip ?? 0) % perPage; i++) cells.push('<div class="label"></div>');
  for (const l of labels) {
    cells.push(
      `<div class="label"><div class="text"><div class="name">${escapeHtml(l.name)}</div><div class="bar">${barcodeSvg(l.code)}</div>` +
        `<div class="code">${escapeHtml(l.code)}</div></div><div class="qr">${qrSvg(l.code)}</div></div>`,
    );
  }
  const pages: string[] = [];
  for (let i = 0; i < cells.length; i += perPage) pages.push(`<section class="sheet">${cells.slice(i, i + perPage).join('')}</section>`);
  return `<!doctype html><html lang="${escapeHtml(options.lang)}"><head><meta charset="utf-8"><title>${escapeHtml(options.title)}</title><style>
@page { size: A4 portrait; margin: 0; }
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; font-family: "PT Sans", Arial, sans-serif; color: #000; }
.sheet { width: ${A4.width}mm; height: ${A4.height}mm; padding: ${marginY}mm ${marginX}mm; display: grid;
  grid-template-columns: repeat(${g.cols}, ${g.width}mm); grid-auto-rows: ${g.height}mm; page-break-after: always; break-after: page; overflow: hidden; }
.sheet:last-child { page-break-after: auto; break-after: auto; }
.label { padding: 3mm 3mm; display: flex; gap: 2mm; align-items: center; overflow: hidden; }
.text { flex: 1; min-width: 0; display: flex; flex-direction: column; gap: 1mm; }
.name { font-size: 10pt; font-weight: bold; line-height: 1.1; max-height: 2.3em; overflow: hidden; }
.bar { padding-right: 1.5mm; }
.bar svg { width: 100%; height: ${Math.min(14, g.height / 3).toFixed(1)}mm; display: block; }
.code { font-size: 11pt; letter-spacing: 0.5pt; font-family: "DejaVu Sans Mono", monospace; }
.qr svg { width: ${Math.min(24, g.height - 10).toFixed(1)}mm; height: ${Math.min(24, g.height - 10).toFixed(1)}mm; display: block; }
</style></head><body>${pages.join('')}</body></html>`;
}
