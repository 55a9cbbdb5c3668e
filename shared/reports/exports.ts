import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { escapeHtml, printDocument, type PrintFont } from '../print/document';
import { formatValue } from './funderTable';
import { cellKind, type Cell, type CellKind, type ReportSection } from './tables';

/** Excel number formats per kind (locale-neutral codes: Excel shows them in the reader's locale). */
export const NUMBER_FORMATS: Record<Exclude<CellKind, 'text'>, string> = {
  count: '#,##0',
  hours: '#,##0.0',
  decimal: '#,##0.0',
  money: '#,##0.00',
  share: '0.0%',
  date: 'dd.mm.yyyy',
};

/** A local date (YYYY-MM-DD) as the Date ExcelJS writes as that calendar day (ExcelJS reads dates as UTC). */
export function excelDate(date: string): Date {
  return new Date(Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)));
}

/** Excel sheet names: ≤ 31 characters, none of : \ / ? * [ ]. */
export function sheetName(title: string, taken: Set<string>): string {
  const base = title.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31).trim() || 'Sheet';
  let name = base;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base.slice(0, 28)} ${i}`;
  taken.add(name.toLowerCase());
  return name;
}

export interface WorkbookMeta {
  title: string;
  creator: string;
  /** ISO instant the report was made. */
  created: string;
}

/** One sheet per section; tables one under another, a bold title row and header row for each. */
export function reportWorkbook(sections: readonly ReportSection[], meta: WorkbookMeta): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = meta.creator;
  wb.title = meta.title;
  wb.created = new Date(meta.created);
  const taken = new Set<string>();
  for (const section of sections) {
    const ws = wb.addWorksheet(sheetName(section.title, taken));
    let widest = 12;
    let width = 1;
    for (const table of section.tables) {
      const titleRow = ws.addRow([table.title]);
      titleRow.font = { bold: true, size: 13 };
      const header = ws.addRow(table.columns.map((c) => c.label));
      header.font = { bold: true };
      header.eachCell((cell) => {
        cell.border = { bottom: { style: 'thin' } };
      });
      width = Math.max(width, table.columns.length);
      for (const row of table.rows) {
        const r = ws.addRow(
          row.cells.map((v, i) => {
            const kind = cellKind(table.columns[i] ?? { label: '', kind: 'text' }, row);
            return kind === 'date' && typeof v === 'string' ? excelDate(v) : v;
          }),
        );
        row.cells.forEach((v, i) => {
          const kind = cellKind(table.columns[i] ?? { label: '', kind: 'text' }, row);
          if (kind !== 'text' && v !== null && v !== '') r.getCell(i + 1).numFmt = NUMBER_FORMATS[kind];
          if (i === 0 && typeof v === 'string') widest = Math.max(widest, Math.min(60, v.length + 2));
        });
      }
      ws.addRow([]);
    }
    ws.getColumn(1).width = widest;
    for (let c = 2; c <= width; c++) ws.getColumn(c).width = width > 10 ? 6 : 14;
    ws.views = [{ state: 'frozen', ySplit: 0, xSplit: 1 }];
  }
  return wb;
}

export async function reportXlsx(sections: readonly ReportSection[], meta: WorkbookMeta): Promise<Uint8Array<ArrayBuffer>> {
  const buf = await reportWorkbook(sections, meta).xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer) as Uint8Array<ArrayBuffer>;
}

/**
 * How a CSV is written for the spreadsheet that will open it. Excel reads a CSV with the system's list separator
 * and decimal mark: with Russian settings that is `;` and `,` (a comma-separated file opens in one column).
 */
export type CsvDialect = 'ru' | 'en';
const CSV_DIALECTS: Record<CsvDialect, { delimiter: string; decimal: string }> = {
  ru: { delimiter: ';', decimal: ',' },
  en: { delimiter: ',', decimal: '.' },
};

/**
 * One CSV with every table: columns section, table, then the table's own columns.
 * Numbers are written plain (no digit grouping, shares as fractions) with the dialect's decimal mark; dates as
 * dd.mm.yyyy for Russian (what Excel with Russian settings reads as a date), ISO otherwise. A UTF-8 BOM lets
 * Excel recognise Cyrillic. Lines end with CRLF.
 */
export function reportCsv(sections: readonly ReportSection[], dialect: CsvDialect = 'en'): string {
  const { delimiter, decimal } = CSV_DIALECTS[dialect];
  const rows: string[][] = [];
  for (const s of sections) {
    for (const table of s.tables) {
      rows.push([s.title, table.title, ...table.columns.map((c) => c.label)]);
      for (const row of table.rows) {
        rows.push([
          s.title,
          table.title,
          ...row.cells.map((v, i) => {
            if (v === null) return '';
            if (typeof v === 'number') return decimal === '.' ? String(v) : String(v).replace('.', decimal);
            const kind = cellKind(table.columns[i] ?? { label: '', kind: 'text' }, row);
            if (kind === 'date' && dialect === 'ru' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return `${v.slice(8, 10)}.${v.slice(5, 7)}.${v.slice(0, 4)}`;
            return v;
          }),
        ]);
      }
    }
  }
  return '\uFEFF' + Papa.unparse(rows, { newline: '\r\n', delimiter });
}

function displayCell(v: Cell, kind: CellKind, locale: string): string {
  if (v === null || v === '') return '';
  if (kind === 'date' && typeof v === 'string') return new Intl.DateTimeFormat(locale, { timeZone: 'UTC' }).format(excelDate(v));
  if (kind === 'text' || typeof v === 'string') return String(v);
  return formatValue(v, kind === 'date' ? 'count' : kind, locale);
}

export interface PrintMeta {
  title: string;
  subtitle: string;
  /** 'ru' | 'en': number and date formats and the document language. */
  locale: string;
  /** Embedded fonts (PT_SANS from shared/print in the app; [] in tests). */
  fonts: PrintFont[];
  /** Serialised chart SVGs (taken from the page) placed under their section, keyed by section key. */
  charts?: Partial<Record<string, string[]>>;
}

const REPORT_CSS = `
section.report-section + section.report-section { break-before: page; }
.print-table { margin: 0 0 5mm; }
.print-table caption { text-align: left; font-weight: 700; padding: 1mm 0; caption-side: top; }
.print-table thead th + th { text-align: right; }
.print-table td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.print-table th[scope=row] { font-weight: 400; border-bottom: 0.5pt solid #b9b9c0; }
.print-table.compact { font-size: 7pt; } .print-table.compact th, .print-table.compact td { padding: 0.6mm 0.8mm; }
figure.chart { margin: 0 0 4mm; break-inside: avoid; } figure.chart svg { max-width: 100%; height: auto; }
`;

/** The report as one self-contained HTML document for print / PDF (A4 portrait) through the shared print pipeline. */
export function reportHtml(sections: readonly ReportSection[], meta: PrintMeta): string {
  const body = sections
    .map((s) => {
      const charts = (meta.charts?.[s.key] ?? []).map((svg) => `<figure class="chart">${svg}</figure>`).join('');
      const tables = s.tables
        .filter((tb) => tb.rows.length > 0)
        .map((tb) => {
          const head = tb.columns.map((c) => `<th scope="col">${escapeHtml(c.label)}</th>`).join('');
          const rows = tb.rows
            .map(
              (r) =>
                '<tr>' +
                r.cells
                  .map((v, i) => {
                    const kind = cellKind(tb.columns[i] ?? { label: '', kind: 'text' }, r);
                    const text = escapeHtml(displayCell(v, kind, meta.locale));
                    return i === 0 ? `<th scope="row">${text}</th>` : `<td class="num">${text}</td>`;
                  })
                  .join('') +
                '</tr>',
            )
            .join('');
          const cls = tb.columns.length > 10 ? 'print-table compact' : 'print-table';
          return `<table class="${cls}"><caption>${escapeHtml(tb.title)}</caption><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`;
        })
        .join('');
      return `<section class="report-section"><h2>${escapeHtml(s.title)}</h2>${charts}${tables}</section>`;
    })
    .join('');
  return printDocument({
    title: meta.title,
    lang: meta.locale,
    fonts: meta.fonts,
    page: { size: 'A4', orientation: 'portrait', marginMm: 14 },
    css: REPORT_CSS,
    body: `<h1>${escapeHtml(meta.title)}</h1><p class="muted">${escapeHtml(meta.subtitle)}</p>${body}`,
  });
}
