import { Anchor, Badge, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { localToday } from '@shared/time';
import { TableHead } from '../../app/TableHead';
import { useFormat } from '../../app/format';
import { useCentre, useRooms } from '../settings/hooks';
import { useToday } from './hooks';

/** Today: what the desk needs at a glance at the start of a shift. */
export default function TodayPage() {
  const { t } = useTranslation('today');
  const fmt = useFormat();
  const centre = useCentre();
  const { rooms } = useRooms(true);
  const { bookings, inBuilding, loading } = useToday();
  const roomName = (id: string) => rooms.find((r) => r.id === id)?.name ?? '—';

  return (
    <Stack>
      <Title order={2}>{t('title', { date: fmt.date(new Date()) })}</Title>
      {!centre && (
        <Paper withBorder p="md" role="note">
          <Text size="lg">
            {t('setupFirst')}{' '}
            <Anchor component={Link} to="/settings/centre">
              {t('setupLink')}
            </Anchor>
          </Text>
        </Paper>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Paper withBorder p="md">
          <Text c="dimmed">{t('bookingsToday')}</Text>
          <Text fz={36} fw={700} data-testid="today-bookings-count">
            {bookings.length}
          </Text>
          <Anchor component={Link} to={`/calendar?view=day&date=${localToday()}`} size="lg">
            {t('openCalendar')}
          </Anchor>
        </Paper>
        <Paper withBorder p="md">
          <Text c="dimmed">{t('inBuilding')}</Text>
          <Text fz={36} fw={700}>
            {inBuilding}
          </Text>
          <Anchor component={Link} to="/visitors" size="lg">
            {t('openVisitors')}
          </Anchor>
        </Paper>
      </SimpleGrid>
      <Paper withBorder p="md">
        <Title order={3} size="h4" mb="sm">
          {t('schedule')}
        </Title>
        {!loading && bookings.length === 0 ? (
          <Text>{t('noBookings')}</Text>
        ) : (
          <Table verticalSpacing="sm" fz="md" aria-label={t('schedule')}>
            <TableHead columns={[t('time'), t('room'), t('event'), t('organiser')]} />
            <Table.Tbody>
              {bookings.map((b) => (
                <Table.Tr key={b.id}>
                  <Table.Td>
                    {fmt.time(b.start)}–{fmt.time(b.end)}
                  </Table.Td>
                  <Table.Td>{roomName(b.roomId)}</Table.Td>
                  <Table.Td>
                    <Group gap="xs">
                      <Text fw={600}>{b.title}</Text>
                      {b.status === 'tentative' && <Badge color="yellow">{t('tentative')}</Badge>}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    {b.organiser?.name} {b.organiser?.phone}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
    </Stack>
  );
}
