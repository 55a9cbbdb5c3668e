import { deskOfId } from '../network/accounts';
import { sameBorrower } from './overdue';
import { compareTime } from '../time';
import type { Borrower, LoanDoc } from './types';

type HistoryLoan = Pick<LoanDoc, 'id' | 'status' | 'borrower' | 'bookingId' | 'lines' | 'outAt' | 'dueAt' | 'returnedAt' | 'backdated' | 'history'>;

export interface HistoryRow<L extends HistoryLoan = HistoryLoan> {
  loan: L;
  /** Units of the item in this loan (item history) or of all items (person history). */
  quantity: number;
  returned: number;
}

const newestFirst = (a: HistoryLoan, b: HistoryLoan) => compareTime(b.outAt, a.outAt) || a.id.localeCompare(b.id);

/** Every loan and reservation of the item, newest first. */
export function itemHistory<L extends HistoryLoan>(itemId: string, loans: readonly L[]): HistoryRow<L>[] {
  return loans
    .filter((l) => l.lines.some((x) => x.itemId === itemId))
    .sort(newestFirst)
    .map((loan) => {
      const lines = loan.lines.filter((x) => x.itemId === itemId);
      return { loan, quantity: lines.reduce((s, x) => s + x.quantity, 0), returned: lines.reduce((s, x) => s + x.returnedQuantity, 0) };
    });
}

/** Every loan and reservation of the borrower, newest first. */
export function personHistory<L extends HistoryLoan>(borrower: Borrower, loans: readonly L[]): HistoryRow<L>[] {
  return loans
    .filter((l) => sameBorrower(borrower, l.borrower))
    .sort(newestFirst)
    .map((loan) => ({
      loan,
      quantity: loan.lines.reduce((s, x) => s + x.quantity, 0),
      returned: loan.lines.reduce((s, x) => s + x.returnedQuantity, 0),
    }));
}

/** A recorded step's author ("volunteer · desk" or just the desk id) split back into its parts. */
export function splitAuthorLabel(label: string): { volunteer: string; desk: string } {
  const at = label.lastIndexOf(' · ');
  return at < 0 ? { volunteer: '', desk: label } : { volunteer: label.slice(0, at), desk: label.slice(at + 3) };
}

/** A desk id ("desk-" + time + random) shortened to its last four characters, enough to tell desks apart; a desk with its own account by its name. */
export function shortDeskId(desk: string): string {
  // a desk with its own account (#16) is called by its name: `dubki.counter` → `counter`
  return deskOfId(desk) ?? desk.replace(/^desk-/, '').slice(-4);
}
