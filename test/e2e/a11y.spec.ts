import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { runAxe, serious } from './axe-kit';

/**
 * axe-core (WCAG 2.1 A/AA) on every section, its tabs and its main dialogs, in Russian and English, on an empty
 * profile and with the tiny demo dataset. Any critical or serious violation fails the test (all are listed at once).
 *
 * axe is put into the page with Playwright's page.evaluate (DevTools protocol), which the page's CSP does not
 * govern, so the production CSP (`script-src 'self'`) stays as it is.
 */
type Lang = 'ru' | 'en';
// Six independent walks of ~4–15 s each (every test opens its own profile): spread over both workers instead of
// holding one worker for the whole file while the other runs out of files (the suite's tail in CI).
test.describe.configure({ mode: 'parallel' });

const NOW = '2026-11-18T11:00';
const MIN_TEXT_PX = 12;

const locales = new Map<string, Record<string, unknown>>();
/** A string from the app's own locale files: `L('en', 'people:addPerson')`. */
function L(lang: Lang, key: string): string {
  const [ns, path] = key.split(':') as [string, string];
  const file = `${lang}/${ns}`;
  if (!locales.has(file)) locales.set(file, JSON.parse(readFileSync(`renderer/app/i18n/locales/${file}.json`, 'utf8')) as Record<string, unknown>);
  const value = path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], locales.get(file));
  if (typeof value !== 'string') throw new Error(`no string ${key} in ${lang}`);
  return value;
}
const exact = (s: string) => new RegExp(`^${s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

interface Finding {
  where: string;
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/**
 * Waits until what is on screen is final: two frames (a click's or a render's transition has started), then every
 * running finite animation or CSS transition (dialogs fading in, tab indicators) has finished; no fixed sleep.
 */
async function settle(page: Page) {
  await page.evaluate(async () => {
    const frame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));
    const running = () => document.getAnimations().filter((a) => a.playState === 'running' && a.effect?.getComputedTiming().endTime !== Infinity);
    await frame();
    await frame();
    for (let left = running(), rounds = 0; left.length && rounds < 20; left = running(), rounds++) {
      await Promise.all(left.map((a) => a.finished.catch(() => undefined)));
      await frame();
    }
  });
}

/** What a scan saw of the page: elements and text. A scan is repeated if this changed while it ran. */
const fingerprint = (page: Page) => page.evaluate(() => `${document.body.getElementsByTagName('*').length}:${document.body.textContent?.length ?? 0}`);

/** One look at the page as it is now: axe's critical and serious violations, and the desk's own checks. */
async function check(page: Page, where: string): Promise<Finding[]> {
  const findings: Finding[] = [];
  const result = await runAxe(page);
  // Not an axe rule: the desk's own floor for type size (older volunteers read it at arm's length).
  const small = await page.evaluate((min) => {
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || !n.textContent?.trim() || !el.checkVisibility({ visibilityProperty: true })) continue;
      const size = parseFloat(getComputedStyle(el).fontSize);
      if (size < min) found.push(`${el.tagName.toLowerCase()}.${el.className} “${n.textContent.trim().slice(0, 20)}” ${size}px`);
    }
    return found;
  }, MIN_TEXT_PX);
  // axe files an empty column header under best practice (minor); the desk counts it: a screen reader announces
  // the column by that name before each cell of it (a header holding a named control, "select all", has one)
  const unnamed = await page.evaluate(() =>
    [...document.querySelectorAll('th, [role="columnheader"]')]
      .filter((th) => (th as HTMLElement).checkVisibility() && !th.textContent?.trim() && !th.matches('[aria-label], :has([aria-label], [aria-labelledby])'))
      .map((th) => th.outerHTML.slice(0, 80)),
  );
  if (unnamed.length) findings.push({ where, id: 'empty-table-header', impact: 'serious', help: 'a column header without a name', targets: unnamed.slice(0, 4) });
  if (small.length) findings.push({ where, id: 'text-size', impact: 'serious', help: `text smaller than ${MIN_TEXT_PX}px`, targets: small.slice(0, 4) });
  for (const v of serious(result.violations)) {
    findings.push({ where, id: v.id, impact: v.impact ?? '', help: v.help, targets: v.nodes.slice(0, 4).map((n) => `${n.target.join(' ')} — ${n.failureSummary?.split('\n')[1] ?? ''}`) });
  }
  return findings;
}

/** Checks the page once what is on screen is final; again if it changed while it was checked (data still arriving). */
async function scan(page: Page, where: string, findings: Finding[]) {
  let found: Finding[] = [];
  for (let attempt = 0; attempt < 3; attempt++) {
    await settle(page);
    const before = await fingerprint(page);
    found = await check(page, where);
    if ((await fingerprint(page)) === before) break;
  }
  findings.push(...found);
}

async function loadDemo(page: Page, lang: Lang) {
  await page.goto(`./?lang=${lang}#/settings/data`);
  await page.getByLabel(L(lang, 'demo:size.tiny')).check();
  await page.getByRole('button', { name: L(lang, 'demo:load') }).click();
  await expect(page.getByText(L(lang, 'demo:done.title'))).toBeVisible({ timeout: 25_000 });
}

