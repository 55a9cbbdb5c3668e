import { Alert, Button, Group, Paper, Progress, Stack, Table, Text, Title } from '@mantine/core';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { COLLECTION_NAMES } from '@shared/db';
import { useBackup } from './useBackup';
import AutoBackupPanel from './AutoBackupPanel';

/** Settings → Data: save the whole desk to one file, and bring a file back into an empty profile. */
export default function BackupPanel() {
  const { t } = useTranslation('reports');
  const b = useBackup();
  return (
    <Paper withBorder p="lg">
      <Stack gap="md">
        <Title order={3}>{t('backup.title')}</Title>
        <Text>{t('backup.intro')}</Text>
        <Group>
          <Button size="md" onClick={() => void b.exportBackup()} loading={b.busy === 'export'} disabled={b.busy !== null && b.busy !== 'export'}>
            {t('backup.export')}
          </Button>
        </Group>
        <AutoBackupPanel onManualExport={() => void b.exportBackup()} />

        <Title order={4} mt="md">
          {t('backup.restoreTitle')}
        </Title>
        <Text>{t('backup.restoreIntro')}</Text>
        {b.counts && !b.isEmpty && <Text c="dimmed">{t('backup.notEmptyHint')}</Text>}
        <Group>
          <Button size="md" variant="light" onClick={() => void b.chooseFile()} loading={b.busy === 'check'} disabled={!b.isEmpty || b.busy !== null}>
            {t('backup.choose')}
          </Button>
        </Group>

        {b.preview && (
          <Stack gap="sm" role="region" aria-label={t('backup.preview')}>
            <Text fw={700}>{t('backup.preview')}</Text>
            <Text size="sm">{t('backup.previewMeta', { date: dayjs(b.preview.backup.createdAt).format('D MMMM YYYY, HH:mm'), version: b.preview.backup.appVersion })}</Text>
            <Table withTableBorder fz="md" maw={480} data-testid="backup-preview">
              <Table.Tbody>
                {COLLECTION_NAMES.filter((c) => b.preview!.counts[c] > 0).map((c) => (
                  <Table.Tr key={c}>
                    <Table.Th scope="row" fw={400}>{t(`backup.collection.${c}`)}</Table.Th>
                    <Table.Td ta="right">{b.preview!.counts[c]}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Text fw={600}>{t('backup.total', { count: b.preview.total })}</Text>
            <Group>
              <Button size="md" color="green" onClick={() => void b.confirmRestore()} loading={b.busy === 'restore'}>
                {t('backup.confirm', { count: b.preview.total })}
              </Button>
              <Button size="md" variant="default" onClick={b.cancel} disabled={b.busy === 'restore'}>
                {t('backup.cancel')}
              </Button>
            </Group>
          </Stack>
        )}
        {b.progress && (
          <Stack gap={4}>
            <Text>{t('backup.restoring', b.progress)}</Text>
            <Progress value={(100 * b.progress.done) / Math.max(1, b.progress.total)} aria-label={t('backup.restoring', b.progress)} />
          </Stack>
        )}
        {b.message && (
          <Alert color={b.message.kind === 'ok' ? 'green' : 'red'} role={b.message.kind === 'ok' ? 'status' : 'alert'} title={b.message.kind === 'error' && b.message.key.startsWith('backup.error.') ? t('backup.nothingChanged') : undefined}>
            <Text>{t(b.message.key, b.message.values ?? {})}</Text>
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
