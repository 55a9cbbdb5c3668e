import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { computeReport } from './figures';
import { reportFixture } from './fixture';
import { monthOf } from './period';
import { reportTables } from './tables';
import { NUMBER_FORMATS, reportCsv, reportHtml, reportXlsx, sheetName } from './exports';

const t = (key: string) => `{${key}}`;
const report = computeReport(reportFixture(), monthOf('2026-03-01'));
const sections = reportTables(report, t);

function findRow(ws: ExcelJS.Worksheet, first: string): ExcelJS.Row {
  let found: ExcelJS.Row | undefined;
  ws.eachRow((row) => {
    if (!found && row.getCell(1).value === first) found = row;
  });
  if (!found) throw new Error(`no row ${first} in ${ws.name}`);
  return found;
}

describe('XLSX export', () => {
  it('writes one sheet per section with numbers, dates and formats, readable back', async () => {
    const bytes = await reportXlsx(sections, { title: 'Report', creator: 'Sosedi Desk', created: '2026-03-20T09:00:00.000Z' });
    expect(bytes.byteLength).toBeGreaterThan(3000);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(
      ['summary', 'visits', 'events', 'rooms', 'rentals', 'loans', 'partners'].map((k) => `{section.${k}}`),
    );

    const summary = wb.getWorksheet('{section.summary}')!;
    const periodRow = findRow(summary, '{column.current}');
    const from = periodRow.getCell(2);
    expect(from.value).toBeInstanceOf(Date);
    expect((from.value as Date).toISOString().slice(0, 10)).toBe('2026-03-01');
    expect(from.numFmt).toBe(NUMBER_FORMATS.date);

    const held = findRow(summary, '{indicator.eventsHeld}');
    expect([held.getCell(2).value, held.getCell(3).value, held.getCell(4).value, held.getCell(5).value]).toEqual([6, 2, 4, 2]);
    expect(held.getCell(2).numFmt).toBe('#,##0');
    expect(held.getCell(5).numFmt).toBe('0.0%');
    const income = findRow(summary, '{indicator.rentalIncome}');
    expect(income.getCell(2).value).toBe(4500);
    expect(income.getCell(2).numFmt).toBe('#,##0.00');
    const occupancy = findRow(summary, '{indicator.occupancy}');
    expect(occupancy.getCell(2).value).toBeCloseTo(7.5 / 249, 10);
    expect(occupancy.getCell(2).numFmt).toBe('0.0%');
    const overdue = findRow(summary, '{indicator.loansOverdueNow}');
    expect(overdue.getCell(3).value).toBeNull();

    const rooms = wb.getWorksheet('{section.rooms}')!;
    const hall = findRow(rooms, 'Зал');
    expect(hall.getCell(3).value).toBe(11); // booked hours
    expect(hall.getCell(3).numFmt).toBe('#,##0.0');

    const visits = wb.getWorksheet('{section.visits}')!;
    const monday = findRow(visits, '{weekday.0}');
    const heatSum = report.current.visits.heatmap[0]!.reduce((a, b) => a + b, 0);
    let sheetSum = 0;
    for (let c = 2; c <= 25; c++) sheetSum += Number(monday.getCell(c).value ?? 0);
    expect(sheetSum).toBe(heatSum);
  });

  it('keeps sheet names within Excel rules', () => {
    const taken = new Set<string>();
    expect(sheetName('Залы: и [комнаты]/кухня?*', taken)).toBe('Залы  и  комнаты  кухня');
    expect(sheetName('x'.repeat(40), taken)).toHaveLength(31);
    expect(sheetName('x'.repeat(40), taken)).toBe('x'.repeat(28) + ' 2');
  });
});

describe('CSV and print', () => {
  it('CSV holds every table with raw numbers', () => {
    const csv = reportCsv(sections);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const parsed = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
    const held = parsed.find((r) => r[0] === '{section.summary}' && r[2] === '{indicator.eventsHeld}')!;
    expect(held.slice(3)).toEqual(['6', '2', '4', '2']);
    const tables = new Set(parsed.map((r) => r[1]));
    expect(tables.size).toBe(sections.reduce((n, s) => n + s.tables.length, 0));
  });

  it('CSV for Russian Excel: `;` between fields, decimal commas, dd.mm.yyyy dates, BOM; read back under those rules', () => {
    const csv = reportCsv(sections, 'ru');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain('\r\n');
    const parsed = Papa.parse<string[]>(csv.slice(1), { delimiter: ';', skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    // Every cell comes back in its own column, and every number is the table's number with a decimal comma.
    let numbers = 0;
    let fractions = 0;
    const byKey = new Map(parsed.data.map((r) => [r.slice(0, 3).join('|'), r]));
    for (const s of sections)
      for (const table of s.tables)
        for (const row of table.rows) {
          const back = byKey.get([s.title, table.title, row.cells[0]].join('|'));
          if (!back || typeof row.cells[0] !== 'string') continue;
          expect(back).toHaveLength(row.cells.length + 2);
          row.cells.forEach((v, i) => {
            if (typeof v !== 'number') return;
            const text = back[i + 2]!;
            expect(text).not.toContain('.');
            expect(Number(text.replace(',', '.'))).toBe(v);
            numbers++;
            if (!Number.isInteger(v)) fractions++;
          });
        }
    expect(numbers).toBeGreaterThan(20);
    expect(fractions, 'some numbers have a fractional part (hours, shares)').toBeGreaterThan(0);
    expect(csv).not.toMatch(/\d{4}-\d{2}-\d{2}/); // dates as dd.mm.yyyy
  });

  it('CSV in English keeps `,` and decimal points', () => {
    const csv = reportCsv(sections, 'en');
    const parsed = Papa.parse<string[]>(csv.slice(1), { delimiter: ',', skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(csv).toMatch(/\d\.\d/);
  });

  it('the print document escapes text and formats numbers for the locale', () => {
    const evil = reportTables(report, (k) => (k === 'section.summary' ? '<script>x</script>' : k));
    const html = reportHtml(evil, { title: 'R & D', subtitle: 'март', locale: 'ru', fonts: [], charts: { visits: ['<svg id="c1"></svg>'] } });
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('<title>R &amp; D</title>');
    expect(html).toContain('<svg id="c1"></svg>');
    expect(html).toMatch(/4\s500/); // rental income, Russian digit grouping
    expect(html).toContain('01.03.2026');
  });
});
