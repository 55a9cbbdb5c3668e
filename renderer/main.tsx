import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/notifications/styles.css';
import '@fontsource/pt-sans/400.css';
import '@fontsource/pt-sans/700.css';
import './app/global.css';
import { i18n, initI18n } from './app/i18n';
import { openDeskDatabase } from './app/db';
import { App } from './app/App';
import { preloadSectionFor } from './app/sections';
import { registerServiceWorker, watchDesktopUpdates } from './app/update';

performance.mark('sosedi:boot');
initI18n();
const root = createRoot(document.getElementById('root')!);
const opening = openDeskDatabase();
preloadSectionFor(window.location.hash); // the first page's code downloads while the database opens
void registerServiceWorker(); // browser mode only: the whole build is stored for working offline
watchDesktopUpdates(); // desktop app only: electron-updater in main, installed with the volunteer's OK
opening
  .then((db) => {
    performance.measure('sosedi:db-open', 'sosedi:boot');
    root.render(
      <StrictMode>
        <App db={db} />
      </StrictMode>,
    );
  })
  .catch((error: unknown) => {
    // The database could not open (e.g. storage blocked): say so instead of a blank window.
    console.error(error);
    const el = document.createElement('p');
    el.setAttribute('role', 'alert');
    el.textContent = i18n.t('dbOpenFailed', { error: String(error) });
    document.body.append(el);
  });