/** Opens a dialog with the button named `opener`, scans it, closes it with Escape. */
async function scanDialog(page: Page, opener: string, where: string, findings: Finding[]) {
  await page.getByRole('button', { name: exact(opener) }).first().click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await scan(page, where, findings);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
}

/**
 * Opens the calendar of the date field labelled `field` (a click on it), scans the page with the calendar open (its
 * month arrows, day buttons), closes it with Escape and waits for it to be gone.
 */
async function scanCalendar(page: Page, field: string, where: string, findings: Finding[]) {
  await page.getByRole('main').getByLabel(field, { exact: true }).first().click();
  // Mantine's date popover: no role of its own for a typeable DateInput (a dialog for a DatePickerInput)
  const popup = page.locator('.mantine-Popover-dropdown:has(table)');
  await expect(popup).toBeVisible();
  await expect(popup.getByRole('button').first()).toBeVisible();
  await scan(page, where, findings);
  await page.keyboard.press('Escape');
  await expect(popup).toHaveCount(0);
}

async function scanTabs(page: Page, section: string, findings: Finding[]) {
  const tabs = page.getByRole('main').getByRole('tab');
  const count = await tabs.count();
  for (let i = 0; i < count; i++) {
    await tabs.nth(i).click();
    await scan(page, `${section} → tab ${i + 1} (${(await tabs.nth(i).innerText()).trim()})`, findings);
  }
}

async function walk(page: Page, lang: Lang, withData: boolean): Promise<Finding[]> {
  const findings: Finding[] = [];
  const go = async (hash: string, heading?: string) => {
    await page.goto(`./?lang=${lang}#${hash}`);
    await expect(page.getByRole('navigation')).toBeVisible();
    if (heading) await expect(page.getByRole('heading', { name: heading }).first()).toBeVisible();
  };

  await go('/');
  await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
  await scan(page, 'Today', findings);

  await go('/calendar');
  await expect(page.getByRole('button', { name: exact(L(lang, 'calendar:newBooking')) })).toBeVisible();
  await scan(page, 'Calendar', findings);
  if (withData) {
    await scanDialog(page, L(lang, 'calendar:newBooking'), 'Calendar → New booking', findings);
    await scanDialog(page, L(lang, 'calendar:findSlot'), 'Calendar → Find free time', findings);
    // A week with events: the grid, then one event's details (a drawer).
    await go('/calendar?view=week&date=2026-11-18');
    await page.locator('.rbc-event').first().click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await scan(page, 'Calendar → event details', findings);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toBeHidden();
  }

  await go('/loans', L(lang, 'loans:title'));
  await scanTabs(page, 'Loans', findings);
  await page.getByRole('tab', { name: L(lang, 'loans:tabs.catalogue') }).click();
  await scanDialog(page, L(lang, 'loans:catalogue.add'), 'Loans → Add item', findings);
  await scanDialog(page, L(lang, 'loans:catalogue.import'), 'Loans → Import', findings);

  await go('/visitors', L(lang, 'visitors:title'));
  await scanTabs(page, 'Visitors', findings);
  await page.getByRole('tab', { name: L(lang, 'visitors:tabs.log') }).click();
  await scanCalendar(page, L(lang, 'visitors:log.from'), 'Visitors → Log → the From calendar', findings);

  await go('/people', L(lang, 'people:title'));
  await scanTabs(page, 'People', findings);
  await scanDialog(page, L(lang, 'people:addPerson'), 'People → Add person', findings);
  await scanDialog(page, L(lang, 'people:addGroup'), 'People → Add group', findings);
  if (withData) {
    await page.getByRole('tab', { name: L(lang, 'people:tabs.people') }).click();
    await page.getByRole('list', { name: L(lang, 'people:tabs.people') }).getByRole('button').first().click();
    await scan(page, 'People → a person', findings);
    await scanDialog(page, L(lang, 'people:erase.open'), 'People → Erase person', findings);
  }

  await go('/posters', L(lang, 'posters:page.title'));
  await scan(page, 'Posters', findings);
  await scanCalendar(page, L(lang, 'posters:page.week'), 'Posters → the week calendar', findings);

  await go('/reports', L(lang, 'reports:title'));
  await scan(page, 'Reports', findings);

  for (const tab of ['centre', 'rooms', 'staff', 'sync', 'data', 'interface']) {
    await go(`/settings/${tab}`, L(lang, 'settings:title'));
    await scan(page, `Settings → ${tab}`, findings);
  }
  await go('/settings/rooms', L(lang, 'settings:title'));
  await scanDialog(page, L(lang, 'settings:rooms.add'), 'Settings → Add room', findings);
  return findings;
}

