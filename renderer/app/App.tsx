import { lazy } from 'react';
import { createHashRouter, RouterProvider } from 'react-router';
import { MantineProvider } from '@mantine/core';
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

const ConflictsInbox = lazy(() => import('../features/sync/ConflictsInbox'));

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
        </AppErrorBoundary>
      </DbProvider>
    </DatesProvider>
  );
}

export function App({ db }: { db: DeskDatabase }) {
  return (
    <I18nextProvider i18n={i18n}>
      <MantineProvider theme={theme}>
        {/* bottom right, two at most: toasts never pile up over the page header or the calendar's toolbar */}
        <Notifications position="bottom-right" limit={2} />
        <UpdateBanner />
        <Providers db={db} />
      </MantineProvider>
    </I18nextProvider>
  );
}
