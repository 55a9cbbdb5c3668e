import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert, Anchor, Badge, Button, Group, Radio, Stack, Text, TextInput, Title } from '@mantine/core';
import { Drawer, Modal } from '../../app/dialogs';
import { notifications } from '@mantine/notifications';
import type { Occurrence } from '@shared/bookings';
import type { RoomDoc } from '@shared/db';
import { useFormat } from '../../app/format';
import { attemptWrite } from '../../app/writeFailure';
import { useBookingActions } from './hooks/useBookingActions';
import { useCatalogue } from './hooks/useCalendarData';
import { CATEGORY_COLOURS, useBookingWords } from './words';
import type { Scope } from './BookingForm';
import { FormActions } from '../../app/FormActions';

interface Props {
  occurrence: Occurrence;
  /** In an unresolved double-booking clash (two desks booked it offline): marked, with a way to the inbox. */
  clash?: boolean;
  rooms: RoomDoc[];
  onClose: () => void;
  onEdit: () => void;
  onDuplicate: () => void;
}

/** A booking's details in a side panel: edit, cancel (who and why), duplicate. */
export function DetailsPanel({ occurrence: o, clash, rooms, onClose, onEdit, onDuplicate }: Props) {
  const { t } = useTranslation('calendar');
  const fmt = useFormat();
  const words = useBookingWords(rooms);
  const catalogue = useCatalogue();
  const [cancelling, setCancelling] = useState(false);
  const cancelled = o.status === 'cancelled';
  return (
    <Drawer opened onClose={onClose} position="right" size="md" title={t('details.title')} closeButtonProps={{ 'aria-label': t('details.close') }}>
      <Stack>
        <Title order={2} size="h3">
          {o.title}
        </Title>
        <Group gap="xs">
          <Badge color={CATEGORY_COLOURS[o.category]} size="lg">{t(`categories.${o.category}`)}</Badge>
          <Badge variant="outline" size="lg" color={cancelled ? 'gray' : 'dark'}>{t(`statuses.${o.status}`)}</Badge>
          {o.seriesId && <Badge variant="light" size="lg">{t('details.series')}</Badge>}
          {clash && <Badge color="orange.9" size="lg">{t('syncClash.mark')}</Badge>}
        </Group>
        {clash && (
          <Alert color="orange" title={t('syncClash.title')}>
            <Text>{t('syncClash.text')}</Text>
            <Anchor component={Link} to="/conflicts" fw={600}>
              {t('syncClash.link')}
            </Anchor>
          </Alert>
        )}
        <dl style={{ margin: 0, fontSize: 18 }}>
          <dt><Text fw={600}>{t('details.when')}</Text></dt>
          <dd style={{ margin: 0 }}>{words.when(o.start, o.end)}</dd>
          <dt><Text fw={600}>{t('details.where')}</Text></dt>
          <dd style={{ margin: 0 }}>{words.where(o.roomId, o.sections)}</dd>
          <dt><Text fw={600}>{t('details.who')}</Text></dt>
          <dd style={{ margin: 0 }}>{[o.organiser.name, o.organiser.phone].filter(Boolean).join(', ') || '—'}</dd>
          <dt><Text fw={600}>{t('details.price')}</Text></dt>
          <dd style={{ margin: 0 }}>
            {o.price ? `${fmt.money(o.price)} (${t(o.paid ? 'details.paid' : 'details.unpaid')})` : t('form.priceFree')}
            {o.priceOverrideReason ? ` — ${o.priceOverrideReason}` : ''}
          </dd>
          {o.equipment.length > 0 && (
            <>
              <dt><Text fw={600}>{t('details.equipment')}</Text></dt>
              <dd style={{ margin: 0 }}>{o.equipment.map((l) => `${catalogue.find((i) => i.id === l.itemId)?.name ?? t('equipment.unknownItem')} × ${l.quantity}`).join(', ')}</dd>
            </>
          )}
        </dl>
        {o.notes && <Text>{o.notes}</Text>}
        {cancelled && <Text c="red.9">{t('details.cancelledBy', { who: o.cancelledBy || '—', reason: o.cancelReason || '—' })}</Text>}
        <Group>
          {!cancelled && <Button onClick={onEdit}>{t('details.edit')}</Button>}
          {!cancelled && (
            <Button color="red" variant="light" onClick={() => setCancelling(true)}>
              {t('details.cancelBooking')}
            </Button>
          )}
          <Button variant="default" onClick={onDuplicate}>
            {t('details.duplicate')}
          </Button>
        </Group>
      </Stack>
      {cancelling && <CancelDialog occurrence={o} onDone={() => { setCancelling(false); onClose(); }} onBack={() => setCancelling(false)} />}
    </Drawer>
  );
}

function CancelDialog({ occurrence, onDone, onBack }: { occurrence: Occurrence; onDone: () => void; onBack: () => void }) {
  const { t } = useTranslation('calendar');
  const actions = useBookingActions();
  const [reason, setReason] = useState('');
  const [scope, setScope] = useState<Scope>('one');
  const [busy, setBusy] = useState(false);
  return (
    <Modal opened onClose={onBack} title={t('cancelDialog.title')} closeButtonProps={{ 'aria-label': t('cancelDialog.back') }}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setBusy(true);
          void attemptWrite(() => actions.cancel(occurrence, scope, reason.trim())).then((r) => {
            setBusy(false);
            if (!r.ok) return; // said in words; the dialog stays open with the reason typed
            notifications.show({ message: t('cancelDialog.done'), color: 'green' });
            onDone();
          });
        }}
      >
        <Stack>
          {occurrence.seriesId && (
            <Radio.Group label={t('cancelDialog.scope')} value={scope} onChange={(v) => setScope(v as Scope)}>
              <Stack mt={4} gap={6}>
                {(['one', 'following', 'all'] as const).map((s) => (
                  <Radio key={s} value={s} label={t(`scope.${s}`)} />
                ))}
              </Stack>
            </Radio.Group>
          )}
          <TextInput data-autofocus label={t('cancelDialog.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
          <FormActions onCancel={onBack} cancelLabel={t('cancelDialog.back')} submitLabel={t('cancelDialog.confirm')} busy={busy} color="red" />
        </Stack>
      </form>
    </Modal>
  );
}
