import type { FormEvent } from 'react';
import { Alert, Button, Checkbox, Group, NumberInput, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../app/format';
import { BorrowerPicker } from '../BorrowerPicker';
import { LoanDate, LoanDateTime } from '../DateFields';
import type { ItemDoc } from '../domain';
import { useLoanMessages } from '../messages';
import { HeadRow } from '../Table';
import type { Lend } from './useLend';
import type { QuantityFocus } from './useQuantityFocus';

/** The lend form: borrower, the scanned lines, due date, deposit, back-dating. */
export function LendForm({ lend, byId, focus, onSubmit }: { lend: Lend; byId: Map<string, ItemDoc>; focus: QuantityFocus; onSubmit: (e: FormEvent) => void }) {
  const { t } = useTranslation('loans');
  const f = useFormat();
  const msg = useLoanMessages();
  const { cart, setCart, formError, overdue } = lend;
  const setQuantity = (itemId: string, quantity: number | string) => setCart((c) => c.map((l) => (l.itemId === itemId ? { ...l, quantity } : l)));
  return (
    <Paper withBorder p="md" component="form" onSubmit={onSubmit} aria-label={t('lend.title')}>
      <Stack>
        <Title order={3}>{t('lend.title')}</Title>
        <BorrowerPicker value={lend.borrower} onChange={lend.setBorrower} idPrefix="lend-borrower" />
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
                const errs = (lend.lineErrors[i] ?? []).map(msg.error).join(' ');
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
                          ref={focus.ref(line.itemId)}
                          onKeyDown={focus.freshDigit(line.itemId, (n) => setQuantity(line.itemId, n))}
                          aria-label={t('lend.quantityOf', { name: item.name })}
                          value={line.quantity}
                          onChange={(v) => setQuantity(line.itemId, v)}
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
            description={lend.dueDate ? undefined : t('lend.dueDefault')}
            value={lend.dueDate || lend.dueAt.slice(0, 10)}
            onChange={lend.setDueDate}
            error={formError('loans.dueBeforeOut') ?? formError('loans.badTime')}
          />
          <TextInput
            label={t('lend.deposit')}
            inputMode="decimal"
            value={lend.deposit}
            onChange={(e) => lend.setDeposit(e.currentTarget.value)}
            error={formError('loans.depositInvalid')}
            placeholder={String(lend.cartItems.reduce((s, i) => s + (i.deposit || 0), 0) || '')}
          />
        </Group>
        <Checkbox label={t('lend.backdated')} checked={lend.backdated} onChange={(e) => lend.setBackdated(e.currentTarget.checked)} />
        {lend.backdated && <LoanDateTime label={t('lend.outAt')} value={lend.outAt} onChange={lend.setOutAt} error={formError('loans.outInFuture')} />}
        <Group>
          <Button type="submit" size="lg">
            {t('lend.submit')}
          </Button>
          <Button variant="default" onClick={lend.reset}>
            {t('lend.clear')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
