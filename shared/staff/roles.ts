/**
 * Who may do what at the desk. Pure: the commands (renderer/features/<f>/commands.ts) read the staff list and pass
 * it in, so every screen goes through the same check.
 *
 * - A desk whose centre has no staff set up is open as before (no one is locked out by an update): every action is
 *   allowed and logged under the typed name.
 * - Once staff exist, an action needs someone on shift who is still on the list; a coordinator-only action needs
 *   that person to be a coordinator, or a coordinator who entered their PIN for this one action (`approver`:
 *   the caller has checked that PIN).
 */
import { COORDINATOR_ACTIONS, type StaffDoc, type StaffRole } from '../db/schemas';

export { COORDINATOR_ACTIONS };
export type CoordinatorAction = (typeof COORDINATOR_ACTIONS)[number];

/** Who the desk says is on shift (set after their PIN was checked). */
export interface OnShift {
  id: string;
  name: string;
  role: StaffRole;
}

export interface Actor {
  id: string;
  name: string;
}

export type Authority =
  | { ok: true; by: Actor; approvedBy: Actor | null }
  | { ok: false; code: 'staff.notOnShift' | 'staff.coordinatorRequired' };

/** Staff who count: not archived. */
export const activeStaff = (staff: readonly StaffDoc[]): StaffDoc[] => staff.filter((s) => !s.archived);

/**
 * May this coordinator-only action run now? `staff`: the whole list (archived ones are ignored); `onShift`: who the
 * desk says is on shift; `approver`: the coordinator whose PIN was just checked for this action, if any;
 * `typedName`: the free-text name of a desk without staff.
 */
export function authorise(staff: readonly StaffDoc[], onShift: OnShift | null, approver: StaffDoc | null, typedName: string): Authority {
  const active = activeStaff(staff);
  if (active.length === 0) return { ok: true, by: { id: '', name: typedName }, approvedBy: null };
  // the list decides, not what the desk remembers: a role taken away since the shift began no longer counts
  const me = onShift ? active.find((s) => s.id === onShift.id) : undefined;
  if (!me) return { ok: false, code: 'staff.notOnShift' };
  const by = { id: me.id, name: me.name };
  if (me.role === 'coordinator') return { ok: true, by, approvedBy: null };
  const ok = approver ? active.find((s) => s.id === approver.id && s.role === 'coordinator') : undefined;
  if (!ok) return { ok: false, code: 'staff.coordinatorRequired' };
  return { ok: true, by, approvedBy: { id: ok.id, name: ok.name } };
}

/** A change to the staff list would leave no coordinator (the last one archived or made a volunteer). */
export function leavesNoCoordinator(staff: readonly StaffDoc[], id: string, after: { role: StaffRole; archived: boolean }): boolean {
  const others = activeStaff(staff).filter((s) => s.id !== id && s.role === 'coordinator');
  return others.length === 0 && (after.archived || after.role !== 'coordinator');
}

export type StaffNameProblem = 'staff.name' | 'staff.duplicate';

/** A name must be given and differ from every other active member's (people pick it from a list). */
export function staffNameProblem(staff: readonly StaffDoc[], name: string, id?: string): StaffNameProblem | null {
  const clean = name.trim();
  if (!clean) return 'staff.name';
  const key = clean.toLocaleLowerCase('ru');
  return activeStaff(staff).some((s) => s.id !== id && s.name.trim().toLocaleLowerCase('ru') === key) ? 'staff.duplicate' : null;
}
