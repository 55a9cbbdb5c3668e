import { lazy, useMemo, type ReactNode } from 'react';
import { createHashRouter, RouterProvider } from 'react-router';
import { createTheme, MantineProvider, mergeThemeOverrides } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { Notifications } from '@mantine/notifications';
import { I18nextProvider, useTranslation } from 'react-i18next';
import type { DeskDatabase } from '@shared/db';
import { DbProvider } from './db';
import { Layout } from './Layout';
import { SECTIONS } from './sections';
import { theme } from './theme';
import { i18n } from './i18n';
import { AppServices } from './AppServices';
import { AppErrorBoundary, RouteError } from './ErrorScreen';
import { UpdateBanner } from './UpdateBanner';
import { ShiftLock } from '../features/staff/ShiftLock';
import { ApprovalDialog } from '../features/staff/ApprovalDialog';

const ConflictsInbox = lazy(() => import('../features/sync/ConflictsInbox'));
const NetworkPage = lazy(() => import('../features/network/Page'));

// Hash routing: works from the app:// scheme in Electron and from any static server in browser mode.
// Every section has its own error boundary (the navigation stays usable around it); the layout route has one for
// the rest. A section whose code cannot be loaded shows the same page. Never React Router's developer page.
const sectionError = <RouteError scope="section" />;
const router = createHashRouter([
  {
    path: '/',
    element: <Layout />,
    errorElement: <RouteError scope="app" />,
    children: [
      ...SECTIONS.map((s) =>
        s.path === '/' ? { index: true, element: <s.Page />, errorElement: sectionError } : { path: `${s.path.slice(1)}/*`, element: <s.Page />, errorElement: sectionError },
      ),
      { path: 'conflicts', element: <ConflictsInbox />, errorElement: sectionError },
      { path: 'network', element: <NetworkPage />, errorElement: sectionError },
      // An address that is no section (an old bookmark): the section error page with "go to Today".
      {
        path: '*',
        loader: () => {
          throw new Response(null, { status: 404, statusText: 'Not Found' });
        },
        errorElement: sectionError,
      },
    ],
  },
]);

function Providers({ db }: { db: DeskDatabase }) {
  const { i18n: current } = useTranslation();
  return (
    <DatesProvider settings={{ locale: current.language === 'en' ? 'en-gb' : 'ru', firstDayOfWeek: 1 }}>
      <DbProvider db={db}>
        <AppErrorBoundary>
          <AppServices />
          <RouterProvider router={router} />
          <ApprovalDialog />
          <ShiftLock />
        </AppErrorBoundary>
      </DbProvider>
    </DatesProvider>
  );
}

/**
 * The theme plus what depends on the language: the × of every dialog, drawer and notification is named
 * ("Закрыть" / "Close") unless the component names it itself, and so are the colour field's eye-dropper and the
 * arrows of the date fields' calendars.
 */
function ThemeProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const close = t('close');
  const eyeDropper = t('eyeDropper');
  // The arrows of every date picker's calendar (icons only: without these, no name at all)
  const dateNav = useMemo(
    () => ({
      previousMonth: t('dateNav.previousMonth'),
      nextMonth: t('dateNav.nextMonth'),
      previousYear: t('dateNav.previousYear'),
      nextYear: t('dateNav.nextYear'),
      previousDecade: t('dateNav.previousDecade'),
      nextDecade: t('dateNav.nextDecade'),
    }),
    [t],
  );
  const themed = useMemo(
    () =>
      mergeThemeOverrides(
        theme,
        createTheme({
          components: {
            Modal: { defaultProps: { closeButtonProps: { 'aria-label': close } } },
            Drawer: { defaultProps: { closeButtonProps: { 'aria-label': close } } },
            Notification: { defaultProps: { closeButtonProps: { 'aria-label': close } } },
            CloseButton: { defaultProps: { 'aria-label': close } },
            ColorInput: { defaultProps: { eyeDropperButtonProps: { 'aria-label': eyeDropper } } },
            DateInput: { defaultProps: { ariaLabels: dateNav } },
            DatePickerInput: { defaultProps: { ariaLabels: dateNav } },
          },
        }),
      ),
    [close, eyeDropper, dateNav],
  );
  return <MantineProvider theme={themed}>{children}</MantineProvider>;
}

export function App({ db }: { db: DeskDatabase }) {
  return (
    <I18nextProvider i18n={i18n}>
      <ThemeProvider>
        {/* bottom right, two at most: toasts never pile up over the page header or the calendar's toolbar */}
        <Notifications position="bottom-right" limit={2} />
        <UpdateBanner />
        <Providers db={db} />
      </ThemeProvider>
    </I18nextProvider>
  );
}
