import Papa from 'papaparse';
import type { ItemDoc } from '../db/schemas/items';
import { normalizeCode } from './checkout';
import { generateCodes } from './codes';
import { parseMoney } from './lines';

export const ITEM_FIELDS = ['name', 'category', 'code', 'quantity', 'location', 'condition', 'deposit', 'loanDays', 'notes'] as const;
export type ItemField = (typeof ITEM_FIELDS)[number];
/** CSV column header → item field ('' = ignore the column). */
export type ColumnMapping = Record<string, ItemField | ''>;

export type ItemData = Omit<ItemDoc, 'id' | 'createdAt' | 'updatedAt' | 'updatedBy'>;

export type ImportErrorCode = 'import.empty' | 'import.noName' | 'import.badNumber' | 'import.duplicateCode' | 'import.codeTaken' | 'import.noNameColumn' | 'import.parse';
export interface ImportError {
  /** 1-based data row (the header is row 0); 0 = the whole file. */
  row: number;
  field: ItemField | '';
  code: ImportErrorCode;
  value?: string;
}

export interface ParsedCsv {
  headers: string[];
  rows: Record<string, string>[];
  errors: ImportError[];
}

export function parseCsv(text: string): ParsedCsv {
  const res = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (h) => h.trim(),
  });
  const errors: ImportError[] = res.errors.map((e) => ({ row: (e.row ?? -1) + 1, field: '', code: 'import.parse', value: e.code }));
  return { headers: (res.meta.fields ?? []).filter(Boolean), rows: res.data, errors };
}

const SYNONYMS: Record<ItemField, string[]> = {
  name: ['name', 'item', 'title', 'название', 'наименование', 'предмет', 'вещь'],
  category: ['category', 'type', 'категория', 'тип', 'раздел'],
  code: ['code', 'barcode', 'tag', 'код', 'штрихкод', 'штрих-код', 'метка', 'артикул'],
  quantity: ['quantity', 'qty', 'count', 'количество', 'кол-во', 'шт', 'штук'],
  location: ['location', 'place', 'shelf', 'место', 'где', 'хранение', 'полка'],
  condition: ['condition', 'state', 'состояние'],
  deposit: ['deposit', 'залог'],
  loanDays: ['loandays', 'loan days', 'days', 'period', 'срок', 'дней', 'срок выдачи'],
  notes: ['notes', 'note', 'comment', 'примечание', 'примечания', 'комментарий'],
};

/** Guesses the mapping from Russian or English headers. */
export function guessMapping(headers: readonly string[]): ColumnMapping {
  const used = new Set<ItemField>();
  const mapping: ColumnMapping = {};
  for (const h of headers) {
    const key = h.trim().toLowerCase().replace(/ё/g, 'е');
    const field = ITEM_FIELDS.find((f) => !used.has(f) && SYNONYMS[f].some((s) => key === s || key.startsWith(`${s} `) || key.startsWith(`${s},`)));
    mapping[h] = field ?? '';
    if (field) used.add(field);
  }
  return mapping;
}

export type ImportResult = { ok: true; items: ItemData[] } | { ok: false; errors: ImportError[] };

/**
 * Turns mapped CSV rows into new items: either every row is valid and all items come back
 * (codes generated where missing), or only the errors — a failed import changes nothing.
 */
export function importItems(rows: readonly Record<string, string>[], mapping: ColumnMapping, existingCodes: readonly string[]): ImportResult {
  const errors: ImportError[] = [];
  const fieldToColumn = new Map<ItemField, string>();
  for (const [col, field] of Object.entries(mapping)) if (field) fieldToColumn.set(field, col);
  if (!fieldToColumn.has('name')) errors.push({ row: 0, field: 'name', code: 'import.noNameColumn' });
  if (rows.length === 0) errors.push({ row: 0, field: '', code: 'import.empty' });
  if (errors.length) return { ok: false, errors };

  const taken = new Set(existingCodes.map(normalizeCode));
  const seen = new Map<string, number>();
  const items: ItemData[] = [];
  rows.forEach((raw, i) => {
    const row = i + 1;
    const get = (f: ItemField) => (fieldToColumn.has(f) ? (raw[fieldToColumn.get(f)!] ?? '').trim() : '');
    const int = (f: ItemField, dflt: number) => {
      const v = get(f);
      if (v === '') return dflt;
      if (!/^\d{1,6}$/.test(v)) {
        errors.push({ row, field: f, code: 'import.badNumber', value: v });
        return dflt;
      }
      return Number(v);
    };
    const name = get('name');
    if (!name) errors.push({ row, field: 'name', code: 'import.noName' });
    const quantity = int('quantity', 1);
    const loanDays = int('loanDays', 0);
    const depositRaw = get('deposit');
    const deposit = parseMoney(depositRaw);
    if (deposit === null) errors.push({ row, field: 'deposit', code: 'import.badNumber', value: depositRaw });
    const code = normalizeCode(get('code'));
    if (code) {
      if (taken.has(code)) errors.push({ row, field: 'code', code: 'import.codeTaken', value: code });
      else if (seen.has(code)) errors.push({ row, field: 'code', code: 'import.duplicateCode', value: code });
      seen.set(code, row);
    }
    items.push({
      name: name.slice(0, 200),
      category: get('category').slice(0, 200),
      code,
      tracking: quantity === 1 ? 'single' : 'counted',
      quantity,
      location: get('location').slice(0, 200),
      condition: get('condition').slice(0, 200),
      deposit: deposit ?? 0,
      loanDays,
      notes: get('notes').slice(0, 5000),
      photo: '',
      archived: false,
    });
  });
  if (errors.length) return { ok: false, errors };
  const missing = items.filter((it) => !it.code);
  const fresh = generateCodes([...taken, ...seen.keys()], missing.length);
  missing.forEach((it, i) => (it.code = fresh[i]!));
  return { ok: true, items };
}
