import { useEffect, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { Alert, Badge, Button, Checkbox, Group, NumberInput, Paper, SegmentedControl, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format';
import { BorrowerPicker, NO_BORROWER } from './BorrowerPicker';
import {
  checkHold,
  defaultDueAt,
  findItemByCode,
  openLoansWithItem,
  outstanding,
  overdueOf,
  type Borrower,
  type ItemDoc,
  type LoanDoc,
  type LoanError,
  isErasedBorrower,
} from './domain';
import { HeadRow } from './Table';
import { LoanDate, LoanDateTime } from './DateFields';
import { useLoanActions, useNow } from './hooks';
import { useLoanMessages } from './messages';
import { attemptWrite } from '../../app/writeFailure';

export type CounterMode = 'lend' | 'return';
export interface CounterApi {
  scan: (code: string) => void;
  openReturn: (loanId: string) => void;
}

interface CartLine {
  itemId: string;
  quantity: number | string;
}
type Message = { kind: 'ok' | 'warn' | 'error'; text: string } | null;

const COLORS = { ok: 'green', warn: 'yellow', error: 'red' } as const;

/** The counter: lend (borrower, scanned lines, due date, deposit) and take back (scan or open a loan). */
export function CounterTab({ items, loans, register }: { items: ItemDoc[]; loans: LoanDoc[]; register: (api: CounterApi) => void }) {
  const { t } = useTranslation('loans');
  const f = useFormat();
  const now = useNow();
  const msg = useLoanMessages();
  const actions = useLoanActions();
  const [mode, setMode] = useState<CounterMode>('lend');
  const [message, setMessage] = useState<Message>(null);
  const [scanValue, setScanValue] = useState('');

  // Lend
  const [borrower, setBorrower] = useState<Borrower>(NO_BORROWER);
  const [cart, setCart] = useState<CartLine[]>([]);
  const [dueDate, setDueDate] = useState('');
  const [deposit, setDeposit] = useState('');
  const [backdated, setBackdated] = useState(false);
  const [outAt, setOutAt] = useState('');
  const [formErrors, setFormErrors] = useState<LoanError[]>([]);
  const [lineErrors, setLineErrors] = useState<LoanError[][]>([]);

  // Return
  const [returnLoanId, setReturnLoanId] = useState('');
  const [returnQty, setReturnQty] = useState<Record<string, number | string>>({});
  const [returnNote, setReturnNote] = useState<Record<string, string>>({});
  const [depositBack, setDepositBack] = useState(false);
  const [returnErrors, setReturnErrors] = useState<string[]>([]);
  /** A scanned item that is out on several loans: whose is it? */
  const [choices, setChoices] = useState<{ itemId: string; loanIds: string[] } | null>(null);

  // Scans can come faster than React renders (a burst of scans of the same chairs): the latest cart and return
  // form are kept here too, updated as each scan changes them, so no scan reads a stale copy.
  const cartNow = useRef(cart);
  cartNow.current = cart;
  const returnNow = useRef({ loanId: returnLoanId, qty: returnQty });
  returnNow.current = { loanId: returnLoanId, qty: returnQty };
  /** The quantity field to focus after a scan of a counted item, so that "5" can be typed at once. */
  const [focusQty, setFocusQty] = useState<{ itemId: string; n: number } | null>(null);
  const qtyFields = useRef(new Map<string, HTMLInputElement>());
  useEffect(() => {
    if (!focusQty) return;
    const el = qtyFields.current.get(focusQty.itemId);
    if (!el) return;
    el.focus();
    // Selected once the field shows the new number (the number field puts its caret at the end on each change).
    const frame = requestAnimationFrame(() => {
      if (document.activeElement === el) el.select();
    });
    return () => cancelAnimationFrame(frame);
  }, [focusQty]);
  /**
   * Right after a scan of a counted item, the first digit typed replaces its quantity ("5" means five, not
   * "25"); any other key first, and it is an ordinary number field again.
   */
  const freshDigit = (itemId: string, set: (n: number) => void) => (e: KeyboardEvent<HTMLInputElement>) => {
    if (focusQty?.itemId !== itemId || freshUsed.current === focusQty.n) return;
    freshUsed.current = focusQty.n;
    if (!/^\d$/.test(e.key) || e.ctrlKey || e.altKey || e.metaKey) return;
    e.preventDefault();
    set(Number(e.key));
  };
  const freshUsed = useRef(0);
  const qtyRef = (itemId: string) => (el: HTMLInputElement | null) => {
    if (el) qtyFields.current.set(itemId, el);
    else qtyFields.current.delete(itemId);
  };

  const byId = useMemo(() => new Map(items.map((i) => [i.id, i])), [items]);
  const cartItems = cart.flatMap((l) => (byId.get(l.itemId) ? [byId.get(l.itemId)!] : []));
  const startAt = backdated && outAt ? outAt : now;
  const dueAt = dueDate ? `${dueDate}T${startAt.slice(11, 16)}` : defaultDueAt(cartItems, startAt);
  const overdue = useMemo(() => (borrower.name || borrower.personId ? overdueOf(borrower, loans, now) : []), [borrower, loans, now]);
  const returnLoan = loans.find((l) => l.id === returnLoanId && l.status === 'open');

  const startReturn = (loan: LoanDoc, itemId?: string) => {
    setMode('return');
    const same = loan.id === returnNow.current.loanId;
    if (!same) {
      setDepositBack(false);
      setReturnNote({});
    }
    setReturnErrors([]);
    // Each scan of a counted item takes back one more (up to what is out); a single item, all of it.
    const next: Record<string, number | string> = { ...(same ? returnNow.current.qty : {}) };
    for (const line of loan.lines) {
      const out = outstanding(line);
      if (itemId === undefined || line.itemId !== itemId) next[line.itemId] = next[line.itemId] ?? 0;
      else next[itemId] = Math.min(out, Number(next[itemId] ?? 0) + (byId.get(itemId)?.tracking === 'single' ? out : 1));
    }
    returnNow.current = { loanId: loan.id, qty: next };
    setReturnLoanId(loan.id);
    setReturnQty(next);
    if (itemId && byId.get(itemId)?.tracking === 'counted') setFocusQty({ itemId, n: Date.now() });
  };

  const scan = (raw: string) => {
    const code = raw.trim();
    if (!code) return;
    const item = findItemByCode(items, code);
    if (!item) return setMessage({ kind: 'error', text: t('scan.unknown', { code }) });
    if (mode === 'return') {
      const open = openLoansWithItem(item.id, loans);
      if (open.length === 0) return setMessage({ kind: 'error', text: t('scan.notOnLoan', { name: item.name, code: item.code }) });
      const loan = open.find((l) => l.id === returnNow.current.loanId) ?? (open.length === 1 ? open[0] : undefined);
      if (!loan) {
        setChoices({ itemId: item.id, loanIds: open.map((l) => l.id) });
        return setMessage({ kind: 'warn', text: t('scan.whichLoan', { name: item.name, n: open.length }) });
      }
      setChoices(null);
      startReturn(loan, item.id);
      return setMessage({ kind: 'ok', text: t('scan.toReturn', { name: item.name, borrower: msg.borrowerName(loan.borrower) }) });
    }
    if (item.archived) return setMessage({ kind: 'error', text: msg.error({ code: 'loans.archived', value: item.code }) });
    const existing = cartNow.current.find((l) => l.itemId === item.id);
    if (existing && item.tracking === 'single') return setMessage({ kind: 'warn', text: t('scan.already', { name: item.name }) });
    const quantity = (existing ? Number(existing.quantity) || 0 : 0) + 1;
    const due = dueDate ? dueAt : defaultDueAt([...cartItems, item], startAt);
    const err = checkHold(item, quantity, loans, { from: now, to: due > now ? due : now }, now);
    if (err?.code === 'loans.reserved') {
      return setMessage({ kind: 'warn', text: t('scan.reserved', { name: item.name, who: err.holders!.map(msg.holder).join('; ') }) });
    }
    if (err) {
      const holder = item.tracking === 'single' ? openLoansWithItem(item.id, loans)[0] : undefined;
      return setMessage({
        kind: 'error',
        text: holder
          ? t('scan.out', { name: item.name, borrower: msg.borrowerName(holder.borrower), due: f.dateTime(holder.dueAt) })
          : t('scan.notEnough', { name: item.name, available: err.available ?? 0 }),
      });
    }
    const c = cartNow.current;
    const nextCart = existing ? c.map((l) => (l.itemId === item.id ? { ...l, quantity } : l)) : [...c, { itemId: item.id, quantity: 1 }];
    cartNow.current = nextCart;
    setCart(nextCart);
    setLineErrors([]);
    if (item.tracking === 'counted') setFocusQty({ itemId: item.id, n: Date.now() });
    setMessage({ kind: 'ok', text: t('scan.added', { name: item.name, quantity }) });
  };

  // The page-wide scanner and the On loan tab talk to the counter through this.
  useEffect(() => {
    register({
      scan,
      openReturn: (loanId) => {
        const loan = loans.find((l) => l.id === loanId);
        if (loan) startReturn(loan);
      },
    });
  });

  const resetLend = () => {
    setBorrower(NO_BORROWER);
    setCart([]);
    setDueDate('');
    setDeposit('');
    setBackdated(false);
    setOutAt('');
    setFormErrors([]);
    setLineErrors([]);
  };

  const lend = async (e: FormEvent) => {
    e.preventDefault();
    const attempt = await attemptWrite(() =>
      actions.checkout({
        borrower,
        deposit,
        dueAt,
        ...(backdated && outAt ? { outAt } : {}),
        lines: cart.map((l) => ({ code: byId.get(l.itemId)?.code ?? l.itemId, quantity: l.quantity })),
      }),
    );
    if (!attempt.ok) return; // said in words; the cart and the borrower stay as typed
    const r = attempt.value;
    if (!r.ok) {
      setFormErrors(r.errors);
      setLineErrors(r.lineErrors ?? []);
      setMessage({ kind: 'error', text: t('lend.failed') });
      return;
    }
    const text = t('lend.done', { n: cart.length, name: borrower.name, due: f.dateTime(dueAt) });
    notifications.show({ color: 'green', message: text });
    setMessage({ kind: 'ok', text });
    resetLend();
  };

  const takeBack = async (e: FormEvent) => {
    e.preventDefault();
    if (!returnLoan) return;
    const attempt = await attemptWrite(() =>
      actions.returnItems(returnLoan.id, {
        depositReturned: depositBack,
        lines: Object.entries(returnQty).map(([itemId, quantity]) => ({ itemId, quantity: quantity === '' ? 0 : quantity, condition: returnNote[itemId] ?? '' })),
      }),
    );
    if (!attempt.ok) return; // said in words; the quantities and notes stay as typed
    const r = attempt.value;
    if (!r.ok) {
      setReturnErrors([...r.errors, ...(r.lineErrors ?? []).flat()].map(msg.error));
      return;
    }
    const text = t('return.done', { name: msg.borrowerName(returnLoan.borrower) });
    notifications.show({ color: 'green', message: text });
    setMessage({ kind: 'ok', text });
    setReturnLoanId('');
    setReturnQty({});
    setReturnErrors([]);
  };

  const formError = (code: LoanError['code']) => formErrors.filter((x) => x.code === code).map(msg.error).join(' ') || undefined;

  return (
    <Stack gap="md">
      <Group align="flex-end" wrap="wrap">
        <SegmentedControl
          size="md"
          aria-label={t('counter.mode')}
          value={mode}
          onChange={(v) => {
            setMode(v as CounterMode);
            setMessage(null);
          }}
          data={[
            { value: 'lend', label: t('counter.lend') },
            { value: 'return', label: t('counter.return') },
          ]}
        />
        <TextInput
          w={360}
          label={t('scan.label')}
          description={t('scan.hint')}
          value={scanValue}
          onChange={(e) => setScanValue(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              scan(scanValue);
              setScanValue('');
            }
          }}
          autoComplete="off"
        />
      </Group>
      <div aria-live="polite">
        {message && (
          <Alert color={COLORS[message.kind]} role={message.kind === 'ok' ? 'status' : 'alert'} title={t(`message.${message.kind}`)}>
            <Text size="lg">{message.text}</Text>
          </Alert>
        )}
      </div>

      {mode === 'lend' ? (
        <Paper withBorder p="md" component="form" onSubmit={lend} aria-label={t('lend.title')}>
          <Stack>
            <Title order={3}>{t('lend.title')}</Title>
            <BorrowerPicker value={borrower} onChange={setBorrower} idPrefix="lend-borrower" />
            {formError('loans.noBorrower') && <Text c="red.8">{formError('loans.noBorrower')}</Text>}
            {overdue.length > 0 && (
              <Alert color="orange" role="alert" title={t('lend.overdueTitle')}>
                {t('lend.overdueBody', { n: overdue.length, due: f.dateTime(overdue[0]!.dueAt) })}
              </Alert>
            )}
            {cart.length === 0 ? (
              <Text c="dimmed" size="lg">
                {t('lend.empty')}
              </Text>
            ) : (
              <Table aria-label={t('lend.lines')} fz="md">
                <HeadRow cells={[t('item.name'), t('item.code'), t('lend.quantity'), t('actions')]} />
                <Table.Tbody>
                  {cart.map((line, i) => {
                    const item = byId.get(line.itemId);
                    const errs = (lineErrors[i] ?? []).map(msg.error).join(' ');
                    return (
                      <Table.Tr key={line.itemId}>
                        <Table.Td>
                          <Text fw={600}>{item?.name}</Text>
                          {errs && <Text c="red.8">{errs}</Text>}
                        </Table.Td>
                        <Table.Td>{item?.code}</Table.Td>
                        <Table.Td>
                          {item?.tracking === 'counted' ? (
                            <NumberInput
                              w={120}
                              min={1}
                              allowDecimal={false}
                              ref={qtyRef(line.itemId)}
                              onKeyDown={freshDigit(line.itemId, (n) => setCart((c) => c.map((l) => (l.itemId === line.itemId ? { ...l, quantity: n } : l))))}
                              aria-label={t('lend.quantityOf', { name: item.name })}
                              value={line.quantity}
                              onChange={(v) => setCart((c) => c.map((l) => (l.itemId === line.itemId ? { ...l, quantity: v } : l)))}
                            />
                          ) : (
                            1
                          )}
                        </Table.Td>
                        <Table.Td>
                          <Button variant="subtle" color="red" aria-label={t('lend.removeNamed', { name: item?.name ?? '' })} onClick={() => setCart((c) => c.filter((l) => l.itemId !== line.itemId))}>
                            {t('lend.remove')}
                          </Button>
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            )}
            {formError('loans.noLines') && <Text c="red.8">{formError('loans.noLines')}</Text>}
            <Group align="flex-start" grow>
              <LoanDate
                label={t('lend.due')}
                description={dueDate ? undefined : t('lend.dueDefault')}
                value={dueDate || dueAt.slice(0, 10)}
                onChange={setDueDate}
                error={formError('loans.dueBeforeOut') ?? formError('loans.badTime')}
              />
              <TextInput
                label={t('lend.deposit')}
                inputMode="decimal"
                value={deposit}
                onChange={(e) => setDeposit(e.currentTarget.value)}
                error={formError('loans.depositInvalid')}
                placeholder={String(cartItems.reduce((s, i) => s + (i.deposit || 0), 0) || '')}
              />
            </Group>
            <Checkbox label={t('lend.backdated')} checked={backdated} onChange={(e) => setBackdated(e.currentTarget.checked)} />
            {backdated && (
              <LoanDateTime label={t('lend.outAt')} value={outAt} onChange={setOutAt} error={formError('loans.outInFuture')} />
            )}
            <Group>
              <Button type="submit" size="lg">
                {t('lend.submit')}
              </Button>
              <Button variant="default" onClick={resetLend}>
                {t('lend.clear')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      ) : (
        <Paper withBorder p="md" component="form" onSubmit={takeBack} aria-label={t('return.title')}>
          <Stack>
            <Title order={3}>{t('return.title')}</Title>
            {choices && (
              <Group gap="xs" role="group" aria-label={t('return.choose')}>
                {choices.loanIds.map((id) => {
                  const loan = loans.find((l) => l.id === id);
                  return loan ? (
                    <Button
                      key={id}
                      variant="light"
                      onClick={() => {
                        setChoices(null);
                        startReturn(loan, choices.itemId);
                        setMessage({ kind: 'ok', text: t('scan.toReturn', { name: byId.get(choices.itemId)?.name ?? '', borrower: msg.borrowerName(loan.borrower) }) });
                      }}
                    >
                      {t('return.chooseLoan', { name: msg.borrowerName(loan.borrower), due: f.dateTime(loan.dueAt) })}
                    </Button>
                  ) : null;
                })}
              </Group>
            )}
            {!returnLoan ? (
              <Text size="lg" c="dimmed">
                {t('return.empty')}
              </Text>
            ) : (
              <>
                <Text size="lg">
                  {t('return.loanOf', {
                    name: msg.borrowerName(returnLoan.borrower),
                    phone: isErasedBorrower(returnLoan.borrower) ? '—' : returnLoan.borrower.phone || t('noPhone'),
                    out: f.dateTime(returnLoan.outAt),
                    due: f.dateTime(returnLoan.dueAt),
                  })}
                </Text>
                <Table aria-label={t('return.lines')} fz="md">
                  <HeadRow cells={[t('item.name'), t('return.out'), t('return.quantity'), t('return.condition')]} />
                  <Table.Tbody>
                    {returnLoan.lines
                      .filter((l) => outstanding(l) > 0)
                      .map((line) => {
                        const item = byId.get(line.itemId);
                        return (
                          <Table.Tr key={line.itemId}>
                            <Table.Td>
                              <Text fw={600}>{item?.name}</Text>
                              <Text size="sm">{item?.code}</Text>
                            </Table.Td>
                            <Table.Td>{outstanding(line)}</Table.Td>
                            <Table.Td>
                              <NumberInput
                                w={120}
                                min={0}
                                allowDecimal={false}
                                ref={qtyRef(line.itemId)}
                                onKeyDown={freshDigit(line.itemId, (n) => setReturnQty((q) => ({ ...q, [line.itemId]: Math.min(n, outstanding(line)) })))}
                                aria-label={t('return.quantityOf', { name: item?.name ?? '' })}
                                value={returnQty[line.itemId] ?? 0}
                                onChange={(v) => setReturnQty((q) => ({ ...q, [line.itemId]: v }))}
                              />
                            </Table.Td>
                            <Table.Td>
                              <TextInput
                                aria-label={t('return.conditionOf', { name: item?.name ?? '' })}
                                value={returnNote[line.itemId] ?? ''}
                                onChange={(e) => {
                                  const v = e.currentTarget.value;
                                  setReturnNote((n) => ({ ...n, [line.itemId]: v }));
                                }}
                              />
                            </Table.Td>
                          </Table.Tr>
                        );
                      })}
                  </Table.Tbody>
                </Table>
                {returnLoan.deposit > 0 && !returnLoan.depositReturned && (
                  <Checkbox label={t('return.deposit', { amount: f.money(returnLoan.deposit) })} checked={depositBack} onChange={(e) => setDepositBack(e.currentTarget.checked)} />
                )}
                {returnLoan.depositReturned && <Badge color="gray">{t('return.depositDone')}</Badge>}
                {returnErrors.length > 0 && (
                  <Alert color="red" role="alert">
                    {returnErrors.join(' ')}
                  </Alert>
                )}
                <Group>
                  <Button type="submit" size="lg">
                    {t('return.submit')}
                  </Button>
                  <Button
                    variant="light"
                    onClick={() => setReturnQty(Object.fromEntries(returnLoan.lines.map((l) => [l.itemId, outstanding(l)])))}
                  >
                    {t('return.all')}
                  </Button>
                </Group>
              </>
            )}
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
