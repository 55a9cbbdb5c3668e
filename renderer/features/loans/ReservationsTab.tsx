import { useState, type FormEvent } from 'react';
import { Alert, Badge, Button, Group, NativeSelect, NumberInput, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { BookingDoc } from '@shared/db';
import { useLiveQuery } from '../../app/db';
import { useFormat } from '../../app/format';
import { BorrowerPicker, NO_BORROWER } from './BorrowerPicker';
import { type Borrower, type ItemDoc, type LoanDoc } from './domain';
import { EmptyNote, HeadRow } from './Table';
import { useLoanActions, useNow, type ActionResult } from './hooks';
import { useLoanMessages } from './messages';
import { itemsSummary } from './OnLoanTab';

/** Bookings from now on that list equipment and have no reservation yet. */
function useBookingsWithEquipment(now: string, loans: LoanDoc[]): BookingDoc[] {
  const { data } = useLiveQuery((db) => db.bookings.find({ selector: { end: { $gt: now } } }), [now.slice(0, 10)]);
  const reserved = new Set(loans.filter((l) => l.bookingId && l.status !== 'cancelled').map((l) => l.bookingId));
  return ((data as BookingDoc[] | undefined) ?? []).filter((b) => b.status !== 'cancelled' && (b.equipment?.length ?? 0) > 0 && !reserved.has(b.id));
}

/** Reservations: reserve items for a range (or from a hall booking), pick up, cancel. */
export function ReservationsTab({ items, loans }: { items: ItemDoc[]; loans: LoanDoc[] }) {
  const { t } = useTranslation('loans');
  const f = useFormat();
  const now = useNow();
  const msg = useLoanMessages();
  const actions = useLoanActions();
  const bookings = useBookingsWithEquipment(now, loans);
  const [borrower, setBorrower] = useState<Borrower>(NO_BORROWER);
  const [itemId, setItemId] = useState('');
  const [quantity, setQuantity] = useState<number | string>(1);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const byId = new Map(items.map((i) => [i.id, i]));
  const active = items.filter((i) => !i.archived);
  const reservations = loans.filter((l) => l.status === 'reserved').sort((a, b) => a.outAt.localeCompare(b.outAt));

  const report = (r: ActionResult, done: string) => {
    if (r.ok) {
      notifications.show({ color: 'green', message: done });
      setErrors([]);
    } else setErrors([...r.errors, ...(r.lineErrors ?? []).flat()].map(msg.error));
    return r.ok;
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await actions.reserve({ borrower, from, to, lines: itemId ? [{ itemId, quantity }] : [] });
    if (report(r, t('reservations.done'))) {
      setBorrower(NO_BORROWER);
      setItemId('');
      setQuantity(1);
    }
  };
  const fromBooking = async (b: BookingDoc) => report(await actions.reserveFromBooking(b.id), t('reservations.done'));

  return (
    <Stack>
      <Paper withBorder p="md" component="form" onSubmit={submit} aria-label={t('reservations.new')}>
        <Stack>
          <Title order={3}>{t('reservations.new')}</Title>
          <BorrowerPicker value={borrower} onChange={setBorrower} idPrefix="reserve-borrower" />
          <Group grow align="flex-start">
            <NativeSelect
              label={t('reservations.item')}
              value={itemId}
              onChange={(e) => setItemId(e.currentTarget.value)}
              data={[{ value: '', label: t('reservations.chooseItem') }, ...active.map((i) => ({ value: i.id, label: `${i.name} (${i.code})` }))]}
            />
            <NumberInput label={t('lend.quantity')} min={1} allowDecimal={false} value={quantity} onChange={setQuantity} />
            <TextInput type="datetime-local" label={t('reservations.from')} value={from} onChange={(e) => setFrom(e.currentTarget.value)} />
            <TextInput type="datetime-local" label={t('reservations.to')} value={to} onChange={(e) => setTo(e.currentTarget.value)} />
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
                  <Text fw={600}>{r.borrower.name}</Text>
                  <Text size="sm">{r.borrower.phone}</Text>
                  {r.bookingId && <Badge variant="light">{t('reservations.booking')}</Badge>}
                </Table.Td>
                <Table.Td>{itemsSummary(r, byId, true)}</Table.Td>
                <Table.Td>{f.dateTime(r.outAt)}</Table.Td>
                <Table.Td>{f.dateTime(r.dueAt)}</Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Button size="sm" aria-label={t('reservations.pickupNamed', { name: r.borrower.name })} onClick={async () => report(await actions.pickUp(r.id), t('reservations.pickedUp'))}>
                      {t('reservations.pickup')}
                    </Button>
                    <Button size="sm" variant="subtle" color="red" aria-label={t('reservations.cancelNamed', { name: r.borrower.name })} onClick={async () => report(await actions.cancel(r.id), t('reservations.cancelled'))}>
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
