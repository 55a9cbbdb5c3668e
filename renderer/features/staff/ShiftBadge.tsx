import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useShift, useStaffActions } from './hooks';

/** The header once staff exist: who is on shift, and "lock" (the shift goes on) / "end shift". */
export function ShiftBadge() {
  const { t } = useTranslation('staff');
  const { onShift } = useShift();
  const actions = useStaffActions();
  if (!onShift) return null;
  return (
    <Group gap="xs" wrap="nowrap">
      <Text fw={700}>{t('header.onShift', { name: onShift.name })}</Text>
      <Button variant="default" size="sm" onClick={actions.lock}>
        {t('header.lock')}
      </Button>
      <Button variant="subtle" size="sm" onClick={actions.endShift}>
        {t('header.endShift')}
      </Button>
    </Group>
  );
}
