import { useState } from 'react';
import { Badge, Button, ColorSwatch, Group, Paper, Stack, Switch, Table, Text } from '@mantine/core';
import { Modal } from '../../app/dialogs';
import { TableHead } from '../../app/TableHead';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { RoomDoc } from '@shared/db';
import { defaultRoom } from '@shared/centre/validate';
import { RoomForm } from './RoomForm';
import { SectionsInUseError, useRoomActions, useRooms, type RoomFields } from './hooks';
import { useFormat } from '../../app/format';
import { attemptWrite, notifyWriteFailed } from '../../app/writeFailure';

type Editing = { id?: string; fields: RoomFields } | null;

function fieldsOf(room: RoomDoc): RoomFields {
  const { id, createdAt, updatedAt, updatedBy, ...fields } = room;
  return { ...defaultRoom(0), ...fields };
}

/** Settings → Rooms: list, add, edit, archive. */
export function RoomsPanel() {
  const { t } = useTranslation('settings');
  const [showArchived, setShowArchived] = useState(false);
  const { rooms, loading } = useRooms(true);
  const { save, setArchived } = useRoomActions();
  const fmt = useFormat();
  const [editing, setEditing] = useState<Editing>(null);
  const visible = rooms.filter((r) => showArchived || !r.archived);

  return (
    <Stack maw={1000}>
      <Group justify="space-between">
        <Button onClick={() => setEditing({ fields: defaultRoom(rooms.length) })}>{t('rooms.add')}</Button>
        <Switch label={t('rooms.showArchived')} checked={showArchived} onChange={(e) => setShowArchived(e.currentTarget.checked)} />
      </Group>
      {!loading && visible.length === 0 ? (
        <Paper withBorder p="xl">
          <Text size="lg" role="status">
            {t('rooms.empty')}
          </Text>
        </Paper>
      ) : (
        <Table striped highlightOnHover={false} verticalSpacing="sm" fz="md" aria-label={t('rooms.title')}>
          <TableHead columns={[t('rooms.name'), t('rooms.kind'), t('rooms.capacity'), t('rooms.actions')]} />
          <Table.Tbody>
            {visible.map((room) => (
              <Table.Tr key={room.id}>
                <Table.Td>
                  <Group gap="xs">
                    <ColorSwatch color={room.colour || '#868e96'} size={18} aria-hidden />
                    <Text fw={600}>{room.name}</Text>
                    {room.archived && <Badge color="gray">{t('rooms.archived')}</Badge>}
                  </Group>
                </Table.Td>
                <Table.Td>{t(`rooms.kinds.${room.kind}`)}</Table.Td>
                <Table.Td>{room.capacity}</Table.Td>
                <Table.Td>
                  <Group gap="xs">
                    <Button size="sm" variant="light" aria-label={t('rooms.editNamed', { name: room.name })} onClick={() => setEditing({ id: room.id, fields: fieldsOf(room) })}>
                      {t('edit')}
                    </Button>
                    <Button
                      size="sm"
                      variant="subtle"
                      color={room.archived ? 'desk' : 'red'}
                      aria-label={t(room.archived ? 'rooms.restoreNamed' : 'rooms.archiveNamed', { name: room.name })}
                      onClick={() => void attemptWrite(() => setArchived(room.id, !room.archived), 'action')}
                    >
                      {t(room.archived ? 'rooms.restore' : 'rooms.archive')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing?.id ? t('rooms.editTitle') : t('rooms.addTitle')}
        size="lg"
      >
        {editing && (
          <RoomForm
            initial={editing.fields}
            otherNames={rooms.filter((r) => r.id !== editing.id).map((r) => r.name)}
            onCancel={() => setEditing(null)}
            onSubmit={async (fields) => {
              try {
                await save(fields, editing.id);
              } catch (e) {
                if (!(e instanceof SectionsInUseError)) {
                  notifyWriteFailed(e); // said in words; the form stays open as typed
                  return;
                }
                const first = e.bookings[0]!;
                return t('rooms.sectionsInUse', {
                  count: e.bookings.length,
                  sections: t('rooms.sectionNames', { count: e.sections.length, list: e.sections.join(', ') }),
                  first: `${fmt.dateTime(first.start)} — ${first.title}`,
                });
              }
              setEditing(null);
              notifications.show({ color: 'green', message: t('rooms.saved', { name: fields.name }) });
            }}
          />
        )}
      </Modal>
    </Stack>
  );
}
