import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { Anchor, Group, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { syncService, useSync } from './syncStore';
import { useInbox } from './useInbox';
import { useRelativeTime } from './words';

/** Re-renders every 30 s so "2 minutes ago" stays true. */
function useNow(intervalMs = 30000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(id);
  }, [intervalMs]);
  return now;
}

function ConflictsLink() {
  const { t } = useTranslation('sync');
  const { count } = useInbox();
  if (count === 0) return null;
  return (
    <Anchor component={Link} to="/conflicts" size="sm" fw={700} c="red.9">
      {t('status.conflicts', { count })}
    </Anchor>
  );
}

/** Always visible in the header: online/offline, progress of a first sync, last sync, unsent changes, errors, conflicts. */
export default function SyncStatus() {
  const { t, i18n } = useTranslation('sync');
  const { account, enabled, status, startError, network } = useSync();
  const now = useNow();
  const relative = useRelativeTime();

  // saved and enabled but not running yet (starting) shows 'Connecting…' rather than 'Sync off'
  if (!account || !enabled) {
    return (
      <Group role="status" aria-label={t('status.label')} gap="sm" wrap="nowrap">
        <Anchor component={Link} to="/settings/sync" size="sm" c="dimmed">
          {t('status.off')}
        </Anchor>
        <ConflictsLink />
      </Group>
    );
  }

  if (network) {
    return (
      <Group role="status" aria-label={t('status.label')} gap="sm" wrap="nowrap">
        <Anchor component={Link} to="/network" size="sm" fw={700} c="inherit">
          {t('status.network', { network })}
        </Anchor>
      </Group>
    );
  }

  const online = status?.online ?? false;
  const first = status?.firstSync ?? null;
  const number = (n: number) => new Intl.NumberFormat(i18n.language).format(n);
  const megabytes = (b: number) => new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(b / 1e6);
  const error = startError ?? (status?.lastError && (status.phase === 'error' || status.phase === 'offline') ? status.lastError.code : null);
  // "Synced" only when the engine says every collection is in step and nothing waits, is refused or held
  const phaseText = !status
    ? startError
      ? t('status.error')
      : t('status.starting')
    : !online
      ? t('status.offline')
      : status.phase === 'syncing' || status.phase === 'starting'
        ? t('status.syncing')
        : status.phase === 'paused'
          ? t('status.paused')
          : status.phase === 'error'
            ? t('status.error')
            : status.synced
              ? t('status.synced')
              : t('status.online');
  const heldBack = (status?.held ?? 0) + (status?.invalid ?? 0);

  return (
    <Group role="status" aria-label={t('status.label')} gap="sm" wrap="nowrap" maw={560}>
      <Stack gap={0} miw={0}>
        <Group gap={6} wrap="nowrap">
          {/* the dot's shape says online (●) or offline (○); red while an error is shown under it */}
          <Text size="sm" fw={700} c={!online ? 'orange.9' : error ? 'red.9' : 'teal.9'} aria-hidden>
            {online ? '●' : '○'}
          </Text>
          <Anchor component={Link} to="/settings/sync" size="sm" fw={700} c="inherit">
            {phaseText}
          </Anchor>
          {status && status.pending > 0 && (
            <Text size="sm" c="orange.9">
              {t('status.pending', { count: status.pending })}
            </Text>
          )}
          {status && status.refused > 0 && (
            <Anchor component={Link} to="/settings/sync" size="sm" c="red.9">
              {t('status.refused', { count: status.refused })}
            </Anchor>
          )}
          {status && heldBack > 0 && (
            <Anchor component={Link} to="/settings/sync" size="sm" c="orange.9">
              {t('status.held', { count: heldBack })}
            </Anchor>
          )}
        </Group>
        {error ? (
          <Text size="xs" c="red.9" truncate="end" title={status?.lastError?.detail}>
            {error === 'removed' ? t('status.removed') : t(`errors.${error}`)}
          </Text>
        ) : status?.notice ? (
          <Group gap={6} wrap="nowrap">
            <Text size="xs" c="blue.9">
              {t('status.restored')}
            </Text>
            <Anchor component="button" type="button" size="xs" onClick={() => syncService.dismissNotice()}>
              {t('status.restoredDismiss')}
            </Anchor>
          </Group>
        ) : (
          <Text size="xs" c="dimmed">
            {status && !status.synced && status.phase === 'idle'
              ? t('status.notAll')
              : status?.lastSyncAt
                ? t('status.lastSync', { when: relative(status.lastSyncAt, now) })
                : t('status.never')}
          </Text>
        )}
      </Stack>
      {first && (
        <Stack gap={2} w={170}>
          <Progress value={(first.done / Math.max(1, first.total)) * 100} aria-label={t('status.firstSync')} size="md" />
          <Text size="xs">{t('status.firstSyncCount', { done: number(first.done), total: number(first.total) })}</Text>
          {first.totalBytes > 0 && <Text size="xs">{t('status.firstSyncBytes', { done: megabytes(first.bytes), total: megabytes(first.totalBytes) })}</Text>}
        </Stack>
      )}
      <ConflictsLink />
    </Group>
  );
}
