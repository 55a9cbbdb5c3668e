import { useCallback, useRef, useState } from 'react';
import { Badge, Stack, Tabs, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CatalogueTab } from './CatalogueTab';
import { CounterTab, type CounterApi } from './CounterTab';
import { findItemByCode, overdueList } from './domain';
import { HistoryTab, type HistorySubject } from './HistoryTab';
import { useAllLoans, useItems, useLoans, useNow } from './hooks';
import { OnLoanTab } from './OnLoanTab';
import { OverdueTab } from './OverdueTab';
import { ReservationsTab } from './ReservationsTab';
import { useScanner } from './useScanner';

type Tab = 'counter' | 'onLoan' | 'overdue' | 'reservations' | 'catalogue' | 'history';

/** Loans: the counter (scanner-first), what is out, what is late, reservations, the catalogue, history. */
export default function Page() {
  const { t } = useTranslation('loans');
  const items = useItems();
  const loans = useLoans();
  const now = useNow();
  const [tab, setTab] = useState<Tab>('counter');
  const [subject, setSubject] = useState<HistorySubject>(null);
  const allLoans = useAllLoans(tab === 'history');
  const counter = useRef<CounterApi | null>(null);
  const register = useCallback((api: CounterApi) => (counter.current = api), []);

  // A scan anywhere on the loans screen goes to the counter, from any field too (the field keeps its own text).
  useScanner(
    (code) => {
      setTab('counter');
      counter.current?.scan(code);
    },
    { accepts: (code) => findItemByCode(items, code) !== undefined },
  );

  const open = loans.filter((l) => l.status === 'open').length;
  const late = overdueList(loans, items, now).length;
  const reserved = loans.filter((l) => l.status === 'reserved').length;
  const count = (n: number, color = 'gray') =>
    n > 0 ? (
      <Badge color={color} variant="filled" size="sm">
        {n}
      </Badge>
    ) : null;

  return (
    <Stack>
      <Title order={2}>{t('title')}</Title>
      {/* The counter (a scan from any tab goes to it) and the reservation form (a scan from its fields must not lose
          what was typed) stay mounted; the long lists render only when shown. */}
      <Tabs value={tab} onChange={(v) => v && setTab(v as Tab)} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="counter">{t('tabs.counter')}</Tabs.Tab>
          <Tabs.Tab value="onLoan" rightSection={count(open)}>
            {t('tabs.onLoan')}
          </Tabs.Tab>
          <Tabs.Tab value="overdue" rightSection={count(late, 'red')}>
            {t('tabs.overdue')}
          </Tabs.Tab>
          <Tabs.Tab value="reservations" rightSection={count(reserved)}>
            {t('tabs.reservations')}
          </Tabs.Tab>
          <Tabs.Tab value="catalogue">{t('tabs.catalogue')}</Tabs.Tab>
          <Tabs.Tab value="history">{t('tabs.history')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="counter" pt="md" keepMounted>
          <CounterTab items={items} loans={loans} register={register} />
        </Tabs.Panel>
        <Tabs.Panel value="onLoan" pt="md">
          <OnLoanTab
            items={items}
            loans={loans}
            onReturn={(id) => {
              setTab('counter');
              counter.current?.openReturn(id);
            }}
          />
        </Tabs.Panel>
        <Tabs.Panel value="overdue" pt="md">
          <OverdueTab items={items} loans={loans} />
        </Tabs.Panel>
        <Tabs.Panel value="reservations" pt="md" keepMounted>
          <ReservationsTab items={items} loans={loans} />
        </Tabs.Panel>
        <Tabs.Panel value="catalogue" pt="md">
          <CatalogueTab
            items={items}
            loans={loans}
            onHistory={(id) => {
              setSubject({ kind: 'item', id });
              setTab('history');
            }}
          />
        </Tabs.Panel>
        <Tabs.Panel value="history" pt="md">
          <HistoryTab items={items} loans={allLoans} subject={subject} onSubject={setSubject} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
