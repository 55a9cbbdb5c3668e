/** Chromium's CPU profiler on a page (CDP through playwright-core): self time per function, for the bench's profiles. */
import { writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

/** Starts the profiler; the returned function stops it, writes `file` and returns the top self times divided by `per`. */
export async function startCpuProfile(page: Page, file: string): Promise<(per: number, top?: number) => Promise<string[]>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  return async (per, top = 30) => {
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] } };
    await cdp.detach();
    writeFileSync(file, JSON.stringify(profile));
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const agg = new Map<string, number>();
    profile.samples.forEach((id, i) => {
      const f = byId.get(id)!.callFrame;
      const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`;
      agg.set(key, (agg.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
    });
    const busy = [...agg.entries()].filter(([k]) => !k.startsWith('(idle)')).reduce((s, [, t]) => s + t, 0);
    return [
      `busy ${(busy / per).toFixed(1)} ms per action (${per}), top self time per action (${file}):`,
      ...[...agg.entries()].sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, t]) => `  ${(t / per).toFixed(1).padStart(8)} ms  ${k}`),
    ];
  };
}
