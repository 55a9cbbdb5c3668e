import { useState, type ReactNode } from 'react';
import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DeskUpdateState } from '@shared/ipc/contract';
import { applyUpdate, checkDesktopUpdate, checkForUpdate, installDesktopUpdate, useUpdateState } from './update';

function BannerFrame({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Paper
      role="region"
      aria-label={t('update.label')}
      shadow="lg"
      withBorder
      p="md"
      style={{ position: 'fixed', left: 16, bottom: 16, zIndex: 1000, maxWidth: 460, borderColor: 'var(--mantine-color-teal-6)', borderWidth: 2 }}
    >
      <Stack gap="xs">{children}</Stack>
    </Paper>
  );
}

/** A new version asks for the volunteer's OK: what it is, what to mind, the ways to agree, and "later". */
function AskBanner({ title, hint, onLater, children }: { title: string; hint: string; onLater: () => void; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <BannerFrame>
      <Text fw={700} size="lg" role="status">
        {title}
      </Text>
      <Text>{hint}</Text>
      <Group>
        {children}
        <Button variant="default" onClick={onLater}>
          {t('update.later')}
        </Button>
      </Group>
    </BannerFrame>
  );
}

/**
 * Desktop app: a version is downloaded; it is installed only with the volunteer's OK — when the desk next starts
 * (installed as it closes) or by restarting now.
 */
function DesktopBanner({ version, installAtNextStart }: { version: string; installAtNextStart: boolean }) {
  const { t } = useTranslation();
  const [later, setLater] = useState(false);
  if (later) return null;
  if (installAtNextStart)
    return (
      <BannerFrame>
        <Text role="status">{t('update.willInstall', { version })}</Text>
        <Group>
          <Button variant="default" onClick={() => setLater(true)}>
            {t('update.close')}
          </Button>
        </Group>
      </BannerFrame>
    );
  return (
    <AskBanner title={t('update.desktopReady', { version })} hint={t('update.desktopHint')} onLater={() => setLater(true)}>
      <Button color="teal" onClick={() => void installDesktopUpdate('next-start')}>
        {t('update.atNextStart')}
      </Button>
      <Button variant="light" onClick={() => void installDesktopUpdate('now')}>
        {t('update.restartNow')}
      </Button>
    </AskBanner>
  );
}

/**
 * "A new version is ready — reload": shown when a new build has been installed in the background (browser mode),
 * or when the desktop app has downloaded one. Nothing is swapped in until the volunteer agrees; "later" hides it
 * until the next page load. It sits above open forms (they stay open and keep what was typed) and never takes the focus.
 */
export function UpdateBanner() {
  const { t } = useTranslation();
  const { ready, desktop } = useUpdateState();
  const [later, setLater] = useState(false);
  if (desktop?.phase === 'ready') return <DesktopBanner version={desktop.version} installAtNextStart={desktop.installAtNextStart} />;
  if (!ready || later) return null;
  return (
    <AskBanner title={t('update.ready')} hint={t('update.hint')} onLater={() => setLater(true)}>
      <Button color="teal" onClick={applyUpdate}>
        {t('update.reload')}
      </Button>
    </AskBanner>
  );
}

/** What the desktop app says about its update under a "this desk's app is too old" message. */
function DesktopUpdateAction({ desktop }: { desktop: DeskUpdateState }) {
  const { t } = useTranslation();
  const [asked, setAsked] = useState(false);
  if (desktop.phase === 'off') return desktop.reason === 'no-feed' ? <Text mt="sm">{t('update.notSetUp')}</Text> : null;
  if (desktop.phase === 'ready')
    return (
      <Button mt="sm" color="teal" onClick={() => void installDesktopUpdate('now')}>
        {t('update.restartNow')}
      </Button>
    );
  if (desktop.phase === 'downloading') return <Text mt="sm">{t('update.downloading', { version: desktop.version, percent: desktop.percent })}</Text>;
  return (
    <Stack gap={4} mt="sm" align="flex-start">
      <Button
        variant="light"
        loading={desktop.phase === 'checking'}
        onClick={() => {
          setAsked(true);
          void checkDesktopUpdate();
        }}
      >
        {t('update.check')}
      </Button>
      {asked && desktop.phase === 'idle' && <Text size="sm">{t('update.checking')}</Text>}
      {asked && desktop.phase === 'error' && <Text size="sm">{t('update.checkFailed')}</Text>}
    </Stack>
  );
}

/**
 * For messages that mean "this desk's app is too old" (documents from a newer version): reload into the waiting version,
 * or ask the server for one; in the desktop app, restart into a downloaded version or look for one.
 */
export function UpdateAction() {
  const { t } = useTranslation();
  const { supported, ready, desktop } = useUpdateState();
  const [found, setFound] = useState<boolean | null>(null);
  if (desktop) return <DesktopUpdateAction desktop={desktop} />;
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
