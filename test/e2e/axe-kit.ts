import type { Page } from '@playwright/test';
import axe, { type RunOptions } from 'axe-core';

/** WCAG 2.1 A and AA: the rules every axe check of the desk runs. */
const AXE_OPTIONS: RunOptions = {
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
  // Only violations are read: axe then skips building selectors and snippets for every passing node.
  resultTypes: ['violations'],
  // The desk's one frame, the poster preview, is sandboxed without scripts: axe cannot run inside it (with
  // @axe-core/playwright no node of it was in the results either), and asking it costs a ping timeout (0.4 s).
  // The <iframe> element itself (its title) is checked as before.
  iframes: false,
};

/**
 * axe-core's own `axe.run` on the whole document, put into the page with Playwright's page.evaluate (DevTools
 * protocol), which the page's CSP does not govern. axe goes into a document once (moving between sections only
 * changes the hash). @axe-core/playwright's analyze() evaluated axe's 1.5 MB source twice per call and finished every
 * call in a new blank page: 0.65–1.4 s a call where axe.run itself takes 0.05–0.3 s. Same engine, rules and tags.
 */
export async function runAxe(page: Page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  return page.evaluate((options) => (window as unknown as { axe: typeof axe }).axe.run(document, options), AXE_OPTIONS);
}

/** The violations that fail a check: critical and serious. */
export const serious = (violations: axe.Result[]) => violations.filter((v) => v.impact === 'critical' || v.impact === 'serious');
