import { useMemo } from 'react';
import dayjs from 'dayjs';
import { SETTINGS_ID, type BookingDoc, type ConflictDoc, type ItemDoc, type LoanDoc, type RoomDoc, type SettingsDoc } from '@shared/db';
import { INVALID_PREFIX } from '@shared/sync/engine';
import { bookingClashes, loanClashes, type BookingClash, type LoanClash } from '@shared/sync/clashes';
import { useLiveQuery } from '../../app/db';

/** Conflict kinds a person resolves in the inbox (refused / newer-version are shown in Settings → Sync). */
export const INBOX_KINDS: ConflictDoc['kind'][] = ['field', 'deleted-edited', 'cancelled-edited'];

export interface Inbox {
  conflicts: ConflictDoc[];
  bookingClashes: BookingClash[];
  loanClashes: LoanClash[];
  /** Documents the server refused ("could not sync") and documents from a newer app version. */
  refused: ConflictDoc[];
  /** Documents from a newer app version (held back, kept). */
  held: ConflictDoc[];
  /** Documents on the server that break the schema (held back, kept). */
  invalid: ConflictDoc[];
  count: number;
  loading: boolean;
}

const byNewest = (a: ConflictDoc, b: ConflictDoc) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0);

/** Everything sync asks a person to look at, live: open conflicts and clashes found in the current data. */
export function useInbox(): Inbox {
  const open = useLiveQuery((db) => db.conflicts.find({ selector: { status: 'open' } }), []);
  const dismissedDocs = useLiveQuery((db) => db.conflicts.find({ selector: { kind: 'dismissed-clash' } }), []);
  // past double bookings no longer need a decision: from yesterday on (a booking never spans more than a day)
  const since = dayjs().subtract(1, 'day').format('YYYY-MM-DD');
  const bookings = useLiveQuery((db) => db.bookings.find({ selector: { start: { $gte: since } } }), [since]);
  const rooms = useLiveQuery((db) => db.rooms.find(), []);
  const settings = useLiveQuery((db) => db.settings.findOne(SETTINGS_ID), []);
  const items = useLiveQuery((db) => db.items.find(), []);
  const loans = useLiveQuery((db) => db.loans.find({ selector: { status: 'open' } }), []);

  const conflicts = open.data as ConflictDoc[] | undefined;
  const dismissed = useMemo(() => new Set(((dismissedDocs.data ?? []) as ConflictDoc[]).map((d) => d.docId)), [dismissedDocs.data]);
  const bClashes = useMemo(
    () => bookingClashes((bookings.data ?? []) as BookingDoc[], (rooms.data ?? []) as RoomDoc[], (settings.data as SettingsDoc | null) ?? undefined, dismissed),
    [bookings.data, rooms.data, settings.data, dismissed],
  );
  const lClashes = useMemo(() => loanClashes((items.data ?? []) as ItemDoc[], (loans.data ?? []) as LoanDoc[], dismissed), [items.data, loans.data, dismissed]);

  return useMemo(() => {
    const all = [...(conflicts ?? [])].sort(byNewest);
    const inbox = all.filter((c) => INBOX_KINDS.includes(c.kind));
    return {
      conflicts: inbox,
      bookingClashes: bClashes,
      loanClashes: lClashes,
      refused: all.filter((c) => c.kind === 'refused'),
      held: all.filter((c) => c.kind === 'newer-version' && !String(c.fields[0] ?? '').startsWith(INVALID_PREFIX)),
      invalid: all.filter((c) => c.kind === 'newer-version' && String(c.fields[0] ?? '').startsWith(INVALID_PREFIX)),
      count: inbox.length + bClashes.length + lClashes.length,
      loading: open.loading || bookings.loading,
    };
  }, [conflicts, bClashes, lClashes, open.loading, bookings.loading]);
}
