import type { LocalDateTime } from '../db/types';
import { newLine, parseMoney, validateHoldLines, type ResolvedLine } from './lines';
import { addDays, addMinutes, compareTime, isLocalDateTime, maxTime } from '../time';
import { historyEntry, type Borrower, type ItemLike, type LoanData, type LoanError, type LoanLike } from './types';
import type { Author } from '../db/types';

/** Loan period used when none of the items has one. */
export const DEFAULT_LOAN_DAYS = 14;
/** A loan recorded more than this many minutes after it happened is marked backdated. */
export const BACKDATE_TOLERANCE_MINUTES = 15;

export interface CheckoutInput {
  borrower: Borrower;
  lines: { code: string; quantity: number | string }[];
  /** As typed: "500", "1 500,50"; "" = none. */
  deposit: string | number;
  /** Default: now. Earlier than now → the loan is marked backdated. */
  outAt?: LocalDateTime;
  /** Default: outAt + the shortest loan period of the items. */
  dueAt?: LocalDateTime;
  notes?: string;
}

export interface LoanContext {
  items: readonly ItemLike[];
  loans: readonly LoanLike[];
  now: LocalDateTime;
  by: Author;
}

export type CheckoutResult =
  | { ok: true; loan: LoanData }
  | { ok: false; errors: LoanError[]; lineErrors: LoanError[][] };

/** Scanner input: trimmed, upper-case, Russian-layout letters mapped back to the Latin keys they sit on. */
const RU_TO_EN: Record<string, string> = Object.fromEntries(
  [...'ЙЦУКЕНГШЩЗФЫВАПРОЛДЯЧСМИТЬ'].map((c, i) => [c, 'QWERTYUIOPASDFGHJKLZXCVBNM'[i]!]),
);
export function normalizeCode(code: string): string {
  return [...code.trim().toUpperCase()].map((c) => RU_TO_EN[c] ?? c).join('');
}

export function findItemByCode<T extends Pick<ItemLike, 'code'>>(items: readonly T[], code: string): T | undefined {
  const key = normalizeCode(code);
  if (!key) return undefined;
  return items.find((i) => normalizeCode(i.code) === key);
}

export function hasBorrower(b: Borrower): boolean {
  return Boolean(b.personId?.trim() || b.groupId?.trim() || b.name?.trim());
}

/** Due date from the items' loan periods: the shortest positive period wins. */
export function defaultDueAt(items: readonly Pick<ItemLike, 'loanDays'>[], outAt: LocalDateTime): LocalDateTime {
  const periods = items.map((i) => i.loanDays).filter((d) => d > 0);
  return addDays(outAt, periods.length ? Math.min(...periods) : DEFAULT_LOAN_DAYS);
}

/**
 * Validates a multi-line check-out. All or nothing: either a complete loan document to write,
 * or error codes for the form and for each line.
 */
export function validateCheckout(input: CheckoutInput, ctx: LoanContext): CheckoutResult {
  const errors: LoanError[] = [];
  if (!hasBorrower(input.borrower)) errors.push({ code: 'loans.noBorrower' });
  if (input.lines.length === 0) errors.push({ code: 'loans.noLines' });
  const deposit = parseMoney(input.deposit);
  if (deposit === null) errors.push({ code: 'loans.depositInvalid', value: String(input.deposit) });

  const outAt = input.outAt || ctx.now;
  if (!isLocalDateTime(outAt)) errors.push({ code: 'loans.badTime', value: outAt });
  else if (compareTime(outAt, addMinutes(ctx.now, 1)) > 0) errors.push({ code: 'loans.outInFuture', value: outAt });

  const resolved: ResolvedLine[] = input.lines.map((l) => ({ item: findItemByCode(ctx.items, l.code), quantity: l.quantity, value: l.code }));
  const known = resolved.flatMap((l) => (l.item ? [l.item] : []));
  const dueAt = input.dueAt || (isLocalDateTime(outAt) ? defaultDueAt(known, outAt) : '');
  if (!isLocalDateTime(dueAt)) errors.push({ code: 'loans.badTime', value: dueAt });
  else if (isLocalDateTime(outAt) && compareTime(dueAt, outAt) <= 0) errors.push({ code: 'loans.dueBeforeOut', value: dueAt });

  const timesOk = isLocalDateTime(dueAt) && isLocalDateTime(outAt);
  // From now on the units leave the shelf; a backdated loan that is already due still takes them now.
  const range = { from: ctx.now, to: timesOk ? maxTime(dueAt, addMinutes(ctx.now, 1)) : addMinutes(ctx.now, 1) };
  const lineErrors = validateHoldLines(resolved, range, ctx.loans, ctx.now);

  if (errors.length > 0 || lineErrors.some((e) => e.length > 0) || deposit === null) {
    return { ok: false, errors, lineErrors };
  }
  const backdated = compareTime(outAt, addMinutes(ctx.now, -BACKDATE_TOLERANCE_MINUTES)) < 0;
  const lines = resolved.map((l) => newLine(l.item!.id, Number(l.quantity)));
  return {
    ok: true,
    loan: {
      status: 'open',
      borrower: { ...input.borrower, name: input.borrower.name.trim() },
      bookingId: '',
      lines,
      outAt,
      dueAt,
      returnedAt: '',
      deposit,
      depositReturned: false,
      backdated,
      notes: input.notes ?? '',
      history: [historyEntry(ctx.now, ctx.by, 'lent', backdated ? `backdated:${outAt}` : '')],
    },
  };
}
