import { useState, type FormEvent } from 'react';
import { Alert, Badge, Button, Group, NativeSelect, NumberInput, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { BookingDoc } from '@shared/db';
import { useFormat } from '../../app/format';
import { BorrowerPicker, NO_BORROWER } from './BorrowerPicker';
import { type Borrower, type ItemDoc, type LoanDoc } from './domain';
import { EmptyNote, HeadRow, NOWRAP } from './Table';
import { useBookingsWithEquipment, useLoanActions, useNow, type ActionResult } from './hooks';
import { useLoanMessages } from './messages';
import { itemsSummary } from './OnLoanTab';
import { LoanDateTime } from './DateFields';
import { attemptWrite } from '../../app/writeFailure';

interface FormLine {
  itemId: string;
  quantity: number | string;
}
const EMPTY_LINE: FormLine = { itemId: '', quantity: 1 };

/** Reservations: reserve items for a range (or from a hall booking), pick up, cancel. */
export function ReservationsTab({ items, loans }: { items: ItemDoc[]; loans: LoanDoc[] }) {
  const { t } = useTranslation('loans');
  const f = useFormat();
  const now = useNow();
  const msg = useLoanMessages();
  const actions = useLoanActions();
  const bookings = useBookingsWithEquipment(now, loans);
  const [borrower, setBorrower] = useState<Borrower>(NO_BORROWER);
  const [lines, setLines] = useState<FormLine[]>([EMPTY_LINE]);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  /** Messages per form line (index into `lines`). */
  const [lineErrors, setLineErrors] = useState<string[][]>([]);
  const byId = new Map(items.map((i) => [i.id, i]));
  const active = items.filter((i) => !i.archived);
  const reservations = loans.filter((l) => l.status === 'reserved').sort((a, b) => a.outAt.localeCompare(b.outAt));

  const report = (r: ActionResult, done: string) => {
    if (r.ok) {
      notifications.show({ color: 'green', message: done });
      setErrors([]);
    } else setErrors([...r.errors, ...(r.lineErrors ?? []).flat()].map(msg.error));
    setLineErrors([]);
    return r.ok;
  };
  const setLine = (i: number, patch: Partial<FormLine>) => setLines((ls) => ls.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    // Blank lines are left out; the errors of the others are shown next to the line they belong to.
    const filled = lines.map((l, i) => ({ ...l, i })).filter((l) => l.itemId);
    const attempt = await attemptWrite(() => actions.reserve({ borrower, from, to, lines: filled.map(({ itemId, quantity }) => ({ itemId, quantity })) }));
    if (!attempt.ok) return; // said in words; the form stays as typed
    const r = attempt.value;
    if (r.ok) {
      report(r, t('reservations.done'));
      setBorrower(NO_BORROWER);
      setLines([EMPTY_LINE]);
      return;
    }
    setErrors(r.errors.map(msg.error));
    setLineErrors(lines.map((_, i) => (r.lineErrors?.[filled.findIndex((l) => l.i === i)] ?? []).map(msg.error)));
  };
  /** A one-click action: a failed write is said in words (attemptWrite) and can simply be repeated. */
  const act = async (write: () => Promise<ActionResult>, done: string) => {
    const attempt = await attemptWrite(write, 'action');
    return attempt.ok && report(attempt.value, done);
  };
  const fromBooking = (b: BookingDoc) => act(() => actions.reserveFromBooking(b.id), t('reservations.done'));

  return (
    <Stack>
      <Paper withBorder p="md" component="form" onSubmit={submit} aria-label={t('reservations.new')}>
        <Stack>
          <Title order={3}>{t('reservations.new')}</Title>
          <BorrowerPicker value={borrower} onChange={setBorrower} idPrefix="reserve-borrower" />
          {lines.map((line, i) => {
            const n = i + 1;
            return (
              <Group key={i} align="flex-start" role="group" aria-label={t('reservations.line', { n })}>
                <NativeSelect
                  style={{ flex: 1 }}
                  label={t('reservations.itemN', { n })}
                  value={line.itemId}
                  onChange={(e) => setLine(i, { itemId: e.currentTarget.value })}
                  data={[{ value: '', label: t('reservations.chooseItem') }, ...active.map((it) => ({ value: it.id, label: `${it.name} (${it.code})` }))]}
                  error={lineErrors[i]?.join(' ') || undefined}
                />
                <NumberInput w={160} label={t('reservations.quantityN', { n })} min={1} allowDecimal={false} value={line.quantity} onChange={(v) => setLine(i, { quantity: v })} />
                {lines.length > 1 && (
                  <Button mt={28} variant="subtle" color="red" aria-label={t('reservations.removeLine', { n })} onClick={() => setLines((ls) => ls.filter((_, j) => j !== i))}>
                    {t('lend.remove')}
                  </Button>
                )}
              </Group>
            );
          })}
          <Group>
            <Button variant="light" onClick={() => setLines((ls) => [...ls, EMPTY_LINE])}>
              {t('reservations.addLine')}
            </Button>
          </Group>
          <Group grow align="flex-start">
            <LoanDateTime label={t('reservations.from')} value={from} onChange={setFrom} />
            <LoanDateTime label={t('reservations.to')} value={to} onChange={setTo} />
          </Group>
          {errors.length > 0 && (
            <Alert color="red" role="alert">
              {errors.join(' ')}
            </Alert>
          )}
          <Group>
            <Button type="submit">{t('reservations.submit')}</Button>
          </Group>
        </Stack>
      </Paper>

      {bookings.length > 0 && (
        <Paper withBorder p="md">
          <Title order={3}>{t('reservations.fromBookings')}</Title>
          <Stack gap="xs" mt="sm">
            {bookings.map((b) => (
              <Group key={b.id} justify="space-between">
                <Text>
                  {b.title} — {f.dateTime(b.start)} — {b.equipment.map((e) => `${byId.get(e.itemId)?.name ?? e.itemId} × ${e.quantity}`).join(', ')}
                </Text>
                <Button size="sm" variant="light" aria-label={t('reservations.fromBookingNamed', { name: b.title })} onClick={() => void fromBooking(b)}>
                  {t('reservations.fromBooking')}
                </Button>
              </Group>
            ))}
          </Stack>
        </Paper>
      )}

      {reservations.length === 0 ? (
        <EmptyNote text={t('reservations.empty')} />
      ) : (
        <Table aria-label={t('tabs.reservations')} fz="md" striped>
          <HeadRow cells={[t('borrower.name'), t('onLoan.items'), t('reservations.from'), t('reservations.to'), t('actions')]} />
          <Table.Tbody>
            {reservations.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>
                  <Text fw={600}>{msg.borrowerName(r.borrower)}</Text>
                  <Text size="sm" style={NOWRAP}>{r.borrower.phone}</Text>
                  {r.bookingId && <Badge variant="light">{t('reservations.booking')}</Badge>}
                </Table.Td>
                <Table.Td>{itemsSummary(r, byId, true)}</Table.Td>
                <Table.Td>{f.dateTime(r.outAt)}</Table.Td>
                <Table.Td>{f.dateTime(r.dueAt)}</Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Button size="sm" aria-label={t('reservations.pickupNamed', { name: r.borrower.name })} onClick={() => void act(() => actions.pickUp(r.id), t('reservations.pickedUp'))}>
                      {t('reservations.pickup')}
                    </Button>
                    <Button size="sm" variant="subtle" color="red" aria-label={t('reservations.cancelNamed', { name: r.borrower.name })} onClick={() => void act(() => actions.cancel(r.id), t('reservations.cancelled'))}>
                      {t('reservations.cancel')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
