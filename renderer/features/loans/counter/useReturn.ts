import { useRef, useState } from 'react';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { attemptWrite } from '../../../app/writeFailure';
import { openLoansWithItem, outstanding, type ItemDoc, type LoanDoc } from '../domain';
import { useLoanActions } from '../hooks';
import { useLoanMessages } from '../messages';
import type { CounterMessage } from './types';
import type { QuantityFocus } from './useQuantityFocus';

/** The take-back form's state: which loan, how many of each line, notes, deposit; scans; the return itself. */
export function useReturn({ loans, byId, focus, onStart }: { loans: LoanDoc[]; byId: Map<string, ItemDoc>; focus: QuantityFocus; onStart: () => void }) {
  const { t } = useTranslation('loans');
  const msg = useLoanMessages();
  const actions = useLoanActions();
  const [loanId, setLoanId] = useState('');
  const [qty, setQty] = useState<Record<string, number | string>>({});
  const [note, setNote] = useState<Record<string, string>>({});
  const [depositBack, setDepositBack] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);
  /** A scanned item that is out on several loans: whose is it? */
  const [choices, setChoices] = useState<{ itemId: string; loanIds: string[] } | null>(null);
  // Scans can come faster than React renders: the latest form is kept here too (see useLend's cartNow).
  const now = useRef({ loanId, qty });
  now.current = { loanId, qty };
  const loan = loans.find((l) => l.id === loanId && l.status === 'open');

  /** Opens a loan in the form; with an item, one more of it (all of a single item) is taken back. */
  const start = (next: LoanDoc, itemId?: string) => {
    onStart();
    const same = next.id === now.current.loanId;
    if (!same) {
      setDepositBack(false);
      setNote({});
    }
    setErrors([]);
    const nextQty: Record<string, number | string> = { ...(same ? now.current.qty : {}) };
    for (const line of next.lines) {
      const out = outstanding(line);
      if (itemId === undefined || line.itemId !== itemId) nextQty[line.itemId] = nextQty[line.itemId] ?? 0;
      else nextQty[itemId] = Math.min(out, Number(nextQty[itemId] ?? 0) + (byId.get(itemId)?.tracking === 'single' ? out : 1));
    }
    now.current = { loanId: next.id, qty: nextQty };
    setLoanId(next.id);
    setQty(nextQty);
    if (itemId && byId.get(itemId)?.tracking === 'counted') focus.request(itemId);
  };

  /** A scan in take-back mode: the loan it belongs to, or a choice when several loans have it. */
  const scan = (item: ItemDoc): CounterMessage => {
    const open = openLoansWithItem(item.id, loans);
    if (open.length === 0) return { kind: 'error', text: t('scan.notOnLoan', { name: item.name, code: item.code }) };
    const found = open.find((l) => l.id === now.current.loanId) ?? (open.length === 1 ? open[0] : undefined);
    if (!found) {
      setChoices({ itemId: item.id, loanIds: open.map((l) => l.id) });
      return { kind: 'warn', text: t('scan.whichLoan', { name: item.name, n: open.length }) };
    }
    setChoices(null);
    start(found, item.id);
    return { kind: 'ok', text: t('scan.toReturn', { name: item.name, borrower: msg.borrowerName(found.borrower) }) };
  };

  /** The volunteer picked whose loan a scanned item is. */
  const choose = (chosen: LoanDoc): CounterMessage => {
    const itemId = choices?.itemId ?? '';
    setChoices(null);
    start(chosen, itemId);
    return { kind: 'ok', text: t('scan.toReturn', { name: byId.get(itemId)?.name ?? '', borrower: msg.borrowerName(chosen.borrower) }) };
  };

  /** loans.returnItems with what is on the form; null when the write failed (said in words) or nothing is open. */
  const submit = async (): Promise<CounterMessage> => {
    if (!loan) return null;
    const attempt = await attemptWrite(() =>
      actions.returnItems(loan.id, {
        depositReturned: depositBack,
        lines: Object.entries(qty).map(([itemId, quantity]) => ({ itemId, quantity: quantity === '' ? 0 : quantity, condition: note[itemId] ?? '' })),
      }),
    );
    if (!attempt.ok) return null; // the quantities and notes stay as typed
    const r = attempt.value;
    if (!r.ok) {
      setErrors([...r.errors, ...(r.lineErrors ?? []).flat()].map(msg.error));
      return null;
    }
    const text = t('return.done', { name: msg.borrowerName(loan.borrower) });
    notifications.show({ color: 'green', message: text });
    setLoanId('');
    setQty({});
    setErrors([]);
    return { kind: 'ok', text };
  };

  return { loan, qty, setQty, note, setNote, depositBack, setDepositBack, errors, choices, start, scan, choose, submit };
}

export type Return = ReturnType<typeof useReturn>;
