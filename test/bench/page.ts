/**
 * In-page timing: a condition on the DOM (data, not code: the app's CSP forbids eval) is checked on every
 * animation frame; the time reported is the frame in which it first holds ("painted"), measured with
 * performance.now() in the page from the trigger event's own timestamp (keydown/click) or from navigation start.
 */
import type { Page } from 'playwright-core';

export type Cond =
  | { kind: 'visible'; selector: string }
  | { kind: 'text'; selector: string; contains: string }
  | { kind: 'inputValue'; selector: string; value: string; changed?: string }
  | { kind: 'countAtLeast'; selector: string; min: number }
  | { kind: 'exactText'; selector: string; text: string }
  | { kind: 'absent'; selector: string }
  | { kind: 'all'; conds: Cond[] }
  | { kind: 'any'; conds: Cond[] };

export type StartOn = 'keydown' | 'click' | 'navigation' | 'now';

interface ArmArgs {
  cond: Cond;
  startOn: StartOn;
  timeoutMs: number;
}

/** Runs inside the page. Keeps the pending measurement on window.__benchArm. */
function arm({ cond, startOn, timeoutMs }: ArmArgs): void {
  const w = window as unknown as { __benchArm?: Promise<{ ms: number } | { timeout: true }> };
  const holds = (c: Cond): boolean => {
    switch (c.kind) {
      case 'visible': {
        const el = document.querySelector(c.selector);
        return !!el && el.getClientRects().length > 0;
      }
      case 'text':
        return Array.from(document.querySelectorAll(c.selector)).some((el) => (el.textContent ?? '').includes(c.contains));
      case 'inputValue': {
        const el = document.querySelector(c.selector) as HTMLInputElement | null;
        return !!el && el.value === c.value;
      }
      case 'countAtLeast':
        return document.querySelectorAll(c.selector).length >= c.min;
      case 'exactText':
        return (document.querySelector(c.selector)?.textContent ?? '').trim() === c.text;
      case 'absent':
        return !document.querySelector(c.selector);
      case 'all':
        return c.conds.every(holds);
      case 'any':
        return c.conds.some(holds);
    }
  };
  let start = startOn === 'navigation' ? 0 : startOn === 'now' ? performance.now() : NaN;
  let observer: MutationObserver | undefined;
  let mutated = false;
  if (startOn === 'keydown' || startOn === 'click') {
    // Cyrillic text typed by Playwright arrives as beforeinput/input without a keydown
    const types = startOn === 'click' ? ['pointerdown', 'click'] : ['keydown', 'beforeinput', 'input'];
    const onEvent = (e: Event) => {
      if (Number.isNaN(start)) start = e.timeStamp;
    };
    for (const type of types) window.addEventListener(type, onEvent, { capture: true, once: true });
  }
  // text and list conditions must see a DOM change after the trigger, not the state before it
  const needsChange = cond.kind === 'inputValue' && cond.changed !== undefined;
  if (needsChange) {
    observer = new MutationObserver(() => (mutated = true));
    observer.observe(document.querySelector(cond.changed!) ?? document.body, { subtree: true, childList: true, characterData: true });
  }
  w.__benchArm = new Promise((resolve) => {
    const deadline = performance.now() + timeoutMs;
    const tick = () => {
      if (!Number.isNaN(start) && holds(cond) && (!needsChange || mutated)) {
        observer?.disconnect();
        resolve({ ms: performance.now() - start });
      } else if (performance.now() > deadline) {
        observer?.disconnect();
        resolve({ timeout: true });
      } else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

/** Measures trigger → condition painted, in ms (throws on timeout). */
export async function timeUi(page: Page, cond: Cond, startOn: StartOn, trigger: () => Promise<unknown>, timeoutMs = 20_000): Promise<number> {
  await page.evaluate(arm, { cond, startOn, timeoutMs });
  await trigger();
  const result = await page.evaluate(() => (window as unknown as { __benchArm: Promise<{ ms: number } | { timeout: true }> }).__benchArm);
  if ('timeout' in result) throw new Error(`timed out waiting for ${JSON.stringify(cond)}`);
  return result.ms;
}

/** Arms every future document of the page at its start (navigation timing). */
export async function armOnNavigation(page: Page, cond: Cond, timeoutMs = 120_000): Promise<void> {
  await page.addInitScript(arm, { cond, startOn: 'navigation' as const, timeoutMs });
}

/** After a navigation of a page armed with armOnNavigation: navigation start → condition painted. */
export async function timeSinceNavigation(page: Page): Promise<number> {
  const result = await page.evaluate(() => (window as unknown as { __benchArm: Promise<{ ms: number } | { timeout: true }> }).__benchArm);
  if ('timeout' in result) throw new Error('timed out waiting for the page after navigation');
  return result.ms;
}

/** JS heap in use (MB) after a forced garbage collection, through the DevTools protocol. */
export async function heapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    return usedSize / 1024 / 1024;
  } finally {
    await cdp.detach();
  }
}
