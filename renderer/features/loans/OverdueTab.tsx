import { Button, Group, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { getDesk } from '../../app/desk';
import { useFormat } from '../../app/format';
import { escapeHtml, isErasedBorrower, overdueList, type ItemDoc, type LoanDoc, type OverdueEntry } from './domain';
import { useLoanMessages } from './messages';
import { useNow, usePeople } from './hooks';
import { EmptyNote, HeadRow, NOWRAP } from './Table';

/** Overdue loans, longest overdue first, with phones; printable for calling round. */
export function OverdueTab({ items, loans }: { items: ItemDoc[]; loans: LoanDoc[] }) {
  const { t, i18n } = useTranslation('loans');
  const f = useFormat();
  const now = useNow();
  const people = usePeople();
  const msg = useLoanMessages();
  const list = overdueList(loans, items, now, people);
  const itemsText = (e: OverdueEntry<LoanDoc>) => e.items.map((i) => (i.quantity > 1 ? `${i.name} × ${i.quantity}` : i.name)).join(', ');
  const daysText = (e: OverdueEntry<LoanDoc>) => (e.days === 0 ? t('overdue.today') : t('overdue.days', { count: e.days }));

  const print = async () => {
    const rows = list
      .map((e) => `<tr><td>${escapeHtml(daysText(e))}</td><td>${escapeHtml(msg.borrowerName(e.loan.borrower))}</td><td style="white-space:nowrap">${escapeHtml(e.phone)}</td><td>${escapeHtml(itemsText(e))}</td><td>${escapeHtml(f.dateTime(e.loan.dueAt))}</td></tr>`)
      .join('');
    const title = t('overdue.printTitle', { date: f.dateTime(now) });
    const html = `<!doctype html><html lang="${i18n.language}"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>
@page { size: A4; margin: 15mm; } body { font-family: "PT Sans", Arial, sans-serif; font-size: 13pt; }
table { width: 100%; border-collapse: collapse; } th, td { border: 1px solid #444; padding: 4px 6px; text-align: left; vertical-align: top; }
</style></head><body><h1>${escapeHtml(title)}</h1><table><thead><tr><th>${escapeHtml(t('overdue.late'))}</th><th>${escapeHtml(t('borrower.name'))}</th><th>${escapeHtml(t('borrower.phone'))}</th><th>${escapeHtml(t('onLoan.items'))}</th><th>${escapeHtml(t('onLoan.due'))}</th></tr></thead><tbody>${rows}</tbody></table></body></html>`;
    const r = await getDesk().printHtml({ html });
    if (!r.ok) notifications.show({ color: 'red', message: t('printFailed') });
  };

  if (list.length === 0) {
    return (
      <EmptyNote text={t('overdue.empty')} />
    );
  }
  return (
    <Stack>
      <Group>
        <Button onClick={() => void print()}>{t('overdue.print')}</Button>
      </Group>
      <Table aria-label={t('tabs.overdue')} fz="md" striped>
        <HeadRow cells={[t('overdue.late'), t('borrower.name'), t('borrower.phone'), t('onLoan.items'), t('onLoan.due')]} />
        <Table.Tbody>
          {list.map((e) => (
            <Table.Tr key={e.loan.id}>
              <Table.Td style={NOWRAP}>
                <Text fw={700} c="red.8">
                  {daysText(e)}
                </Text>
              </Table.Td>
              <Table.Td fs={isErasedBorrower(e.loan.borrower) ? 'italic' : undefined}>{msg.borrowerName(e.loan.borrower)}</Table.Td>
              <Table.Td style={NOWRAP}>{e.phone}</Table.Td>
              <Table.Td>{itemsText(e)}</Table.Td>
              <Table.Td>{f.dateTime(e.loan.dueAt)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
