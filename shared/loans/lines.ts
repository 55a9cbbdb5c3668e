import type { LocalDateTime } from '../db/types';
import { checkHold } from './availability';
import type { ItemLike, LoanError, LoanLike, LoanLine, Range } from './types';

/** A requested line with its item resolved (undefined = unknown code/id). */
export interface ResolvedLine {
  item: ItemLike | undefined;
  quantity: number | string;
  /** What was typed or scanned, for the unknown-code message. */
  value: string;
}

export function parseQuantity(q: number | string): number | null {
  const n = typeof q === 'number' ? q : /^\s*\d+\s*$/.test(q) ? Number(q) : NaN;
  return Number.isInteger(n) && n >= 1 && n <= 100000 ? n : null;
}

/**
 * Validates requested lines against the catalogue and availability over the range.
 * Quantities of several lines for the same item are added up before the check.
 * Returns one error list per line (empty = fine).
 */
export function validateHoldLines(
  lines: readonly ResolvedLine[],
  range: Range,
  loans: readonly LoanLike[],
  now: LocalDateTime,
  excludeLoanId = '',
): LoanError[][] {
  const errors: LoanError[][] = lines.map(() => []);
  const totals = new Map<string, { item: ItemLike; quantity: number; lineIdx: number[] }>();
  lines.forEach((line, i) => {
    const errs = errors[i]!;
    if (!line.item) {
      errs.push({ code: 'loans.unknownCode', value: line.value });
      return;
    }
    if (line.item.archived) errs.push({ code: 'loans.archived', value: line.value });
    const q = parseQuantity(line.quantity);
    if (q === null) errs.push({ code: 'loans.quantityInvalid', value: String(line.quantity) });
    else if (line.item.tracking === 'single' && q > 1) errs.push({ code: 'loans.singleQuantity', available: 1 });
    if (errs.length > 0 || q === null) return;
    const t = totals.get(line.item.id) ?? { item: line.item, quantity: 0, lineIdx: [] };
    t.quantity += q;
    t.lineIdx.push(i);
    totals.set(line.item.id, t);
  });
  for (const { item, quantity, lineIdx } of totals.values()) {
    const err = checkHold(item, quantity, loans, range, now, excludeLoanId);
    if (err) for (const i of lineIdx) errors[i]!.push(err);
  }
  return errors;
}

/** Parses a deposit typed at the desk: "", "500", "1 500,50", "1500.5". null = not a number. */
export function parseMoney(input: string | number): number | null {
  if (typeof input === 'number') return Number.isFinite(input) && input >= 0 ? input : null;
  const s = input.replace(/[\s\u00a0]/g, '').replace(/(₽|руб\.?|р\.?)$/i, '');
  if (s === '') return 0;
  if (!/^\d+([.,]\d{1,2})?$/.test(s)) return null;
  return Number(s.replace(',', '.'));
}

/** A fresh loan line: nothing returned yet. */
export function newLine(itemId: string, quantity: number): LoanLine {
  return { itemId, quantity, returnedQuantity: 0, returnCondition: '', returnedAt: '', returnedBy: '' };
}
