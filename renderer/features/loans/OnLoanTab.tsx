import { Badge, Button, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format';
import { daysOverdue, isErasedBorrower, outstanding, type ItemDoc, type LoanDoc } from './domain';
import { useLoanMessages } from './messages';
import { useNow } from './hooks';
import { EmptyNote, NOWRAP } from './Table';
import { VirtualTable } from '../../app/VirtualTable';

/** Item names with outstanding units: "Дрель, Стулья × 10". */
export function itemsSummary(loan: LoanDoc, byId: Map<string, ItemDoc>, all = false): string {
  return loan.lines
    .filter((l) => all || outstanding(l) > 0)
    .map((l) => {
      const q = all ? l.quantity : outstanding(l);
      const name = byId.get(l.itemId)?.name ?? l.itemId;
      return q > 1 ? `${name} × ${q}` : name;
    })
    .join(', ');
}

/** Everything out now, soonest due first; each row opens the return form. */
export function OnLoanTab({ items, loans, onReturn }: { items: ItemDoc[]; loans: LoanDoc[]; onReturn: (loanId: string) => void }) {
  const { t } = useTranslation('loans');
  const f = useFormat();
  const now = useNow();
  const msg = useLoanMessages();
  const byId = new Map(items.map((i) => [i.id, i]));
  const open = loans.filter((l) => l.status === 'open').sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  if (open.length === 0) {
    return (
      <EmptyNote text={t('onLoan.empty')} />
    );
  }
  return (
    <Stack>
      <VirtualTable
        rows={open}
        label={t('tabs.onLoan')}
        striped
        rowKey={(loan) => loan.id}
        head={[t('borrower.name'), t('borrower.phone'), t('onLoan.items'), t('onLoan.out'), t('onLoan.due'), t('actions')]}
        renderCells={(loan) => {
          const days = daysOverdue(loan, now);
          return (
            <>
              <Table.Td>
                <Text fw={600} fs={isErasedBorrower(loan.borrower) ? 'italic' : undefined}>{msg.borrowerName(loan.borrower)}</Text>
                {loan.backdated && <Badge color="gray">{t('onLoan.backdated')}</Badge>}
              </Table.Td>
              <Table.Td style={NOWRAP}>{loan.borrower.phone}</Table.Td>
              <Table.Td>{itemsSummary(loan, byId)}</Table.Td>
              <Table.Td>{f.dateTime(loan.outAt)}</Table.Td>
              <Table.Td>
                {f.dateTime(loan.dueAt)} {days >= 0 && <Badge color="red">{t('overdue.days', { count: days })}</Badge>}
              </Table.Td>
              <Table.Td>
                <Button size="sm" variant="light" aria-label={t('onLoan.returnNamed', { name: msg.borrowerName(loan.borrower) })} onClick={() => onReturn(loan.id)}>
                  {t('onLoan.return')}
                </Button>
              </Table.Td>
            </>
          );
        }}
      />
    </Stack>
  );
}
