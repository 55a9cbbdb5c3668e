import { useState } from 'react';
import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { applyUpdate, checkForUpdate, useUpdateState } from './update';

/**
 * "A new version is ready — reload": shown when a new build has been installed in the background (browser mode).
 * Nothing is swapped in until the volunteer presses the button; "later" hides it until the next page load.
 * It sits above open forms (they stay open and keep what was typed) and never takes the focus.
 */
export function UpdateBanner() {
  const { t } = useTranslation();
  const { ready } = useUpdateState();
  const [later, setLater] = useState(false);
  if (!ready || later) return null;
  return (
    <Paper
      role="region"
      aria-label={t('update.label')}
      shadow="lg"
      withBorder
      p="md"
      style={{ position: 'fixed', left: 16, bottom: 16, zIndex: 1000, maxWidth: 460, borderColor: 'var(--mantine-color-teal-6)', borderWidth: 2 }}
    >
      <Stack gap="xs">
        <Text fw={700} size="lg" role="status">
          {t('update.ready')}
        </Text>
        <Text>{t('update.hint')}</Text>
        <Group>
          <Button color="teal" onClick={applyUpdate}>
            {t('update.reload')}
          </Button>
          <Button variant="default" onClick={() => setLater(true)}>
            {t('update.later')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/**
 * For messages that mean "this desk's app is too old" (documents from a newer version): reload into the waiting version,
 * or ask the server for one. Nothing in the desktop app, which is updated by its installer.
 */
export function UpdateAction() {
  const { t } = useTranslation();
  const { supported, ready } = useUpdateState();
  const [found, setFound] = useState<boolean | null>(null);
  if (!supported) return null;
  if (ready)
    return (
      <Button mt="sm" color="teal" onClick={applyUpdate}>
        {t('update.reload')}
      </Button>
    );
  return (
    <Stack gap={4} mt="sm" align="flex-start">
      <Button
        variant="light"
        onClick={() => {
          void checkForUpdate()
            .catch(() => false) // offline: the server cannot be asked now
            .then(setFound);
        }}
      >
        {t('update.check')}
      </Button>
      {found === false && <Text size="sm">{t('update.checking')}</Text>}
    </Stack>
  );
}
