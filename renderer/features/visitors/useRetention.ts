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

/** How far retention got, so that a run reads only the visits that crossed the cut-off since the last one. */
export interface RetentionMark {
  /** The retention period the mark was made with: another period starts over. */
  days: number;
  /** Every visit before this local date was anonymised. */
  before: string;
  /** When the last full pass ran (ms): once a week every old visit is read again (log corrections, synced-in visits). */
  fullAt: number;
}
export interface RetentionMarkStore {
  get(): RetentionMark | null;
  set(mark: RetentionMark): void;
}
const FULL_PASS_EVERY_MS = 7 * 24 * 60 * 60 * 1000;

/** The mark kept beside the profile on this computer (localStorage, per database). */
export function localRetentionMark(dbName: string): RetentionMarkStore {
  const key = `sosedi.retention.${dbName}`;
  return {
    get() {
      try {
        const m = JSON.parse(localStorage.getItem(key) ?? 'null') as RetentionMark | null;
        return m && typeof m.days === 'number' && typeof m.before === 'string' && typeof m.fullAt === 'number' ? m : null;
      } catch {
        return null;
      }
    },
    set: (mark) => localStorage.setItem(key, JSON.stringify(mark)),
  };
}

/**
 * Runs retention once; returns how many visits were anonymised. With a mark store, only visits between the
 * last run's cut-off and today's are read (a year of visits is not re-read at every start-up), except for a
 * full pass weekly or when the period changed.
 */
export async function runRetention(db: DeskDatabase, author: Author, now = new Date(), marks?: RetentionMarkStore): Promise<number> {
  const settings = await db.settings.findOne(SETTINGS_ID).exec();
  const days = settings?.retentionDays ?? 0;
  const cutoff = retentionCutoff(days, now);
  if (cutoff === null) return 0;
  const mark = marks?.get();
  const incremental = !!mark && mark.days === days && now.getTime() - mark.fullAt < FULL_PASS_EVERY_MS && mark.before <= cutoff;
  const timeIn = incremental ? { $gte: `${mark.before}T00:00`, $lt: `${cutoff}T00:00` } : { $lt: `${cutoff}T00:00` };
  const old = await db.visits.find({ selector: { timeIn } }).exec();
  // Merged duplicates: a visit's key is made for the person it counts for in reports.
  const merged = old.some((d) => d.personId) ? await db.people.find({ selector: { mergedInto: { $gt: '' } } }).exec() : [];
  const patches = retentionPatches(
    old.map((d) => d.toJSON() as VisitDoc),
    days,
    now,
    merged.map((p) => ({ id: p.id, mergedInto: p.mergedInto })),
  );
  const byId = new Map(old.map((d) => [d.primary, d]));
  for (const { id, patch } of patches) await byId.get(id)?.incrementalPatch(stampChange(patch, author));
  marks?.set({ days, before: cutoff, fullAt: incremental ? mark.fullAt : now.getTime() });
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
      runRetention(db, author.current, new Date(), localRetentionMark(db.name)).catch(() => {
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
