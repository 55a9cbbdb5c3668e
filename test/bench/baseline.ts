/**
 * The run's own yardstick: a fixed piece of page work (build and lay out 200 rows of text, JSON round trip
 * and sort of 5,000 records) timed in the same headless Chromium right before each metric. Every time metric is
 * also reported as a ratio to it ("× base"), so figures from a busy or a slow machine can be compared with
 * figures from an idle or a fast one, and a change can be judged across runs.
 */
import type { Browser, Page } from 'playwright-core';
import { newContext } from './metrics';
import { summary } from './stats';

/** Runs in the page. Deterministic: the same DOM and data every time. */
function workload(): number {
  const t0 = performance.now();
  const host = document.createElement('div');
  document.body.append(host);
  for (let i = 0; i < 200; i++) {
    const row = document.createElement('div');
    row.style.cssText = 'display:flex;gap:4px;font:16px sans-serif';
    for (let j = 0; j < 4; j++) {
      const cell = document.createElement('span');
      cell.textContent = `Иванова Мария ${i}.${j}`;
      row.append(cell);
    }
    host.append(row);
  }
  void host.offsetHeight; // forces style and layout
  const data = Array.from({ length: 5000 }, (_, i) => ({ id: `p${(i * 7919) % 5000}`, n: (i * 2654435761) % 1000003 }));
  const copy = JSON.parse(JSON.stringify(data)) as typeof data;
  copy.sort((a, b) => a.n - b.n || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  host.remove();
  return performance.now() - t0;
}

export interface Yardstick {
  /** Median of `reps` runs of the workload now (ms). */
  measure(reps?: number): Promise<number>;
  /** Every sample taken in this run. */
  samples: number[];
  close(): Promise<void>;
}

export async function yardstick(browser: Browser): Promise<Yardstick> {
  const context = await newContext(browser);
  const page: Page = await context.newPage();
  await page.setContent('<!doctype html><html lang="ru"><body></body></html>');
  await page.evaluate(workload); // warm-up: JIT, fonts
  const samples: number[] = [];
  return {
    samples,
    async measure(reps = 5) {
      const now: number[] = [];
      for (let i = 0; i < reps; i++) now.push(await page.evaluate(workload));
      samples.push(...now);
      return summary(now).median;
    },
    close: () => context.close(),
  };
}
