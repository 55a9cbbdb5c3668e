import { describe, expect, it } from 'vitest';
import { isValidGeneratedCode } from './codes';
import { validateItem, type ItemInput } from './items';

const base: ItemInput = { name: 'Дрель', category: 'Инструменты', code: '', tracking: 'single', quantity: '1', location: '', condition: '', deposit: '', loanDays: '7', notes: '' };

describe('catalogue item validation', () => {
  it('generates a code when none is given and forces single items to one unit', () => {
    const r = validateItem({ ...base, quantity: '5' }, [{ id: 'a', code: 'X' }]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(isValidGeneratedCode(r.fields.code)).toBe(true);
    expect(r.fields.quantity).toBe(1);
    expect(r.fields.loanDays).toBe(7);
  });
  it('refuses a taken code (ignoring case and layout), a blank name and bad numbers', () => {
    const r = validateItem({ ...base, name: ' ', code: 'ыв-1', tracking: 'counted', quantity: 'сорок', deposit: 'x', loanDays: '-1' }, [{ id: 'a', code: 'SD-1' }]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toEqual({ name: 'item.noName', code: 'item.codeTaken', quantity: 'item.badQuantity', deposit: 'item.badDeposit', loanDays: 'item.badLoanDays' });
    expect(validateItem({ ...base, code: 'SD-1' }, [{ id: 'a', code: 'SD-1' }], 'a').ok).toBe(true);
  });
});
