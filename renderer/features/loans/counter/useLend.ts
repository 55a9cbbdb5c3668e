import { useMemo, useRef, useState } from 'react';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../app/format';
import { attemptWrite } from '../../../app/writeFailure';
import { NO_BORROWER } from '../BorrowerPicker';
import { checkHold, defaultDueAt, openLoansWithItem, overdueOf, type Borrower, type ItemDoc, type LoanDoc, type LoanError } from '../domain';
import { useLoanActions } from '../hooks';
import { useLoanMessages } from '../messages';
import type { CounterMessage } from './types';
import type { QuantityFocus } from './useQuantityFocus';

export interface CartLine {
  itemId: string;
  quantity: number | string;
}

/** The lend form's state: borrower, scanned lines, due date, deposit, back-dating; adding a scan; the check-out. */
export function useLend({ loans, now, byId, focus }: { loans: LoanDoc[]; now: string; byId: Map<string, ItemDoc>; focus: QuantityFocus }) {
  const { t } = useTranslation('loans');
  const f = useFormat();
  const msg = useLoanMessages();
  const actions = useLoanActions();
  const [borrower, setBorrower] = useState<Borrower>(NO_BORROWER);
  const [cart, setCart] = useState<CartLine[]>([]);
  const [dueDate, setDueDate] = useState('');
  const [deposit, setDeposit] = useState('');
  const [backdated, setBackdated] = useState(false);
  const [outAt, setOutAt] = useState('');
  const [formErrors, setFormErrors] = useState<LoanError[]>([]);
  const [lineErrors, setLineErrors] = useState<LoanError[][]>([]);
  // Scans can come faster than React renders (a burst of scans of the same chairs): the latest cart is kept here
  // too, updated as each scan changes it, so no scan reads a stale copy.
  const cartNow = useRef(cart);
  cartNow.current = cart;

  const cartItems = cart.flatMap((l) => (byId.get(l.itemId) ? [byId.get(l.itemId)!] : []));
  const startAt = backdated && outAt ? outAt : now;
  const dueAt = dueDate ? `${dueDate}T${startAt.slice(11, 16)}` : defaultDueAt(cartItems, startAt);
  const overdue = useMemo(() => (borrower.name || borrower.personId ? overdueOf(borrower, loans, now) : []), [borrower, loans, now]);

  /** A scanned item onto the cart (one more of a counted item), unless it is archived, taken or reserved. */
  const add = (item: ItemDoc): CounterMessage => {
    if (item.archived) return { kind: 'error', text: msg.error({ code: 'loans.archived', value: item.code }) };
    const existing = cartNow.current.find((l) => l.itemId === item.id);
    if (existing && item.tracking === 'single') return { kind: 'warn', text: t('scan.already', { name: item.name }) };
    const quantity = (existing ? Number(existing.quantity) || 0 : 0) + 1;
    const due = dueDate ? dueAt : defaultDueAt([...cartItems, item], startAt);
    const err = checkHold(item, quantity, loans, { from: now, to: due > now ? due : now }, now);
    if (err?.code === 'loans.reserved') return { kind: 'warn', text: t('scan.reserved', { name: item.name, who: err.holders!.map(msg.holder).join('; ') }) };
    if (err) {
      const holder = item.tracking === 'single' ? openLoansWithItem(item.id, loans)[0] : undefined;
      return {
        kind: 'error',
        text: holder
          ? t('scan.out', { name: item.name, borrower: msg.borrowerName(holder.borrower), due: f.dateTime(holder.dueAt) })
          : t('scan.notEnough', { name: item.name, available: err.available ?? 0 }),
      };
    }
    const c = cartNow.current;
    const nextCart = existing ? c.map((l) => (l.itemId === item.id ? { ...l, quantity } : l)) : [...c, { itemId: item.id, quantity: 1 }];
    cartNow.current = nextCart;
    setCart(nextCart);
    setLineErrors([]);
    if (item.tracking === 'counted') focus.request(item.id);
    return { kind: 'ok', text: t('scan.added', { name: item.name, quantity }) };
  };

  const reset = () => {
    setBorrower(NO_BORROWER);
    setCart([]);
    setDueDate('');
    setDeposit('');
    setBackdated(false);
    setOutAt('');
    setFormErrors([]);
    setLineErrors([]);
  };

  /** loans.checkOut with what is on the form; null when the write failed (said in words, the form stays as typed). */
  const submit = async (): Promise<CounterMessage> => {
    const attempt = await attemptWrite(() =>
      actions.checkout({
        borrower,
        deposit,
        dueAt,
        ...(backdated && outAt ? { outAt } : {}),
        lines: cart.map((l) => ({ code: byId.get(l.itemId)?.code ?? l.itemId, quantity: l.quantity })),
      }),
    );
    if (!attempt.ok) return null;
    const r = attempt.value;
    if (!r.ok) {
      setFormErrors(r.errors);
      setLineErrors(r.lineErrors ?? []);
      return { kind: 'error', text: t('lend.failed') };
    }
    const text = t('lend.done', { n: cart.length, name: borrower.name, due: f.dateTime(dueAt) });
    notifications.show({ color: 'green', message: text });
    reset();
    return { kind: 'ok', text };
  };

  const formError = (code: LoanError['code']) => formErrors.filter((x) => x.code === code).map(msg.error).join(' ') || undefined;

  return {
    borrower, setBorrower, cart, setCart, dueDate, setDueDate, deposit, setDeposit, backdated, setBackdated, outAt, setOutAt,
    lineErrors, formError, cartItems, dueAt, overdue, add, reset, submit,
  };
}

export type Lend = ReturnType<typeof useLend>;
