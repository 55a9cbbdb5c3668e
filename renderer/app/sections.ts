import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

export interface Section {
  /** i18n key in common.json → nav.<key> */
  key: string;
  path: string;
  /** Alt+<shortcut> opens the section. */
  shortcut: string;
  /** Fetches the page's code (the same promise every time). */
  load: () => Promise<{ default: ComponentType }>;
  Page: LazyExoticComponent<ComponentType>;
}

const section = (key: string, path: string, shortcut: string, load: () => Promise<{ default: ComponentType }>): Section => ({
  key,
  path,
  shortcut,
  load,
  Page: lazy(load),
});

/** The main sections, in navigation order. Each feature default-exports its Page. */
export const SECTIONS: Section[] = [
  section('today', '/', '1', () => import('../features/today/Page')),
  section('calendar', '/calendar', '2', () => import('../features/calendar/Page')),
  section('loans', '/loans', '3', () => import('../features/loans/Page')),
  section('visitors', '/visitors', '4', () => import('../features/visitors/Page')),
  section('people', '/people', '5', () => import('../features/people/Page')),
  section('posters', '/posters', '6', () => import('../features/posters/Page')),
  section('reports', '/reports', '7', () => import('../features/reports/Page')),
  section('settings', '/settings', '8', () => import('../features/settings/Page')),
];

/**
 * Starts fetching the code of the section a hash route shows (`#/loans/…` → Loans), so that it downloads
 * while the database opens instead of after it.
 */
export function preloadSectionFor(hash: string): void {
  const path = `/${hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? ''}`;
  const match = SECTIONS.find((s) => s.path === path);
  void match?.load().catch(() => undefined); // a failed fetch is retried (and reported) when the page renders
}
