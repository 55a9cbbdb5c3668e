import { useMemo, useState } from 'react';
import { Alert, Button, Group, NumberInput, Paper, Progress, Radio, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { MAX_DEMO_YEARS, SIZES, plannedSize, type FixtureSize } from '@shared/fixtures/generate';
import { useFormat } from '../../app/format';
import { useDemoData } from './useDemoData';

const SIZE_KEYS: FixtureSize[] = ['tiny', 'small', 'full'];

/** Settings → Data → "Load demo data": try the desk on a made-up centre. Only into an empty profile. */
export default function DemoDataPanel() {
  const { t } = useTranslation('demo');
  const fmt = useFormat();
  const { empty, state, load } = useDemoData();
  const [size, setSize] = useState<FixtureSize>('small');
  const [years, setYears] = useState(1);
  const busy = state.step === 'generating' || state.step === 'loading';
  // The size choice does not change while loading: progress updates (one per chunk) re-render only the bar and the count.
  const sizeChoice = useMemo(
    () => (
      <Radio.Group label={t('size.label')} value={size} onChange={(v) => setSize(v as FixtureSize)} size="md">
        <Stack gap="xs" mt="xs">
          {SIZE_KEYS.map((key) => (
            <Radio
              key={key}
              value={key}
              disabled={busy}
              label={t(`size.${key}`)}
              description={t('size.counts', {
                people: fmt.number(SIZES[key].people),
                bookings: fmt.number(SIZES[key].bookings),
                loans: fmt.number(SIZES[key].loans),
                visits: fmt.number(SIZES[key].visits),
              })}
            />
          ))}
        </Stack>
      </Radio.Group>
    ),
    [t, fmt, size, busy],
  );
  const yearsChoice = useMemo(
    () => (
      <NumberInput
        label={t('years.label')}
        description={t('years.hint', { documents: fmt.number(plannedSize({ size, years })) })}
        value={years}
        onChange={(v) => setYears(Math.min(MAX_DEMO_YEARS, Math.max(1, Math.floor(Number(v) || 1))))}
        min={1}
        max={MAX_DEMO_YEARS}
        allowDecimal={false}
        clampBehavior="strict"
        disabled={busy}
        size="md"
        maw={320}
      />
    ),
    [t, fmt, size, years, busy],
  );
  const percent = state.step === 'loading' && state.progress.total ? Math.round((100 * state.progress.done) / state.progress.total) : 0;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="demo-title">
      <Stack maw={640}>
        <Title order={3} id="demo-title">
          {t('title')}
        </Title>
        <Text size="lg">{t('intro')}</Text>
        {sizeChoice}
        {yearsChoice}
        {empty === false && state.step !== 'done' && (
          <Alert color="yellow" role="status" title={t('notEmpty.title')}>
            {t('notEmpty.body')}
          </Alert>
        )}
        <Group>
          <Button size="md" onClick={() => void load(size, years)} loading={busy} disabled={busy || empty !== true}>
            {t('load')}
          </Button>
        </Group>
        {state.step === 'generating' && (
          <Text role="status" size="lg">
            {t('generating')}
          </Text>
        )}
        {state.step === 'loading' && (
          <Stack gap={4}>
            <Progress value={percent} size="xl" aria-label={t('progressLabel')} />
            <Text role="status" size="lg">
              {t('progress', { done: fmt.number(state.progress.done), total: fmt.number(state.progress.total) })}
            </Text>
          </Stack>
        )}
        {state.step === 'done' && (
          <Alert color="green" role="status" title={t('done.title')}>
            {t('done.body', { documents: fmt.number(state.documents), seconds: fmt.number(Math.round(state.seconds * 10) / 10) })}
          </Alert>
        )}
        {state.step === 'error' && (
          <Alert color="red" role="alert" title={t('error.title')}>
            {state.code === 'demo.notEmpty' ? t('notEmpty.body') : t('error.insertFailed', { detail: state.detail })}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
