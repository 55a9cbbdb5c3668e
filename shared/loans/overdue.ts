import type { LocalDateTime } from '../db/types';
import { outstanding } from './availability';
import { daysBetween, compareTime } from '../time';
import type { Borrower, ItemLike, LoanLike } from './types';

export function isOverdue(loan: Pick<LoanLike, 'status' | 'dueAt'>, now: LocalDateTime): boolean {
  return loan.status === 'open' && compareTime(now, loan.dueAt) > 0;
}

/** Calendar days since the due date (0 = due earlier today); -1 when not overdue. */
export function daysOverdue(loan: Pick<LoanLike, 'status' | 'dueAt'>, now: LocalDateTime): number {
  return isOverdue(loan, now) ? daysBetween(loan.dueAt, now) : -1;
}

export interface OverdueEntry<L extends LoanLike = LoanLike> {
  loan: L;
  days: number;
  name: string;
  phone: string;
  items: { itemId: string; name: string; code: string; quantity: number }[];
}

/** Overdue loans, longest overdue first, with the borrower's phone (from the loan or the people directory). */
export function overdueList<L extends LoanLike>(
  loans: readonly L[],
  items: readonly Pick<ItemLike, 'id' | 'name' | 'code'>[],
  now: LocalDateTime,
  people: readonly { id: string; phone: string }[] = [],
): OverdueEntry<L>[] {
  const byId = new Map(items.map((i) => [i.id, i]));
  const phones = new Map(people.map((p) => [p.id, p.phone]));
  return loans
    .filter((l) => isOverdue(l, now))
    .map((loan) => ({
      loan,
      days: daysOverdue(loan, now),
      name: loan.borrower.name,
      phone: loan.borrower.phone || phones.get(loan.borrower.personId) || '',
      items: loan.lines
        .filter((x) => outstanding(x) > 0)
        .map((x) => ({ itemId: x.itemId, name: byId.get(x.itemId)?.name ?? '', code: byId.get(x.itemId)?.code ?? '', quantity: outstanding(x) })),
    }))
    .sort((a, b) => b.days - a.days || compareTime(a.loan.dueAt, b.loan.dueAt) || a.name.localeCompare(b.name, 'ru'));
}

const normName = (s: string) => s.trim().toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ');
const normPhone = (s: string) => s.replace(/\D/g, '').slice(-10);

/** Same borrower: same directory person, or (free entries) the same name and, where both have one, the same phone. */
export function sameBorrower(a: Borrower, b: Borrower): boolean {
  if (a.personId && b.personId) return a.personId === b.personId;
  if (a.groupId && b.groupId) return a.groupId === b.groupId;
  if (!normName(a.name) || normName(a.name) !== normName(b.name)) return false;
  const pa = normPhone(a.phone ?? '');
  const pb = normPhone(b.phone ?? '');
  return !pa || !pb || pa === pb;
}

/** The borrower's overdue loans — the check-out warning ("the coordinator decides"). */
export function overdueOf<L extends LoanLike>(borrower: Borrower, loans: readonly L[], now: LocalDateTime): L[] {
  return loans.filter((l) => isOverdue(l, now) && sameBorrower(borrower, l.borrower));
}

export function hasOverdue(borrower: Borrower, loans: readonly LoanLike[], now: LocalDateTime): boolean {
  return overdueOf(borrower, loans, now).length > 0;
}
