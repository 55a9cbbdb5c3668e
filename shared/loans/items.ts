import type { ItemDoc } from '../db/schemas/items';
import { normalizeCode } from './checkout';
import { generateCodes } from './codes';
import { parseMoney } from './lines';

export type ItemFields = Omit<ItemDoc, 'id' | 'createdAt' | 'updatedAt' | 'updatedBy'>;

/** As typed in the catalogue form. */
export interface ItemInput {
  name: string;
  category: string;
  code: string;
  tracking: ItemDoc['tracking'];
  quantity: string | number;
  location: string;
  condition: string;
  deposit: string | number;
  loanDays: string | number;
  notes: string;
}

export type ItemErrorCode = 'item.noName' | 'item.codeTaken' | 'item.badQuantity' | 'item.badDeposit' | 'item.badLoanDays';
export type ItemResult = { ok: true; fields: Omit<ItemFields, 'photo' | 'archived'> } | { ok: false; errors: Partial<Record<keyof ItemInput, ItemErrorCode>> };

const int = (v: string | number) => (typeof v === 'number' ? v : /^\s*\d{1,6}\s*$/.test(v) ? Number(v) : NaN);

/** Validates an item from the catalogue form; a blank code gets a generated one. */
export function validateItem(input: ItemInput, others: readonly Pick<ItemDoc, 'id' | 'code'>[], selfId = ''): ItemResult {
  const errors: Partial<Record<keyof ItemInput, ItemErrorCode>> = {};
  const name = input.name.trim();
  if (!name) errors.name = 'item.noName';
  const taken = others.filter((o) => o.id !== selfId).map((o) => o.code);
  let code = normalizeCode(input.code);
  if (code && taken.some((c) => normalizeCode(c) === code)) errors.code = 'item.codeTaken';
  const quantity = input.tracking === 'single' ? 1 : int(input.quantity);
  if (!Number.isInteger(quantity) || quantity < 0) errors.quantity = 'item.badQuantity';
  const deposit = parseMoney(input.deposit);
  if (deposit === null) errors.deposit = 'item.badDeposit';
  const loanDays = String(input.loanDays).trim() === '' ? 0 : int(input.loanDays);
  if (!Number.isInteger(loanDays) || loanDays < 0 || loanDays > 3650) errors.loanDays = 'item.badLoanDays';
  if (Object.keys(errors).length) return { ok: false, errors };
  if (!code) code = generateCodes(taken, 1)[0]!;
  return {
    ok: true,
    fields: {
      name,
      category: input.category.trim(),
      code,
      tracking: input.tracking,
      quantity,
      location: input.location.trim(),
      condition: input.condition.trim(),
      deposit: deposit!,
      loanDays,
      notes: input.notes,
    },
  };
}
