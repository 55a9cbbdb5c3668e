import type { FormEvent } from 'react';
import { Alert, Badge, Button, Checkbox, Group, NumberInput, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../app/format';
import { isErasedBorrower, outstanding, type ItemDoc, type LoanDoc } from '../domain';
import { useLoanMessages } from '../messages';
import { HeadRow } from '../Table';
import type { Return } from './useReturn';
import type { QuantityFocus } from './useQuantityFocus';

/** The take-back form: whose loan (or a choice between loans), how many of each line, condition notes, deposit. */
export function ReturnForm({ ret, loans, byId, focus, onChoose, onSubmit }: {
  ret: Return;
  loans: LoanDoc[];
  byId: Map<string, ItemDoc>;
  focus: QuantityFocus;
  onChoose: (loan: LoanDoc) => void;
  onSubmit: (e: FormEvent) => void;
}) {
  const { t } = useTranslation('loans');
  const f = useFormat();
  const msg = useLoanMessages();
  const { loan, choices } = ret;
  return (
    <Paper withBorder p="md" component="form" onSubmit={onSubmit} aria-label={t('return.title')}>
      <Stack>
        <Title order={3}>{t('return.title')}</Title>
        {choices && (
          <Group gap="xs" role="group" aria-label={t('return.choose')}>
            {choices.loanIds.map((id) => {
              const candidate = loans.find((l) => l.id === id);
              return candidate ? (
                <Button key={id} variant="light" onClick={() => onChoose(candidate)}>
                  {t('return.chooseLoan', { name: msg.borrowerName(candidate.borrower), due: f.dateTime(candidate.dueAt) })}
                </Button>
              ) : null;
            })}
          </Group>
        )}
        {!loan ? (
          <Text size="lg" c="dimmed">
            {t('return.empty')}
          </Text>
        ) : (
          <>
            <Text size="lg">
              {t('return.loanOf', {
                name: msg.borrowerName(loan.borrower),
                phone: isErasedBorrower(loan.borrower) ? '—' : loan.borrower.phone || t('noPhone'),
                out: f.dateTime(loan.outAt),
                due: f.dateTime(loan.dueAt),
              })}
            </Text>
            <Table aria-label={t('return.lines')} fz="md">
              <HeadRow cells={[t('item.name'), t('return.out'), t('return.quantity'), t('return.condition')]} />
              <Table.Tbody>
                {loan.lines
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
                            ref={focus.ref(line.itemId)}
                            onKeyDown={focus.freshDigit(line.itemId, (n) => ret.setQty((q) => ({ ...q, [line.itemId]: Math.min(n, outstanding(line)) })))}
                            aria-label={t('return.quantityOf', { name: item?.name ?? '' })}
                            value={ret.qty[line.itemId] ?? 0}
                            onChange={(v) => ret.setQty((q) => ({ ...q, [line.itemId]: v }))}
                          />
                        </Table.Td>
                        <Table.Td>
                          <TextInput
                            aria-label={t('return.conditionOf', { name: item?.name ?? '' })}
                            value={ret.note[line.itemId] ?? ''}
                            onChange={(e) => {
                              const v = e.currentTarget.value;
                              ret.setNote((n) => ({ ...n, [line.itemId]: v }));
                            }}
                          />
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
              </Table.Tbody>
            </Table>
            {loan.deposit > 0 && !loan.depositReturned && (
              <Checkbox label={t('return.deposit', { amount: f.money(loan.deposit) })} checked={ret.depositBack} onChange={(e) => ret.setDepositBack(e.currentTarget.checked)} />
            )}
            {loan.depositReturned && <Badge color="gray">{t('return.depositDone')}</Badge>}
            {ret.errors.length > 0 && (
              <Alert color="red" role="alert">
                {ret.errors.join(' ')}
              </Alert>
            )}
            <Group>
              <Button type="submit" size="lg">
                {t('return.submit')}
              </Button>
              <Button variant="light" onClick={() => ret.setQty(Object.fromEntries(loan.lines.map((l) => [l.itemId, outstanding(l)])))}>
                {t('return.all')}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Paper>
  );
}
