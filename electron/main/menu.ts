/**
 * The native menu (File, Edit, View, Help) in Russian or English. Strings come from
 * ./locales/{ru,en}.json (main-process locale map). Pure: returns a template that
 * index.ts hands to Menu.buildFromTemplate.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { Language } from '@shared/ipc/contract';
import ru from './locales/ru.json';
import en from './locales/en.json';

export type MenuStrings = typeof en;
export const MENU_LOCALES: Record<Language, MenuStrings> = { ru, en };

export function menuText(language: Language, key: keyof MenuStrings, vars: Record<string, string> = {}): string {
  return MENU_LOCALES[language][key].replace(/\{\{(\w+)\}\}/g, (_, name: string) => vars[name] ?? '');
}

export interface MenuActions {
  printView(): void;
  about(): void;
}

export interface MenuOptions {
  isMac: boolean;
  /** Developer tools only in development builds. */
  isDev: boolean;
  actions: MenuActions;
}

export function buildMenuTemplate(language: Language, options: MenuOptions): MenuItemConstructorOptions[] {
  const t = (key: keyof MenuStrings) => menuText(language, key);
  const view: MenuItemConstructorOptions[] = [
    { label: t('reload'), role: 'reload' },
    { type: 'separator' },
    { label: t('resetZoom'), role: 'resetZoom' },
    { label: t('zoomIn'), role: 'zoomIn' },
    { label: t('zoomOut'), role: 'zoomOut' },
    { type: 'separator' },
    { label: t('fullscreen'), role: 'togglefullscreen' },
  ];
  if (options.isDev) view.push({ type: 'separator' }, { label: t('devtools'), role: 'toggleDevTools' });
  return [
    {
      label: t('file'),
      submenu: [
        { label: t('print'), accelerator: 'CmdOrCtrl+P', click: () => options.actions.printView() },
        { type: 'separator' },
        { label: t('close'), role: 'close' },
        { label: t('quit'), role: 'quit' },
      ],
    },
    {
      label: t('edit'),
      submenu: [
        { label: t('undo'), role: 'undo' },
        { label: t('redo'), role: 'redo' },
        { type: 'separator' },
        { label: t('cut'), role: 'cut' },
        { label: t('copy'), role: 'copy' },
        { label: t('paste'), role: 'paste' },
        { label: t('selectAll'), role: 'selectAll' },
      ],
    },
    { label: t('view'), submenu: view },
    {
      label: t('help'),
      role: options.isMac ? 'help' : undefined,
      submenu: [{ label: t('about'), click: () => options.actions.about() }],
    },
  ];
}
