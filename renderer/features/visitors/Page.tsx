import { useState } from 'react';
import { Grid, Stack, Tabs, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SectionTabs } from '../../app/SectionTabs';
import { useDirectory } from '../people/hooks';
import { useTodayBookings } from './hooks';
import { SignInPanel } from './SignInPanel';
import { InBuilding } from './InBuilding';
import { Headcount } from './Headcount';
import { VisitLog } from './VisitLog';

type Tab = 'door' | 'headcount' | 'log';

/** Visitors: the door (sign-in + who is in), the event headcount clicker, and the log. */
export default function VisitorsPage() {
  const { t } = useTranslation('visitors');
  const { peopleById, search } = useDirectory();
  const bookings = useTodayBookings();
  const [tab, setTab] = useState<Tab>('door');

  return (
    <Stack>
      <Title order={2}>{t('title')}</Title>
      <Tabs value={tab} onChange={(v) => setTab((v as Tab) ?? 'door')} keepMounted={false}>
        <SectionTabs values={['door', 'headcount', 'log']} labelOf={(v) => t(`tabs.${v}`)} />
        <Tabs.Panel value="door" pt="md">
          <Grid>
            <Grid.Col span={{ base: 12, lg: 6 }}>
              <SignInPanel search={search} peopleById={peopleById} bookings={bookings} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 6 }}>
              <InBuilding peopleById={peopleById} />
            </Grid.Col>
          </Grid>
        </Tabs.Panel>
        <Tabs.Panel value="headcount" pt="md">
          <Headcount bookings={bookings} />
        </Tabs.Panel>
        <Tabs.Panel value="log" pt="md">
          <VisitLog peopleById={peopleById} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