const report = (findings: Finding[]) =>
  findings.map((f) => `[${f.impact}] ${f.where}: ${f.id} — ${f.help}\n    ${f.targets.join('\n    ')}`).join('\n');

/**
 * Staff (#17): the recovery code shown once, the coordinator's Settings → Staff, the lock screen ("who is on shift")
 * and the coordinator-PIN prompt a volunteer gets. PIN checks are scrypt (a second or two): waits on what shows.
 */
async function walkStaff(page: Page, lang: Lang): Promise<Finding[]> {
  const findings: Finding[] = [];
  const coordinator = { name: 'Анна', pin: '2580' };
  const volunteer = { name: 'Пётр', pin: '1357' };
  await page.goto(`./?lang=${lang}#/settings/staff`);
  const panel = page.getByRole('tabpanel', { name: L(lang, 'settings:tabs.staff') });
  const addMember = async (who: { name: string; pin: string }, button: string) => {
    await panel.getByLabel(L(lang, 'staff:panel.name')).fill(who.name);
    await panel.getByLabel(L(lang, 'staff:panel.pin')).fill(who.pin);
    await panel.getByLabel(L(lang, 'staff:panel.pinRepeat')).fill(who.pin);
    await panel.getByRole('button', { name: exact(button) }).click();
  };
  await addMember(coordinator, L(lang, 'staff:panel.create'));
  const done = panel.getByRole('button', { name: L(lang, 'staff:recovery.done') });
  await expect(done).toBeVisible({ timeout: 30_000 });
  await scan(page, 'Settings → Staff → recovery code', findings);
  await done.click();
  await addMember(volunteer, L(lang, 'staff:panel.add'));
  await expect(panel.getByRole('cell', { name: volunteer.name, exact: true })).toBeVisible({ timeout: 30_000 });
  await scan(page, 'Settings → Staff (coordinator)', findings);
  await page.getByRole('banner').getByRole('button', { name: L(lang, 'staff:header.endShift') }).click();
  const lock = page.getByRole('dialog', { name: L(lang, 'staff:lock.startTitle') });
  await expect(lock).toBeVisible();
  await scan(page, 'Lock screen (who is on shift)', findings);
  await lock.getByRole('radio', { name: new RegExp(`^${volunteer.name}`) }).check();
  await lock.getByLabel(L(lang, 'staff:lock.pin')).fill(volunteer.pin);
  await lock.getByRole('button', { name: L(lang, 'staff:lock.start') }).click();
  await expect(lock).toBeHidden({ timeout: 30_000 });
  // a volunteer changes the retention period: the coordinator's PIN is asked
  await page.getByRole('tab', { name: L(lang, 'settings:tabs.centre') }).click();
  await page.getByLabel(L(lang, 'settings:centre.name')).fill('Дубки');
  await page.getByLabel(L(lang, 'settings:centre.retentionDays')).fill('45');
  await page.getByRole('button', { name: exact(L(lang, 'settings:save')) }).first().click();
  const prompt = page.getByRole('dialog', { name: L(lang, 'staff:approval.title') });
  await expect(prompt).toBeVisible();
  await scan(page, 'Coordinator-PIN prompt', findings);
  await page.keyboard.press('Escape');
  await expect(prompt).toBeHidden();
  return findings;
}

for (const lang of ['ru', 'en'] as const) {
  test(`axe: staff screens — recovery code, Settings → Staff, the lock screen, the coordinator prompt (${lang})`, async ({ app, page }) => {
    await app.open(lang);
    const findings = await walkStaff(page, lang);
    expect(findings.length, report(findings)).toBe(0);
  });

  test(`axe: no critical or serious violation on any section or dialog, empty profile (${lang})`, async ({ app, page }) => {
    await app.open(lang);
    const findings = await walk(page, lang, false);
    expect(findings.length, report(findings)).toBe(0);
  });

  test(`axe: no critical or serious violation on any section or dialog, with demo data (${lang})`, async ({ app, page }) => {
    await page.clock.setFixedTime(new Date(`${NOW}:00+03:00`));
    await app.open(lang);
    await loadDemo(page, lang);
    const findings = await walk(page, lang, true);
    expect(findings.length, report(findings)).toBe(0);
  });
}
