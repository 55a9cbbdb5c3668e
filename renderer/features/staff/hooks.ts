/**
 * Staff: the live list and log, who is on shift, the staff commands bound to this desk, and `useCoordinator`, which
 * runs a coordinator-only command and, when the one on shift is a volunteer, asks for a coordinator's PIN
 * (ApprovalDialog) and runs it once more with it.
 */
import { useCallback, useMemo, useSyncExternalStore } from 'react';
import type { AuditDoc, StaffDoc } from '@shared/db';
import type { CoordinatorAction } from '@shared/staff/roles';
import { useAuthor, useCommands, useDb, useLiveQuery } from '../../app/db';
import type { Author, DeskDatabase } from '@shared/db';
import { StaffError, staffCommands, staffCode, type NewStaff, type StaffChange } from './commands';
import { offerApproval, shiftSession, withdrawApproval, type Session } from './session';
import { approvalRequests } from './approvalStore';

/** Every staff member, archived ones last; `loading` until the first answer. */
export function useStaff(): { staff: StaffDoc[]; active: StaffDoc[]; loading: boolean } {
  const { data, loading } = useLiveQuery((db) => db.staff.find(), []);
  return useMemo(() => {
    const staff = [...((data as StaffDoc[] | undefined) ?? [])].sort((a, b) => Number(a.archived) - Number(b.archived) || a.name.localeCompare(b.name, 'ru'));
    return { staff, active: staff.filter((s) => !s.archived), loading };
  }, [data, loading]);
}

/** The newest entries of the log of sensitive actions. */
export function useAuditLog(limit = 200): AuditDoc[] {
  const { data } = useLiveQuery((db) => db.audit.find({ sort: [{ at: 'desc' }], limit }), [limit]);
  return (data as AuditDoc[] | undefined) ?? [];
}

export function useShift(): Session {
  return useSyncExternalStore(shiftSession.subscribe, shiftSession.get);
}

export function useStaffActions() {
  return useCommands((desk) => {
    return {
      add: (fields: NewStaff) => staffCommands.add(desk, fields),
      change: (id: string, changes: StaffChange) => staffCommands.change(desk, id, changes),
      startShift: (id: string, pin: string) => staffCommands.startShift(desk, id, pin),
      recover: (id: string, code: string, pin: string) => staffCommands.recover(desk, id, code, pin),
      setIdleMinutes: (minutes: number) => staffCommands.setIdleMinutes(desk, minutes),
      lock: () => shiftSession.lock('manual'),
      endShift: () => shiftSession.end(),
    };
  });
}

/**
 * A feature's commands bound to this desk (like useCommands) together with the coordinator gates: `gate` for a
 * call whose cancelled PIN prompt should throw (the form stays open), `coordinator` for one that returns it.
 */
export function useGatedCommands<T>(
  bind: (desk: { db: DeskDatabase; author: Author }, gates: { gate: ReturnType<typeof useGate>; coordinator: ReturnType<typeof useCoordinator> }) => T,
): T {
  const db = useDb();
  const author = useAuthor();
  const gate = useGate();
  const coordinator = useCoordinator();
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `bind` only closes over what it is given
  return useMemo(() => bind({ db, author }, { gate, coordinator }), [db, author, gate, coordinator]);
}

/** A coordinator-only action whose PIN prompt was cancelled: nothing was done (attemptWrite stays quiet). */
export class ApprovalCancelled extends Error {
  readonly quiet = true;
  constructor() {
    super('staff.cancelled');
  }
}

/**
 * useCoordinator for hooks that return the command's own value: a cancelled prompt throws ApprovalCancelled, so
 * the form stays open as typed.
 */
export function useGate() {
  const coordinator = useCoordinator();
  return useCallback(
    async <T,>(call: () => Promise<T>): Promise<T> => {
      const r = await coordinator(call);
      if (!r.ok) throw new ApprovalCancelled();
      return r.value;
    },
    [coordinator],
  );
}

/** What a coordinator-gated call gave: its value, or `cancelled` when no coordinator approved it. */
export type Gated<T> = { ok: true; value: T } | { ok: false; cancelled: true };

/**
 * Runs `call` (which calls one or more coordinator-only commands). Refused for want of a coordinator → the PIN
 * dialog asks one, naming the action; each PIN entered runs `call` once more with that approval (a wrong PIN is said
 * in the dialog). Other errors are thrown as they are.
 */
export function useCoordinator() {
  return useCallback(async <T,>(call: () => Promise<T>): Promise<Gated<T>> => {
    let actions: readonly CoordinatorAction[];
    try {
      return { ok: true, value: await call() };
    } catch (e) {
      if (!(e instanceof StaffError) || e.code !== 'staff.coordinatorRequired') throw e;
      actions = e.actions;
    }
    return new Promise<Gated<T>>((resolve, reject) => {
      approvalRequests.open({
        actions,
        async attempt(staffId, pin) {
          offerApproval(actions, staffId, pin);
          try {
            const value = await call();
            resolve({ ok: true, value });
            return null;
          } catch (e) {
            const code = staffCode(e);
            if (code === 'pin.wrong' || code === 'pin.locked') return { code, waitMs: (e as { waitMs?: number }).waitMs ?? 0 };
            reject(e);
            return null;
          } finally {
            withdrawApproval();
          }
        },
        cancel: () => resolve({ ok: false, cancelled: true }),
      });
    });
  }, []);
}
