import { test, expect } from './fixtures';

/**
 * The desk's own error page, never React Router's developer page ("Unexpected Application Error! … Hey developer"):
 * a section whose code cannot be loaded (the network went before it was ever opened) and an address that is no section.
 */

test('a section whose code cannot be loaded shows the desk error page in Russian: copy details, go to Today, reload', async ({ app, page, context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseURL!).origin });
  await app.open('ru');
  await expect(page.getByRole('heading', { name: /^Сегодня, / })).toBeVisible();
  // From now on nothing more of the app can be fetched (Today is already loaded; Calendar never was).
  await page.route(/\/assets\//, (route) => route.abort('internetdisconnected'));

  await app.nav(/^Календарь/).click();
  const failure = page.getByRole('alert').filter({ hasText: 'Этот раздел не открылся' });
  await expect(failure).toBeVisible();
  await expect(failure).toContainText('Не удалось загрузить часть программы');
  await expect(page.getByText(/Hey developer|Unexpected Application Error/)).toHaveCount(0);
  // The navigation stays around the section's error.
  await expect(page.getByRole('navigation', { name: 'Разделы' })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('error-section-ru.png') });

  await failure.getByRole('button', { name: 'Скопировать подробности для координатора' }).click();
  await expect(failure.getByRole('status')).toHaveText('Подробности скопированы: вставьте их в сообщение координатору');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toMatch(/^Sosedi Desk \d+\.\d+\.\d+\n/);
  expect(copied).toContain('address: #/calendar');
  expect(copied).toMatch(/error: .*(dynamically imported module|preload CSS)/);
  await expect(failure.getByRole('textbox', { name: 'Подробности для координатора' })).toHaveValue(copied);

  await failure.getByRole('button', { name: 'Перейти в «Сегодня»' }).click();
  await expect(page.getByRole('heading', { name: /^Сегодня, / })).toBeVisible();
  await expect(failure).toHaveCount(0);

  // The network is back: "reload" brings the section.
  await page.unroute(/\/assets\//);
  await app.nav(/^Календарь/).click();
  await page.getByRole('button', { name: 'Перезагрузить' }).click();
  await expect(page.getByRole('heading', { name: 'Календарь', level: 2 })).toBeVisible();
});

test('an address that is no section shows the desk error page in English, with the navigation', async ({ app, page }) => {
  await app.open('en', '/no-such-section');
  const failure = page.getByRole('alert').filter({ hasText: 'This section did not open' });
  await expect(failure).toBeVisible();
  await expect(failure).toContainText('There is no section at this address');
  await expect(failure.getByRole('button', { name: 'Reload' })).toBeVisible();
  await expect(failure.getByRole('textbox', { name: 'Details for the coordinator' })).toHaveValue(/error: 404 Not Found/);
  await expect(page.getByText(/Hey developer|Unexpected Application Error/)).toHaveCount(0);
  await expect(page.getByRole('heading', { name: /404/ })).toHaveCount(0); // React Router's own 404 page
  await page.screenshot({ path: test.info().outputPath('error-section-en.png') });
  await failure.getByRole('button', { name: 'Go to Today' }).click();
  await expect(page.getByRole('heading', { name: /^Today, / })).toBeVisible();
});
