import type { ItemLike, LoanData, LoanLike } from './types';

/** Small builders shared by the loans unit tests. */
export const by = { desk: 'counter', volunteer: 'Анна' };

export function item(id: string, patch: Partial<ItemLike> = {}): ItemLike {
  return { id, name: id, code: id.toUpperCase(), tracking: 'single', quantity: 1, archived: false, loanDays: 7, deposit: 0, ...patch };
}

export function asLoan(id: string, data: LoanData): LoanLike & LoanData & { id: string } {
  return { ...data, id };
}

export const person = (name: string, phone = '', personId = '') => ({ personId, groupId: '', name, phone });
