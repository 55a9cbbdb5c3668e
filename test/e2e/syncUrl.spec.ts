import { test, expect } from './fixtures';

/**
 * Settings → Sync refuses an address that would send the desk's password in clear (plain http to a host that is
 * not this computer) unless the centre ticks "server in this building, no encryption", and refuses addresses with
 * anything beyond scheme, host and port. What was typed stays in the form.
 */
const SHOTS = process.env.SOSEDI_SHOTS_DIR ?? 'test-results/sync-url-shots';

test('plain http to another host needs the in-building choice; hostile addresses are refused with a clear message', async ({ app, page }) => {
  // no real server in 192.168.1.20 here: whatever the desk tries there fails at once
  await page.route('http://192.168.1.20:5984/**', (route) => route.abort('connectionrefused'));
  await app.open('en', '/settings/sync');
  const url = page.getByLabel('Server address');
  const inBuilding = page.getByRole('checkbox', { name: 'Server in this building, no encryption (http://)' });
  await url.fill('http://192.168.1.20:5984/');
  await page.getByLabel('Centre code').fill('dubki');
  await page.getByLabel('User').fill('desk-dubki');
  await page.getByRole('textbox', { name: 'Password' }).fill('secret');
  await expect(inBuilding).not.toBeChecked();

  await page.getByRole('button', { name: 'Save and start' }).click();
  await expect(url).toHaveAccessibleDescription(/Over http:\/\/ the password crosses the network unencrypted/);
  await expect(url).toHaveAttribute('aria-invalid', 'true');
  await expect(url).toHaveValue('http://192.168.1.20:5984/');
  await expect(page.getByRole('status').filter({ hasText: 'Sync is not set up.' })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/plain-http-refused.png`, fullPage: true });

  // "Test connection" is refused the same way: nothing is sent
  await page.getByRole('button', { name: 'Test connection' }).click();
  await expect(url).toHaveAttribute('aria-invalid', 'true');

  await inBuilding.check();
  await expect(url).not.toHaveAttribute('aria-invalid', 'true');
  await page.getByRole('button', { name: 'Save and start' }).click();
  const note = page.getByRole('note').filter({ hasText: 'Server in this building, no encryption' });
  await expect(note).toContainText('http://192.168.1.20:5984/');
  await expect(page.getByRole('status').filter({ hasText: 'Sync is on (centre dubki).' })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/in-building.png`, fullPage: true });

  // the choice is remembered with the account
  await page.reload();
  await expect(page.getByRole('checkbox', { name: 'Server in this building, no encryption (http://)' })).toBeChecked();
  await expect(page.getByLabel('Server address')).toHaveValue('http://192.168.1.20:5984/');

  for (const [typed, message] of [
    ['http://x;sandbox/', 'characters that are not allowed'],
    ["http://a'b", 'characters that are not allowed'],
    ['https://admin:pw@couch.example.org/', 'Remove the user name and password from the address'],
    ['javascript:alert(1)', 'The address must start with https://'],
    ['https://couch.example.org/db?x=1', 'Only the server’s address, without a path'],
    ['https://couch.example.org:99999', 'The port is a number from 1 to 65535'],
  ] as const) {
    await page.getByLabel('Server address').fill(typed);
    await page.getByRole('button', { name: 'Save and restart' }).click();
    await expect(page.getByLabel('Server address'), typed).toHaveAccessibleDescription(new RegExp(message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    await expect(page.getByLabel('Server address')).toHaveValue(typed);
  }
  await page.screenshot({ path: `${SHOTS}/credentials-refused.png`, fullPage: true });
});

test('the in-building choice is labelled in Russian too', async ({ app, page }) => {
  await app.open('ru', '/settings/sync');
  await page.getByLabel('Адрес сервера').fill('http://couch.centre.lan:5984/');
  await page.getByRole('button', { name: 'Сохранить и запустить' }).click();
  await expect(page.getByLabel('Адрес сервера')).toHaveAccessibleDescription(/По http:\/\/ пароль уйдёт по сети незашифрованным/);
  await expect(page.getByRole('checkbox', { name: 'Сервер в этом здании, без шифрования (http://)' })).toBeVisible();
});
