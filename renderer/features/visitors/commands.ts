/**
 * The visitor log's commands, by name: signIn, signOut, signOutEveryone, edit, bump (the headcount clicker) and
 * startAdHocEvent. Hooks bind them to the desk (`useVisitActions` in ./hooks.ts).
 */
import { stampChange, stampNew, type Author, type DeskDatabase, type VisitDoc } from '@shared/db';
import type { FieldError } from '@shared/people/validate';
import {
  adHocEventBooking,
  bumpHeadcount,
  editVisit,
  findDuplicateSignIn,
  inBuildingFrom,
  newVisit,
  signOutAllPatches,
  validateSignIn,
  validateSignOut,
  type HeadcountField,
  type SignInInput,
  type VisitEdit,
  type VisitErrorCode,
} from '@shared/visits';
import { localNow } from '@shared/time';

/**
 * Open visits signed in since `from`, oldest first. The range on `timeIn` lets the query run on the
 * timeIn index instead of reading every visit ever logged; `timeOut: ''` is checked on that range only.
 */
export function openVisitsQuery(db: DeskDatabase, from: string) {
  return db.visits.find({ selector: { timeIn: { $gte: from }, timeOut: '' }, sort: [{ timeIn: 'asc' }] });
}

export type SignInResult = { ok: true; visit: VisitDoc } | { ok: false; errors: FieldError<VisitErrorCode>[] } | { ok: false; duplicate: VisitDoc };

/**
 * Sign-ins are serialised per database: a second Enter waits for the first write, then sees its visit
 * as a duplicate instead of creating another one.
 */
const queues = new WeakMap<DeskDatabase, Promise<unknown>>();
function serialised<T>(db: DeskDatabase, job: () => Promise<T>): Promise<T> {
  const run = (queues.get(db) ?? Promise.resolve()).then(job, job);
  queues.set(
    db,
    run.catch(() => undefined),
  );
  return run;
}

export function visitCommands({ db, author }: { db: DeskDatabase; author: Author }) {
  const signIn = (input: SignInInput): Promise<SignInResult> =>
    serialised(db, async () => {
      const errors = validateSignIn(input);
      if (errors.length) return { ok: false, errors };
      const timeIn = localNow();
      // Only today's open visits can be duplicates (see findDuplicateSignIn): read them by the timeIn index.
      const open = (await openVisitsQuery(db, `${timeIn.slice(0, 10)}T00:00`).exec()).map((d) => d.toJSON() as VisitDoc);
      const duplicate = findDuplicateSignIn(open, input, timeIn);
      if (duplicate) return { ok: false, duplicate };
      const visit = stampNew(newVisit(input, timeIn), author);
      await db.visits.insert(visit);
      return { ok: true, visit };
    });

  /** Returns an error code, or null when signed out. */
  const signOut = async (id: string): Promise<VisitErrorCode | null> => {
    const doc = await db.visits.findOne(id).exec();
    if (!doc) return 'visit.alreadyOut';
    const timeOut = localNow();
    const code = validateSignOut(doc, timeOut);
    if (code) return code;
    await doc.incrementalPatch(stampChange({ timeOut }, author));
    return null;
  };

  const signOutEveryone = async (): Promise<number> => {
    const open = await openVisitsQuery(db, inBuildingFrom(Date.now())).exec();
    const patches = signOutAllPatches(
      open.map((d) => d.toJSON() as VisitDoc),
      localNow(),
    );
    const byId = new Map(open.map((d) => [d.primary, d]));
    for (const { id, patch } of patches) await byId.get(id)?.incrementalPatch(stampChange(patch, author));
    return patches.length;
  };

  const edit = async (id: string, changes: VisitEdit): Promise<FieldError<VisitErrorCode>[]> => {
    const doc = await db.visits.findOne(id).exec();
    if (!doc) return [{ field: 'name', code: 'visit.alreadyOut' }];
    const result = editVisit(doc.toJSON() as VisitDoc, changes, new Date().toISOString(), author.volunteer || author.desk);
    if (!result.ok) return result.errors;
    if (Object.keys(result.patch).length) await doc.incrementalPatch(stampChange(result.patch, author));
    return [];
  };

  /** One click on the headcount clicker; atomic against concurrent clicks. */
  const bump = async (bookingId: string, field: HeadcountField, delta: number): Promise<void> => {
    const doc = await db.bookings.findOne(bookingId).exec();
    await doc?.incrementalModify((b) => ({ ...b, ...bumpHeadcount(b.headcount, field, delta), ...stampChange({}, author) }));
  };

  /** Books an event named on the spot (no booking yet) so its headcount counts in the reports; returns its id. */
  const startAdHocEvent = async (title: string, roomId: string): Promise<string | null> => {
    const fields = adHocEventBooking(title, roomId, localNow());
    if (!fields) return null;
    const doc = stampNew(fields, author);
    await db.bookings.insert(doc);
    return doc.id;
  };

  return { signIn, signOut, signOutEveryone, edit, bump, startAdHocEvent };
}
