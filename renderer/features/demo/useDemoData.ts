import { useCallback, useEffect, useState } from 'react';
import { anchorFromDate, generateParts, plannedSize, type FixtureSize } from '@shared/fixtures/generate';
import { isProfileEmpty, LoadError, loadDataset, type LoadProgress } from '@shared/fixtures/load';
import { useAuthor, useDb } from '../../app/db';

export type DemoState =
  | { step: 'idle' }
  | { step: 'generating' }
  | { step: 'loading'; progress: LoadProgress }
  | { step: 'done'; documents: number; seconds: number }
  | { step: 'error'; code: 'demo.notEmpty' | 'demo.insertFailed'; detail: string };

/**
 * User Timing names the benchmark reads (test/bench): generation and the bulk insert, in ms. Years are generated
 * one at a time between the writes (never overlapping one), so the insert's duration is the load without generating.
 */
export const DEMO_MEASURES = { generate: 'sosedi:demo-generate', insert: 'sosedi:demo-insert' } as const;

const nextFrame = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * "Load demo data": a busy centre's data generated around "now" and bulk-inserted in chunks,
 * only into an empty profile (no rooms, people, groups, bookings, series, items, loans or visits).
 * The centre's own settings, if already saved, are kept.
 */
export function useDemoData() {
  const db = useDb();
  const author = useAuthor();
  const [empty, setEmpty] = useState<boolean | undefined>(undefined);
  const [state, setState] = useState<DemoState>({ step: 'idle' });

  useEffect(() => {
    let live = true;
    void isProfileEmpty(db).then((e) => live && setEmpty(e));
    return () => {
      live = false;
    };
  }, [db, state.step]);

  const load = useCallback(
    async (size: FixtureSize, years = 1) => {
      setState({ step: 'generating' });
      await nextFrame(); // let "preparing…" paint before the generator holds the main thread
      try {
        if (!(await isProfileEmpty(db))) throw new LoadError('demo.notEmpty');
        const parts = generateParts({ size, years, anchor: anchorFromDate(new Date()), desk: author.desk });
        const started = performance.now();
        const result = await loadDataset(db, parts, {
          chunkSize: 1000,
          total: plannedSize({ size, years }),
          onProgress: (progress) => setState({ step: 'loading', progress }),
        });
        const ended = performance.now();
        performance.measure(DEMO_MEASURES.generate, { start: started, duration: result.generateMs });
        performance.measure(DEMO_MEASURES.insert, { start: started, duration: ended - started - result.generateMs });
        setState({ step: 'done', documents: result.done, seconds: (ended - started) / 1000 });
      } catch (e) {
        if (e instanceof LoadError) setState({ step: 'error', code: e.code, detail: e.detail });
        else setState({ step: 'error', code: 'demo.insertFailed', detail: String(e) });
      }
    },
    [db, author.desk],
  );

  return { empty, state, load };
}
