import { Suspense, useEffect, useRef } from 'react';
import { NavLink as RouterNavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { AppShell, Burger, Group, Kbd, Loader, NavLink, Text, TextInput, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { SECTIONS } from './sections';
import { useVolunteer } from './db';
import { useCentre } from '../features/settings/hooks';
import SyncStatus from '../features/sync/SyncStatus';
import { useSync } from '../features/sync/syncStore';
import { ShiftBadge } from '../features/staff/ShiftBadge';
import { useStaff } from '../features/staff/hooks';

/** Alt+1…8 open the main sections (works from anywhere, also inside inputs). */
function useSectionShortcuts() {
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const here = useRef(pathname);
  here.current = pathname;
  /** The focus goes to the main area once the section is on screen (a lazy section commits later than the key). */
  const focusWhenShown = useRef(false);
  useEffect(() => {
    if (!focusWhenShown.current) return;
    focusWhenShown.current = false;
    requestAnimationFrame(() => document.getElementById('main')?.focus());
  }, [pathname]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey) return;
      const section = SECTIONS.find((s) => e.code === `Digit${s.shortcut}`);
      if (section) {
        e.preventDefault();
        if (here.current === section.path) document.getElementById('main')?.focus();
        else {
          focusWhenShown.current = true;
          void navigate(section.path);
        }
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [navigate]);
}

export function Layout() {
  const { t } = useTranslation();
  const { network } = useSync();
  const [opened, { toggle }] = useDisclosure();
  const [volunteer, setVolunteer] = useVolunteer();
  const centre = useCentre();
  const { active: staff, loading: staffLoading } = useStaff();
  useSectionShortcuts();

  return (
    <AppShell header={{ height: 64 }} navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      {/* The app routes by the URL's hash, so "#main" alone would be read as a route: move the focus by hand. */}
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => {
          e.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        {t('skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" aria-label={t('nav.toggle')} />
            <Title order={1} size="h3">
              {centre?.name || t('appName')}
            </Title>
          </Group>
          <Group wrap="nowrap" gap="md">
            <SyncStatus />
            {/* once the centre has staff, the one on shift (after their PIN) replaces the typed name */}
            {staff.length > 0 && <ShiftBadge />}
            {staff.length === 0 && !staffLoading && (
              <TextInput
                size="sm"
                w={220}
                label={t('volunteer.label')}
                aria-label={t('volunteer.label')}
                placeholder={t('volunteer.placeholder')}
                value={volunteer}
                onChange={(e) => setVolunteer(e.currentTarget.value)}
                styles={{ label: { position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' } }}
              />
            )}
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" component="nav" aria-label={t('nav.label')}>
        {SECTIONS.map((s) => (
          <NavLink
            key={s.key}
            component={RouterNavLink}
            to={s.path}
            end={s.path === '/'}
            label={t(`nav.${s.key}`)}
            rightSection={
              <Kbd size="md" aria-hidden>
                Alt+{s.shortcut}
              </Kbd>
            }
            aria-keyshortcuts={`Alt+${s.shortcut}`}
            styles={{ label: { fontSize: 18 } }}
          />
        ))}
        {network && <NavLink component={RouterNavLink} to="/network" label={t('nav.network')} styles={{ label: { fontSize: 18 } }} />}
        <Text size="xs" c="dimmed" mt="auto">
          {t('version', { version: __APP_VERSION__ })}
        </Text>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1} style={{ outline: 'none' }}>
        <Suspense fallback={<Loader aria-label={t('loading')} />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
