import { test, expect } from './fixtures';

test('the poster page previews next week at true proportions and copies the poster as text', async ({ app, page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await app.open('ru', '/posters');
  await expect(page.getByRole('heading', { name: 'Афиша недели' })).toBeVisible();
  for (const label of ['Неделя', 'Помещения', 'Виды событий', 'Шаблон', 'Формат']) await expect(page.getByLabel(label).first()).toBeVisible();
  const preview = page.frameLocator('iframe[title="Предпросмотр афиши"]');
  await expect(preview.locator('.sheet')).toHaveCount(1);
  await expect(preview.locator('.ph-kicker')).toHaveText('Афиша');
  await expect(preview.locator('.empty')).toBeVisible();
  // A4 portrait preview keeps the paper's proportions.
  const boxSize = await page.locator('iframe[title="Предпросмотр афиши"]').boundingBox();
  expect(boxSize!.width).toBeCloseTo(560, 0);
  await page.locator('label', { hasText: /^English$/ }).click();
  await expect(preview.locator('.ph-kicker')).toHaveText('What’s on');
  await page.getByRole('button', { name: 'Копировать текст' }).click();
  await expect(page.getByText('Текст афиши скопирован')).toBeVisible();
  const text = await page.evaluate(() => navigator.clipboard.readText());
  expect(text.split('\n')[0]).toMatch(/^What’s on: \d/);
  await page.screenshot({ path: test.info().outputPath('posters.png'), fullPage: true });
});
