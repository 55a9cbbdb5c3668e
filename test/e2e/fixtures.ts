import { test as base, expect, type Page } from '@playwright/test';

/**
 * Every test gets a fresh browser context (a fresh IndexedDB profile) from Playwright.
 * `app` opens the app in a language and offers page-object helpers driven by role and label.
 */
export class DeskApp {
  constructor(readonly page: Page) {}

  async open(lang: 'ru' | 'en' = 'ru', hash = '') {
    await this.page.goto(`./?lang=${lang}${hash ? `#${hash}` : ''}`);
    await expect(this.page.getByRole('navigation')).toBeVisible();
  }

  nav(name: string | RegExp) {
    return this.page.getByRole('navigation').getByRole('link', { name });
  }

  /** Adds a room through Settings → Rooms. */
  async addRoom(room: { name: string; capacity?: number }, lang: 'ru' | 'en' = 'ru') {
    const t = lang === 'ru' ? { rooms: 'Помещения', add: 'Добавить помещение', name: 'Название', cap: 'Вместимость, человек', save: 'Сохранить' } : { rooms: 'Rooms', add: 'Add a room', name: 'Name', cap: 'Capacity (people)', save: 'Save' };
    await this.page.goto(`./?lang=${lang}#/settings/rooms`);
    await this.page.getByRole('button', { name: t.add }).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByLabel(t.name).fill(room.name);
    if (room.capacity !== undefined) await dialog.getByLabel(t.cap).fill(String(room.capacity));
    await dialog.getByRole('button', { name: t.save }).click();
    await expect(dialog).toBeHidden();
    await expect(this.page.getByRole('table').getByText(room.name, { exact: true })).toBeVisible();
  }
}

export const test = base.extend<{ app: DeskApp }>({
  app: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await use(new DeskApp(page));
    expect(errors, 'uncaught errors in the page').toEqual([]);
  },
});

export { expect };
