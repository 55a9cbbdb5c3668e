import type { Author, LocalDateTime } from '../db/types';
import type { ItemDoc } from '../db/schemas/items';
import type { LoanDoc, LoanLine } from '../db/schemas/loans';

export type { ItemDoc, LoanDoc, LoanLine };

/** Item fields the loan rules read (a stored ItemDoc fits). */
export type ItemLike = Pick<ItemDoc, 'id' | 'name' | 'code' | 'tracking' | 'quantity' | 'archived' | 'loanDays' | 'deposit'>;

/** Loan fields the loan rules read (a stored LoanDoc fits). */
export type LoanLike = Pick<LoanDoc, 'id' | 'status' | 'borrower' | 'bookingId' | 'lines' | 'outAt' | 'dueAt'>;

/** A loan document without the audit stamps: what a hook passes to stampNew / stampChange. */
export type LoanData = Omit<LoanDoc, 'id' | 'createdAt' | 'updatedAt' | 'updatedBy'>;

export type Borrower = LoanDoc['borrower'];

export interface Range {
  from: LocalDateTime;
  to: LocalDateTime;
}

/** Someone who holds an item over a range (a reservation or a loan). */
export interface Holder {
  loanId: string;
  status: LoanDoc['status'];
  name: string;
  phone: string;
  bookingId: string;
  from: LocalDateTime;
  to: LocalDateTime;
  quantity: number;
}

export type LoanErrorCode =
  | 'loans.noBorrower'
  | 'loans.noLines'
  | 'loans.unknownCode'
  | 'loans.archived'
  | 'loans.quantityInvalid'
  | 'loans.singleQuantity'
  | 'loans.notEnough'
  | 'loans.reserved'
  | 'loans.depositInvalid'
  | 'loans.badTime'
  | 'loans.dueBeforeOut'
  | 'loans.outInFuture'
  | 'loans.notOpen'
  | 'loans.notReserved'
  | 'loans.notOnLoan'
  | 'loans.returnTooMany'
  | 'loans.nothingToReturn';

export interface LoanError {
  code: LoanErrorCode;
  /** Units that can be lent/returned, where it matters. */
  available?: number;
  /** Who holds the item over the range (for loans.reserved). */
  holders?: Holder[];
  /** The offending input, e.g. the unknown code. */
  value?: string;
}

/** Who recorded a step: "volunteer · desk". */
export function authorLabel(by: Author): string {
  return by.volunteer ? `${by.volunteer} · ${by.desk}` : by.desk;
}

export type HistoryAction = 'reserved' | 'lent' | 'picked-up' | 'returned' | 'partly-returned' | 'cancelled' | 'deposit-returned';

export function historyEntry(at: LocalDateTime, by: Author, action: HistoryAction, detail = ''): LoanDoc['history'][number] {
  return { at, by: authorLabel(by), action, detail };
}

/**
 * A borrower whose personal data was erased (docs/privacy.md): the loan stays, with no name, phone or person
 * link. Every loan is written with a name, so an empty one means erased.
 */
export function isErasedBorrower(b: Pick<Borrower, 'personId' | 'name' | 'phone'>): boolean {
  return !b.personId && !b.name.trim() && !b.phone.trim();
}
