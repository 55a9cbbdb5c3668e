import { describe, expect, it } from 'vitest';
import { isValidGeneratedCode } from './codes';
import { guessMapping, importItems, parseCsv } from './csv';

const good = '\uFEFFНазвание;Категория;Код;Кол-во;Залог;Срок, дней;Лишнее\nДрель;Инструменты;DRILL-1;1;1 000;7;x\nСтулья;Мебель;;40;;3;y\n"Проектор; Epson";Техника;;1;5000;2;z\n';

describe('CSV import of the catalogue', () => {
  it('parses, guesses the mapping from Russian headers and generates missing codes', () => {
    const parsed = parseCsv(good);
    expect(parsed.errors).toEqual([]);
    expect(parsed.headers).toEqual(['Название', 'Категория', 'Код', 'Кол-во', 'Залог', 'Срок, дней', 'Лишнее']);
    const mapping = guessMapping(parsed.headers);
    expect(mapping).toEqual({ Название: 'name', Категория: 'category', Код: 'code', 'Кол-во': 'quantity', Залог: 'deposit', 'Срок, дней': 'loanDays', Лишнее: '' });
    const r = importItems(parsed.rows, mapping, ['SD-000005-1']);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.items.map((i) => [i.name, i.code, i.quantity, i.tracking, i.deposit, i.loanDays])).toEqual([
      ['Дрель', 'DRILL-1', 1, 'single', 1000, 7],
      ['Стулья', r.items[1]!.code, 40, 'counted', 0, 3],
      ['Проектор; Epson', r.items[2]!.code, 1, 'single', 5000, 2],
    ]);
    expect(r.items[1]!.code).toMatch(/^SD-000006-/);
    expect(r.items.slice(1).every((i) => isValidGeneratedCode(i.code))).toBe(true);
  });

  it('returns row-level errors and no items when any row is bad', () => {
    const csv = 'name,code,quantity,deposit\nDrill,D1,1,100\n,D2,1,0\nChairs,D1,forty,0\nMugs,TAKEN,60,a lot\n';
    const parsed = parseCsv(csv);
    const r = importItems(parsed.rows, guessMapping(parsed.headers), ['taken']);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => [e.row, e.field, e.code])).toEqual([
      [2, 'name', 'import.noName'],
      [3, 'quantity', 'import.badNumber'],
      [3, 'code', 'import.duplicateCode'],
      [4, 'deposit', 'import.badNumber'],
      [4, 'code', 'import.codeTaken'],
    ]);
    expect('items' in r).toBe(false);
  });

  it('refuses a mapping without a name column and an empty file', () => {
    const r = importItems([{ a: 'x' }], { a: 'category' }, []);
    expect(!r.ok && r.errors.map((e) => e.code)).toEqual(['import.noNameColumn']);
    const e = importItems([], { a: 'name' }, []);
    expect(!e.ok && e.errors.map((x) => x.code)).toEqual(['import.empty']);
  });
});
