import { useEffect, useState } from 'react';
import { Alert, Button, Group, NumberInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { DEFAULT_AUTO_BACKUP_KEEP, MAX_AUTO_BACKUP_KEEP, lastAutoBackupTime } from '@shared/backup';
import { useCentre, useSaveCentre } from '../settings/hooks';
import { autoBackupErrorView, useAutoBackupPanel } from './useAutoBackup';
import { attemptWrite } from '../../app/writeFailure';

/**
 * Settings → Data: the automatic daily backup (desktop app): folder on this computer, how many to keep,
 * when the last one was made, "back up now". In a browser it says so and offers the manual export.
 */
export default function AutoBackupPanel({ onManualExport }: { onManualExport: () => void }) {
  const { t } = useTranslation('reports');
  const { status, chooseFolder, backUpNow } = useAutoBackupPanel();
  const centre = useCentre();
  const saveCentre = useSaveCentre();
  const savedKeep = centre?.autoBackupKeep ?? DEFAULT_AUTO_BACKUP_KEEP;
  const [keep, setKeep] = useState<number | string>(savedKeep);
  useEffect(() => setKeep(savedKeep), [savedKeep]);
  const keepValid = typeof keep === 'number' && Number.isInteger(keep) && keep >= 1 && keep <= MAX_AUTO_BACKUP_KEEP;
  const saveKeep = useDebouncedCallback((n: number) => void attemptWrite(() => saveCentre({ autoBackupKeep: n })), { delay: 600, flushOnUnmount: true });

  const heading = (
    <Title order={4} mt="md">
      {t('autoBackup.title')}
    </Title>
  );
  if (status.mode === 'unknown') return heading;
  if (status.mode === 'browser') {
    return (
      <Stack gap="sm" role="region" aria-label={t('autoBackup.title')}>
        {heading}
        <Text>{t('autoBackup.browserMode')}</Text>
        <Group>
          <Button size="md" variant="light" onClick={onManualExport}>
            {t('autoBackup.manualInstead')}
          </Button>
        </Group>
      </Stack>
    );
  }

  const last = lastAutoBackupTime(status.names);
  const errorView = status.lastError ? autoBackupErrorView(t, status.lastError) : null;
  return (
    <Stack gap="sm" role="region" aria-label={t('autoBackup.title')}>
      {heading}
      <Text>{t('autoBackup.intro')}</Text>
      <Group align="end" wrap="wrap">
        <TextInput
          size="md"
          label={t('autoBackup.folder')}
          value={status.folder ?? ''}
          placeholder={t('autoBackup.noFolder')}
          readOnly
          style={{ flex: '1 1 320px' }}
        />
        <Button size="md" variant="light" onClick={() => void chooseFolder()} disabled={status.busy}>
          {status.folder ? t('autoBackup.changeFolder') : t('autoBackup.chooseFolder')}
        </Button>
      </Group>
      <NumberInput
        size="md"
        maw={320}
        label={t('autoBackup.keep')}
        description={t('autoBackup.keepHint')}
        min={1}
        max={MAX_AUTO_BACKUP_KEEP}
        step={1}
        allowDecimal={false}
        allowNegative={false}
        value={keep}
        onBlur={saveKeep.flush}
        onChange={(v) => {
          setKeep(v);
          if (typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= MAX_AUTO_BACKUP_KEEP && v !== savedKeep) saveKeep(v);
        }}
        error={keepValid ? undefined : t('autoBackup.keepInvalid', { max: MAX_AUTO_BACKUP_KEEP })}
      />
      <Text data-testid="auto-backup-last">
        {status.folder === null
          ? t('autoBackup.off')
          : last
            ? t('autoBackup.last', { date: dayjs(last).format('D MMMM YYYY, HH:mm'), count: status.names.length })
            : t('autoBackup.none')}
      </Text>
      <Group>
        <Button size="md" onClick={() => void backUpNow()} loading={status.busy} disabled={status.folder === null}>
          {t('autoBackup.now')}
        </Button>
      </Group>
      {errorView && (
        <Alert color={errorView.color} role="alert" title={errorView.title}>
          <Text>{errorView.message}</Text>
        </Alert>
      )}
    </Stack>
  );
}
