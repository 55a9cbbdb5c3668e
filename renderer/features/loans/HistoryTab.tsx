import { Badge, Select, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format';
import { itemHistory, personHistory, sameBorrower, shortDeskId, splitAuthorLabel, type Borrower, type HistoryRow, type ItemDoc, type LoanDoc } from './domain';
import { itemsSummary } from './OnLoanTab';
import { useLoanMessages } from './messages';
import { VirtualTable } from '../../app/VirtualTable';

/** Options of a history picker rendered at a time: typing narrows the rest. */
const OPTIONS_SHOWN = 50;

export type HistorySubject = { kind: 'item'; id: string } | { kind: 'person'; key: string } | null;

/** Distinct borrowers seen in loans, keyed for the picker. */
function borrowers(loans: LoanDoc[]): { key: string; borrower: Borrower }[] {
  const out: { key: string; borrower: Borrower }[] = [];
  for (const l of loans) if (!out.some((o) => sameBorrower(o.borrower, l.borrower))) out.push({ key: l.id, borrower: l.borrower });
  return out.sort((a, b) => a.borrower.name.localeCompare(b.borrower.name, 'ru'));
}

/** Loan history per item or per person, with who at the desk recorded each step. */
export function HistoryTab({ items, loans, subject, onSubject }: { items: ItemDoc[]; loans: LoanDoc[]; subject: HistorySubject; onSubject: (s: HistorySubject) => void }) {
  const { t } = useTranslation('loans');
  const msg = useLoanMessages();
  const f = useFormat();
  const byId = new Map(items.map((i) => [i.id, i]));
  /** "Ольга (стойка 0e1f)" or, with nobody on shift, "стойка 0e1f" instead of the raw desk id. */
  const byLabel = (by: string) => {
    const { volunteer, desk } = splitAuthorLabel(by);
    const deskLabel = t('history.desk', { id: shortDeskId(desk) });
    return volunteer ? t('history.byVolunteer', { volunteer, desk: deskLabel }) : deskLabel;
  };
  const people = borrowers(loans);
  const person = subject?.kind === 'person' ? people.find((p) => p.key === subject.key) : undefined;
  const rows: HistoryRow<LoanDoc>[] =
    subject?.kind === 'item' ? itemHistory(subject.id, loans) : person ? personHistory(person.borrower, loans) : [];

  return (
    <Stack>
      {/* Searchable, and only a few dozen options rendered while open: a year's 600 items and ~2,800 borrowers as
          native <option>s were 3,400 DOM nodes on this tab. */}
      <Select
        label={t('history.item')}
        placeholder={t('history.choose')}
        searchable
        clearable
        limit={OPTIONS_SHOWN}
        value={subject?.kind === 'item' ? subject.id : null}
        onChange={(v) => onSubject(v ? { kind: 'item', id: v } : null)}
        data={items.map((i) => ({ value: i.id, label: `${i.name} (${i.code})` }))}
      />
      <Select
        label={t('history.person')}
        placeholder={t('history.choose')}
        searchable
        clearable
        limit={OPTIONS_SHOWN}
        value={person?.key ?? null}
        onChange={(v) => onSubject(v ? { kind: 'person', key: v } : null)}
        data={people.map((p) => ({ value: p.key, label: p.borrower.phone ? `${p.borrower.name}, ${p.borrower.phone}` : p.borrower.name }))}
      />
      {subject && rows.length === 0 && <Text role="status">{t('history.empty')}</Text>}
      {rows.length > 0 && (
        <VirtualTable
          rows={rows}
          label={t('tabs.history')}
          head={[t('history.when'), t('borrower.name'), t('onLoan.items'), t('history.status'), t('history.steps')]}
          rowKey={(r) => r.loan.id}
          estimate={96}
          striped
          focusable
          renderCells={({ loan, quantity, returned }) => (
            <>
              <Table.Td>
                {f.dateTime(loan.outAt)} – {f.dateTime(loan.dueAt)}
              </Table.Td>
              <Table.Td>{msg.borrowerName(loan.borrower)}</Table.Td>
              <Table.Td>{subject?.kind === 'item' ? t('history.units', { returned, quantity }) : itemsSummary(loan, byId, true)}</Table.Td>
              <Table.Td>
                <Badge variant="light" miw="max-content">{t(`status.${loan.status}`)}</Badge> {loan.backdated && <Badge color="gray">{t('onLoan.backdated')}</Badge>}
              </Table.Td>
              <Table.Td>
                <ul style={{ margin: 0, paddingLeft: '1.2em' }}>
                  {loan.history.map((h, i) => (
                    <li key={i}>{t('history.step', { at: f.dateTime(h.at), action: t(`action.${h.action}`), by: byLabel(h.by) })}</li>
                  ))}
                </ul>
              </Table.Td>
            </>
          )}
        />
      )}
    </Stack>
  );
}
