/**
 * Retention on the desk itself: at start-up and then daily, visits older than the centre's retention
 * period lose the visitor's name and person link (counts, purpose and date stay). Mount once, in the
 * app shell (AppServices). Idempotent, so several desks running it at once agree.
 */
import { useEffect, useRef } from 'react';
import { SETTINGS_ID, stampChange, type DeskDatabase, type Author, type VisitDoc } from '@shared/db';
import { retentionCutoff, retentionPatches } from '@shared/visits/retention';
import { useAuthor, useDb } from '../../app/db';

const CHECK_EVERY_MS = 60 * 60 * 1000; // hourly check; the work happens once per new day

/** Runs retention once; returns how many visits were anonymised. */
export async function runRetention(db: DeskDatabase, author: Author, now = new Date()): Promise<number> {
  const settings = await db.settings.findOne(SETTINGS_ID).exec();
  const days = settings?.retentionDays ?? 0;
  const cutoff = retentionCutoff(days, now);
  if (cutoff === null) return 0;
  const old = await db.visits.find({ selector: { timeIn: { $lt: `${cutoff}T00:00` } } }).exec();
  const patches = retentionPatches(
    old.map((d) => d.toJSON() as VisitDoc),
    days,
    now,
  );
  const byId = new Map(old.map((d) => [d.primary, d]));
  for (const { id, patch } of patches) await byId.get(id)?.incrementalPatch(stampChange(patch, author));
  return patches.length;
}

export function useRetention(): void {
  const db = useDb();
  const current = useAuthor();
  const author = useRef(current);
  useEffect(() => {
    author.current = current;
  }, [current]);
  useEffect(() => {
    let lastDay = '';
    let stopped = false;
    const tick = () => {
      const day = new Date().toDateString();
      if (stopped || day === lastDay) return;
      lastDay = day;
      runRetention(db, author.current).catch(() => {
        lastDay = ''; // try again at the next check
      });
    };
    tick();
    // A new retention period set in Settings applies at once.
    const sub = db.settings.findOne(SETTINGS_ID).$.subscribe(() => {
      lastDay = '';
      tick();
    });
    const timer = setInterval(tick, CHECK_EVERY_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
      sub.unsubscribe();
    };
  }, [db]);
}
