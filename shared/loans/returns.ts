import type { Author, LocalDateTime } from '../db/types';
import { outstanding } from './availability';
import { authorLabel, historyEntry, type LoanData, type LoanError, type LoanLike } from './types';

export interface ReturnInput {
  /** Units coming back per item; quantity 0 = nothing of this item. */
  lines: { itemId: string; quantity: number | string; condition?: string }[];
  /** The deposit is handed back now. */
  depositReturned?: boolean;
  at: LocalDateTime;
  by: Author;
}

type ReturnableLoan = LoanLike & Pick<LoanData, 'history' | 'depositReturned' | 'deposit'>;
export type ReturnPatch = Pick<LoanData, 'lines' | 'status' | 'returnedAt' | 'depositReturned' | 'history'>;

export type ReturnResult = { ok: true; patch: ReturnPatch; complete: boolean } | { ok: false; errors: LoanError[]; lineErrors: LoanError[][] };

/** Outstanding units per item of a loan. */
export function outstandingByItem(loan: Pick<LoanLike, 'lines'>): Map<string, number> {
  const m = new Map<string, number>();
  for (const l of loan.lines) m.set(l.itemId, (m.get(l.itemId) ?? 0) + outstanding(l));
  return m;
}

/**
 * Takes back all or part of an open loan. Partial returns keep the rest on loan;
 * returning more than is out is refused; nothing changes unless every line validates.
 */
export function applyReturn(loan: ReturnableLoan, input: ReturnInput): ReturnResult {
  const errors: LoanError[] = [];
  const lineErrors: LoanError[][] = input.lines.map(() => []);
  if (loan.status !== 'open') errors.push({ code: 'loans.notOpen' });
  const out = outstandingByItem(loan);
  const asked = new Map<string, number>();
  input.lines.forEach((l, i) => {
    const q = typeof l.quantity === 'number' ? l.quantity : /^\s*\d+\s*$/.test(l.quantity) ? Number(l.quantity) : NaN;
    if (!Number.isInteger(q) || q < 0) lineErrors[i]!.push({ code: 'loans.quantityInvalid', value: String(l.quantity) });
    else if (!out.has(l.itemId)) lineErrors[i]!.push({ code: 'loans.notOnLoan', value: l.itemId });
    else asked.set(l.itemId, (asked.get(l.itemId) ?? 0) + q);
  });
  input.lines.forEach((l, i) => {
    const a = asked.get(l.itemId);
    if (a !== undefined && a > (out.get(l.itemId) ?? 0)) lineErrors[i]!.push({ code: 'loans.returnTooMany', available: out.get(l.itemId) ?? 0 });
  });
  const total = [...asked.values()].reduce((s, q) => s + q, 0);
  const depositNow = Boolean(input.depositReturned) && !loan.depositReturned && loan.deposit > 0;
  if (total === 0 && !depositNow && errors.length === 0 && lineErrors.every((e) => e.length === 0)) {
    errors.push({ code: 'loans.nothingToReturn' });
  }
  if (errors.length > 0 || lineErrors.some((e) => e.length > 0)) return { ok: false, errors, lineErrors };

  const who = authorLabel(input.by);
  const notes = new Map<string, string>();
  for (const l of input.lines) if (l.condition?.trim()) notes.set(l.itemId, l.condition.trim());
  const remaining = new Map(asked);
  const lines = loan.lines.map((line) => {
    const want = remaining.get(line.itemId) ?? 0;
    const take = Math.min(want, outstanding(line));
    const note = notes.get(line.itemId);
    if (take === 0 && !note) return line;
    remaining.set(line.itemId, want - take);
    if (note) notes.delete(line.itemId);
    return {
      ...line,
      returnedQuantity: line.returnedQuantity + take,
      returnCondition: note ? [line.returnCondition, note].filter(Boolean).join('; ') : line.returnCondition,
      returnedAt: take > 0 ? input.at : line.returnedAt,
      returnedBy: take > 0 ? who : line.returnedBy,
    };
  });
  const complete = lines.every((l) => outstanding(l) === 0);
  const history = [...loan.history];
  if (total > 0) {
    const detail = [...asked].filter(([, q]) => q > 0).map(([id, q]) => `${id}×${q}`).join(', ');
    history.push(historyEntry(input.at, input.by, complete ? 'returned' : 'partly-returned', detail));
  }
  if (depositNow) history.push(historyEntry(input.at, input.by, 'deposit-returned', String(loan.deposit)));
  return {
    ok: true,
    complete,
    patch: {
      lines,
      status: complete ? 'returned' : 'open',
      returnedAt: complete ? input.at : '',
      depositReturned: loan.depositReturned || depositNow,
      history,
    },
  };
}

/** Open loans that have the item out — what a scan at the Return counter finds. */
export function openLoansWithItem<L extends LoanLike>(itemId: string, loans: readonly L[]): L[] {
  return loans
    .filter((l) => l.status === 'open' && l.lines.some((x) => x.itemId === itemId && outstanding(x) > 0))
    .sort((a, b) => (a.outAt < b.outAt ? -1 : 1));
}
