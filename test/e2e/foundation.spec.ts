import { test, expect } from './fixtures';

test.describe('app shell', () => {
  test('opens in Russian by default with every section in the navigation', async ({ app, page }) => {
    await page.goto('./');
    const nav = page.getByRole('navigation', { name: 'Разделы' });
    for (const name of ['Сегодня', 'Календарь', 'Выдача', 'Посетители', 'Люди и группы', 'Афиши', 'Отчёты', 'Настройки']) {
      await expect(nav.getByRole('link', { name: new RegExp(`^${name}`) })).toBeVisible();
    }
    await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
    await app.nav(/^Настройки/).click();
    await expect(page.getByRole('heading', { name: 'Настройки' })).toBeVisible();
  });

  test('opens in English with ?lang=en and remembers the choice', async ({ page }) => {
    await page.goto('./?lang=en');
    await expect(page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: /^Settings/ })).toBeVisible();
    await page.goto('./');
    await expect(page.getByRole('link', { name: /^Calendar/ })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  });

  test('a new user names the centre; it survives a reload', async ({ app, page }) => {
    await app.open('ru', '/settings/centre');
    await page.getByLabel('Название центра').fill('Соседи на Лесной');
    await page.getByLabel('Телефон').fill('+7 (495) 123-45-67');
    await page.getByRole('button', { name: 'Сохранить' }).click();
    await expect(page.getByRole('heading', { name: 'Соседи на Лесной', level: 1 })).toBeVisible();
    await page.reload();
    await expect(page.getByLabel('Название центра')).toHaveValue('Соседи на Лесной');
    await expect(page.getByRole('heading', { name: 'Соседи на Лесной', level: 1 })).toBeVisible();
  });

  test('an empty centre name is refused with a message and the typed values are kept', async ({ app, page }) => {
    await app.open('en', '/settings/centre');
    await page.getByLabel('Address').fill('12 Forest Street');
    await page.getByLabel('Phone').fill('call me');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByText('Please fill in this field')).toBeVisible();
    await expect(page.getByText('Phone: digits, spaces, +, ( ) and - only')).toBeVisible();
    await expect(page.getByLabel('Address')).toHaveValue('12 Forest Street');
    await expect(page.getByLabel('Phone')).toHaveValue('call me');
  });
});

test.describe('rooms', () => {
  test('the empty state invites the first room; a room survives a reload', async ({ app, page }) => {
    await app.open('ru', '/settings/rooms');
    await expect(page.getByText('Помещений пока нет — добавьте первое.')).toBeVisible();
    await app.addRoom({ name: 'Зал-трансформер', capacity: 80 });
    await page.reload();
    await expect(page.getByRole('table').getByText('Зал-трансформер', { exact: true })).toBeVisible();
    await expect(page.getByRole('cell', { name: '80' })).toBeVisible();
  });

  test('an invalid room shows messages and keeps the typed values', async ({ app, page }) => {
    await app.open('ru', '/settings/rooms');
    await page.getByRole('button', { name: 'Добавить помещение' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Вместимость, человек').fill('-5');
    await dialog.getByRole('button', { name: 'Сохранить' }).click();
    await expect(dialog.getByText('Заполните это поле')).toBeVisible();
    await expect(dialog.getByText('Число не может быть отрицательным')).toBeVisible();
    await expect(dialog.getByLabel('Вместимость, человек')).toHaveValue('-5');
    await dialog.getByLabel('Название').fill('Кухня');
    await dialog.getByRole('button', { name: 'Сохранить' }).click();
    await expect(dialog.getByText('Число не может быть отрицательным')).toBeVisible();
    await expect(dialog.getByLabel('Название')).toHaveValue('Кухня');
    await dialog.getByLabel('Вместимость, человек').fill('12');
    await dialog.getByRole('button', { name: 'Сохранить' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('table').getByText('Кухня', { exact: true })).toBeVisible();
  });

  test('a room can be edited and archived', async ({ app, page }) => {
    await app.addRoom({ name: 'Комната 2', capacity: 15 }, 'en');
    await page.getByRole('button', { name: 'Edit Комната 2' }).click();
    await page.getByRole('dialog').getByLabel('Capacity (people)').fill('18');
    await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('cell', { name: '18' })).toBeVisible();
    await page.getByRole('button', { name: 'Archive Комната 2' }).click();
    await expect(page.getByText('No rooms yet — add the first one.')).toBeVisible();
    await page.getByLabel('Show archived').check();
    await expect(page.getByRole('button', { name: 'Restore Комната 2' })).toBeVisible();
  });
});

test.describe('keyboard', () => {
  test('keyboard alone reaches every section', async ({ app, page }) => {
    await app.open('en');
    const expected = ['Today', 'Calendar', 'Loans', 'Visitors', 'People & groups', 'Posters', 'Reports', 'Settings'];
    // Tab through the navigation: every section link is reachable and opens with Enter.
    for (const name of expected) {
      let found = false;
      for (let i = 0; i < 40 && !found; i++) {
        await page.keyboard.press('Tab');
        found = await page.evaluate((n) => document.activeElement?.textContent?.startsWith(n) ?? false, name);
      }
      expect(found, `Tab reaches "${name}"`).toBe(true);
      await page.keyboard.press('Enter');
      await expect(page.getByRole('link', { name: new RegExp(`^${name.replace('&', '\\&')}`) })).toHaveAttribute('aria-current', 'page');
    }
    // Alt+digit shortcuts open sections from anywhere.
    await page.keyboard.press('Alt+8');
    await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
    await page.keyboard.press('Alt+1');
    await expect(page.getByRole('link', { name: /^Today/ })).toHaveAttribute('aria-current', 'page');
  });
});

test.describe('multi-tab', () => {
  test('two tabs on one profile see each other’s writes', async ({ app, context }) => {
    await app.open('ru', '/settings/rooms');
    const second = await context.newPage();
    await second.goto('./?lang=ru#/settings/rooms');
    await expect(second.getByText('Помещений пока нет — добавьте первое.')).toBeVisible();
    await app.addRoom({ name: 'Мастерская', capacity: 10 });
    await expect(second.getByRole('table').getByText('Мастерская', { exact: true })).toBeVisible();
  });
});
