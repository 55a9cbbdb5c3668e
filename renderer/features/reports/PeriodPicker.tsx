import { ActionIcon, Group, Text } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { customPeriod, periodOf, type Period, type PeriodKind } from '@shared/reports';
import { SegmentedChoice } from '../../app/Choice';
import { nextPeriod, periodLabel, previousPeriod } from './period';

const KINDS: PeriodKind[] = ['month', 'quarter', 'year', 'custom'];

export function PeriodPicker({ value, onChange }: { value: Period; onChange: (p: Period) => void }) {
  const { t } = useTranslation('reports');
  const setKind = (kind: PeriodKind) => onChange(kind === 'custom' ? customPeriod(value.from, value.to) : periodOf(kind, value.from));
  return (
    <Group gap="md" align="end" wrap="wrap">
      <SegmentedChoice label={t('period.label')} size="md" values={KINDS} labelOf={(k) => t(`period.kind.${k}`)} value={value.kind} onChange={setKind} />
      {value.kind === 'custom' ? (
        <DatePickerInput
          type="range"
          size="md"
          label={t('period.custom')}
          value={[value.from, value.to]}
          valueFormat="D MMM YYYY"
          onChange={([from, to]) => {
            if (from && to) onChange(customPeriod(dayjs(from).format('YYYY-MM-DD'), dayjs(to).format('YYYY-MM-DD')));
          }}
          miw={280}
        />
      ) : (
        <Group gap="xs" align="center">
          <ActionIcon size="xl" variant="default" aria-label={t('period.previous')} onClick={() => onChange(previousPeriod(value))}>
            <span aria-hidden>◀</span>
          </ActionIcon>
          <Text fz="xl" fw={700} miw={190} ta="center" aria-live="polite" data-testid="period-label">
            {periodLabel(value, t)}
          </Text>
          <ActionIcon size="xl" variant="default" aria-label={t('period.next')} onClick={() => onChange(nextPeriod(value))}>
            <span aria-hidden>▶</span>
          </ActionIcon>
        </Group>
      )}
    </Group>
  );
}
