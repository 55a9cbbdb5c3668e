import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

export interface Section {
  /** i18n key in common.json → nav.<key> */
  key: string;
  path: string;
  /** Alt+<shortcut> opens the section. */
  shortcut: string;
  Page: LazyExoticComponent<ComponentType>;
}

/** The main sections, in navigation order. Each feature default-exports its Page. */
export const SECTIONS: Section[] = [
  { key: 'today', path: '/', shortcut: '1', Page: lazy(() => import('../features/today/Page')) },
  { key: 'calendar', path: '/calendar', shortcut: '2', Page: lazy(() => import('../features/calendar/Page')) },
  { key: 'loans', path: '/loans', shortcut: '3', Page: lazy(() => import('../features/loans/Page')) },
  { key: 'visitors', path: '/visitors', shortcut: '4', Page: lazy(() => import('../features/visitors/Page')) },
  { key: 'people', path: '/people', shortcut: '5', Page: lazy(() => import('../features/people/Page')) },
  { key: 'posters', path: '/posters', shortcut: '6', Page: lazy(() => import('../features/posters/Page')) },
  { key: 'reports', path: '/reports', shortcut: '7', Page: lazy(() => import('../features/reports/Page')) },
  { key: 'settings', path: '/settings', shortcut: '8', Page: lazy(() => import('../features/settings/Page')) },
];
