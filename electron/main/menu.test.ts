import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { LANGUAGES } from '@shared/ipc/contract';
import { MENU_LOCALES, buildMenuTemplate, menuText } from './menu';

const actions = () => ({ printView: vi.fn(), about: vi.fn() });
const items = (t: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
  t.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? items(i.submenu) : [])]);

describe('native menu', () => {
  it('has the same keys in ru and en', () => {
    expect(Object.keys(MENU_LOCALES.ru).sort()).toEqual(Object.keys(MENU_LOCALES.en).sort());
  });

  it.each(LANGUAGES)('builds File, Edit, View, Help in %s with every item labelled', (lang) => {
    const template = buildMenuTemplate(lang, { isMac: false, isDev: false, actions: actions() });
    expect(template.map((m) => m.label)).toEqual(['file', 'edit', 'view', 'help'].map((k) => MENU_LOCALES[lang][k as 'file']));
    for (const item of items(template)) {
      if (item.type === 'separator') continue;
      expect(item.label, JSON.stringify(item)).toBeTruthy();
    }
    expect(items(template).some((i) => i.role === 'toggleDevTools')).toBe(false);
  });

  it('speaks Russian and English', () => {
    const ru = buildMenuTemplate('ru', { isMac: false, isDev: false, actions: actions() });
    const en = buildMenuTemplate('en', { isMac: false, isDev: false, actions: actions() });
    expect(ru.map((m) => m.label)).toEqual(['Файл', 'Правка', 'Вид', 'Справка']);
    expect(en.map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Help']);
    expect(items(ru).map((i) => i.role ?? i.type ?? 'click')).toEqual(items(en).map((i) => i.role ?? i.type ?? 'click'));
  });

  it('wires Print and About to their actions, and About shows the version', () => {
    const a = actions();
    const template = buildMenuTemplate('en', { isMac: false, isDev: true, actions: a });
    const all = items(template);
    const click = (label: string) => (all.find((i) => i.label === label)?.click as () => void)();
    click('Print…');
    click('About');
    expect(a.printView).toHaveBeenCalledTimes(1);
    expect(a.about).toHaveBeenCalledTimes(1);
    expect(all.some((i) => i.role === 'toggleDevTools')).toBe(true);
    expect(menuText('ru', 'aboutDetail', { version: '1.2.3' })).toMatch(/^Версия 1\.2\.3\n/);
    expect(menuText('en', 'aboutDetail', { version: '1.2.3' })).toMatch(/^Version 1\.2\.3\n/);
  });
});
