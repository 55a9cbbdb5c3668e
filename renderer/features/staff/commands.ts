/**
 * The staff commands: set up and change staff, start a shift with a PIN, recover a coordinator's lost PIN, and the
 * role check every coordinator-only command runs first (`asCoordinator`). The check reads the staff list from the
 * database itself, so no screen can skip it; what it allowed is written to the log (`audit`) with who did it and,
 * when a coordinator entered their PIN for a volunteer, both names.
 */
import { nowInstant, stampChange, stampNew, type AuditAction, type Author, type DeskDatabase, type StaffDoc, type StaffRole } from '@shared/db';
import { checkGated } from '@shared/staff/attempts';
import { hashPin, pinProblem, verifyPin } from '@shared/staff/pin';
import { hashRecoveryCode, newRecoveryCode, verifyRecoveryCode } from '@shared/staff/recovery';
import { activeStaff, authorise, leavesNoCoordinator, staffNameProblem, type Actor, type CoordinatorAction } from '@shared/staff/roles';
import { loadAttempts, saveAttempts, shiftSession, storeIdleMinutes, takeApproval } from './session';

interface Desk {
  db: DeskDatabase;
  author: Author;
}

/** A refusal with a code (the screens map codes to words); `waitMs` with 'pin.locked'. */
export class StaffError extends Error {
  constructor(
    readonly code: string,
    readonly waitMs = 0,
    /** With 'staff.coordinatorRequired': the actions asked for (the PIN prompt names them). */
    readonly actions: readonly CoordinatorAction[] = [],
  ) {
    super(code);
  }
}

/** The code of a StaffError (or of any error thrown with a `code`), else null. */
export function staffCode(e: unknown): string | null {
  return e instanceof StaffError ? e.code : null;
}

export async function loadStaff(db: DeskDatabase): Promise<StaffDoc[]> {
  return (await db.staff.find().exec()).map((d) => d.toJSON() as StaffDoc);
}

async function log(db: DeskDatabase, author: Author, action: AuditAction, subject: string, by: Actor, approvedBy: Actor | null): Promise<void> {
  const at = nowInstant();
  await db.audit.insert(stampNew({ action, subject, byId: by.id, byName: by.name, approvedById: approvedBy?.id ?? '', approvedByName: approvedBy?.name ?? '', at }, author));
}

/** Checks a PIN (or a recovery code) against the per-desk rate limit; throws pin.wrong / pin.locked. */
async function checkSecret(key: string, verify: () => Promise<boolean>): Promise<void> {
  const result = await checkGated(loadAttempts(key), Date.now(), verify);
  saveAttempts(key, result.attempts);
  if (!result.ok) throw new StaffError(result.code, result.code === 'pin.locked' ? result.waitMs : 0);
}

const checkMemberPin = (member: StaffDoc, pin: string) => checkSecret(member.id, () => verifyPin(pin, member.pin));

/**
 * Runs a coordinator-only action: allowed on a desk without staff (as before), for a coordinator on shift, or for a
 * volunteer on shift whose request a coordinator approved with their PIN (offered through ./session.ts for this one
 * action). Refused with staff.notOnShift / staff.coordinatorRequired / pin.wrong / pin.locked. What ran is logged
 * (only once staff exist: a desk without staff has no one to name).
 */
export async function asCoordinator<T>({ db, author }: Desk, action: CoordinatorAction | readonly CoordinatorAction[], subject: string, run: () => Promise<T>): Promise<T> {
  const actions = typeof action === 'string' ? [action] : action;
  if (actions.length === 0) return run();
  const approval = takeApproval(actions);
  const staff = await loadStaff(db);
  const onShift = shiftSession.get().onShift;
  let verdict = authorise(staff, onShift, null, author.volunteer);
  if (!verdict.ok && verdict.code === 'staff.coordinatorRequired' && approval) {
    const approver = activeStaff(staff).find((s) => s.id === approval.staffId && s.role === 'coordinator');
    if (!approver) throw new StaffError('pin.wrong');
    await checkMemberPin(approver, approval.pin);
    verdict = authorise(staff, onShift, approver, author.volunteer);
  }
  if (!verdict.ok) throw new StaffError(verdict.code, 0, actions);
  const result = await run();
  if (activeStaff(staff).length > 0) for (const a of actions) await log(db, author, a, subject, verdict.by, verdict.approvedBy);
  return result;
}

/** Starts a shift (or unlocks the desk) after the member's PIN. */
async function startShift({ db, author }: Desk, staffId: string, pin: string): Promise<void> {
  const member = activeStaff(await loadStaff(db)).find((s) => s.id === staffId);
  if (!member) throw new StaffError('staff.missing');
  await checkMemberPin(member, pin);
  const same = shiftSession.get().onShift?.id === member.id;
  shiftSession.begin({ id: member.id, name: member.name, role: member.role });
  if (!same) await log(db, { ...author, volunteer: member.name }, 'shift.start', member.id, { id: member.id, name: member.name }, null);
}

export interface NewStaff {
  name: string;
  role: StaffRole;
  pin: string;
}

/** A coordinator's PIN comes with a recovery code (shown once, stored as a hash); null for a volunteer. */
async function secretsFor(role: StaffRole, pin: string): Promise<{ pin: StaffDoc['pin']; recovery?: StaffDoc['recovery']; code: string | null }> {
  const problem = pinProblem(pin);
  if (problem) throw new StaffError(problem);
  if (role !== 'coordinator') return { pin: await hashPin(pin), code: null };
  const code = newRecoveryCode();
  const [hashed, recovery] = await Promise.all([hashPin(pin), hashRecoveryCode(code)]);
  return { pin: hashed, recovery, code };
}

/**
 * Adds a member. On a desk without staff only a coordinator can be the first (who is then on shift); after that
 * only a coordinator may add staff. Returns the new id and, for a coordinator, the recovery code to show once.
 */
async function add(desk: Desk, fields: NewStaff): Promise<{ id: string; recoveryCode: string | null }> {
  const staff = await loadStaff(desk.db);
  const nameProblem = staffNameProblem(staff, fields.name);
  if (nameProblem) throw new StaffError(nameProblem);
  const first = activeStaff(staff).length === 0;
  if (first && fields.role !== 'coordinator') throw new StaffError('staff.firstCoordinator');
  const write = async () => {
    const { pin, recovery, code } = await secretsFor(fields.role, fields.pin);
    const doc = stampNew({ name: fields.name.trim(), role: fields.role, pin, ...(recovery ? { recovery } : {}), archived: false, pinSetAt: nowInstant() }, desk.author);
    await desk.db.staff.insert(doc);
    return { id: doc.id, recoveryCode: code };
  };
  if (!first) return asCoordinator(desk, 'staff.add', '', write);
  const created = await write();
  const name = fields.name.trim();
  shiftSession.begin({ id: created.id, name, role: 'coordinator' });
  await log(desk.db, { ...desk.author, volunteer: name }, 'staff.add', created.id, { id: created.id, name }, null);
  return created;
}

export interface StaffChange {
  name?: string;
  role?: StaffRole;
  archived?: boolean;
  /** A new PIN (set by a coordinator, e.g. a volunteer forgot theirs). */
  pin?: string;
}

/** Changes a member (coordinator only); never leaves the centre without a coordinator. Returns a new recovery code when a coordinator's PIN was set. */
async function change(desk: Desk, id: string, changes: StaffChange): Promise<{ recoveryCode: string | null }> {
  return asCoordinator(desk, 'staff.change', id, async () => {
    const staff = await loadStaff(desk.db);
    const doc = await desk.db.staff.findOne(id).exec();
    const member = staff.find((s) => s.id === id);
    if (!doc || !member) throw new StaffError('staff.missing');
    const after = { role: changes.role ?? member.role, archived: changes.archived ?? member.archived };
    if (leavesNoCoordinator(staff, id, after)) throw new StaffError('staff.lastCoordinator');
    if (changes.name !== undefined) {
      const problem = staffNameProblem(staff, changes.name, id);
      if (problem) throw new StaffError(problem);
    }
    let patch: Partial<StaffDoc> = { ...after, ...(changes.name !== undefined ? { name: changes.name.trim() } : {}) };
    let recoveryCode: string | null = null;
    if (changes.pin !== undefined || (after.role === 'coordinator' && !member.recovery)) {
      if (changes.pin === undefined) throw new StaffError('pin.format'); // a new coordinator needs a PIN set with them
      const secrets = await secretsFor(after.role, changes.pin);
      patch = { ...patch, pin: secrets.pin, pinSetAt: nowInstant(), ...(secrets.recovery ? { recovery: secrets.recovery } : {}) };
      recoveryCode = secrets.code;
      saveAttempts(id, { failures: 0, lockedUntil: null });
    }
    await doc.incrementalPatch(stampChange(patch, desk.author));
    return { recoveryCode };
  });
}

/**
 * A coordinator who lost their PIN: the recovery code (rate-limited like a PIN) sets a new PIN and is used up; a new
 * code is returned to show once. The recovered coordinator is then on shift.
 */
async function recover(desk: Desk, id: string, code: string, newPin: string): Promise<{ recoveryCode: string }> {
  const member = activeStaff(await loadStaff(desk.db)).find((s) => s.id === id && s.role === 'coordinator');
  const stored = member?.recovery;
  if (!member || !stored) throw new StaffError('recovery.none');
  const problem = pinProblem(newPin);
  if (problem) throw new StaffError(problem);
  await checkSecret(`recovery:${id}`, () => verifyRecoveryCode(code, stored));
  const secrets = await secretsFor('coordinator', newPin);
  const doc = await desk.db.staff.findOne(id).exec();
  if (!doc) throw new StaffError('staff.missing');
  const by = { ...desk.author, volunteer: member.name };
  await doc.incrementalPatch(stampChange({ pin: secrets.pin, recovery: secrets.recovery!, pinSetAt: nowInstant() }, by));
  saveAttempts(id, { failures: 0, lockedUntil: null });
  shiftSession.begin({ id: member.id, name: member.name, role: member.role });
  await log(desk.db, by, 'staff.recover', member.id, { id: member.id, name: member.name }, null);
  return { recoveryCode: secrets.code! };
}

/** How long this desk waits without a key or a click before it locks (coordinator only). */
async function setIdleMinutes(desk: Desk, minutes: number): Promise<void> {
  await asCoordinator(desk, 'staff.change', 'idle', async () => storeIdleMinutes(minutes));
}

export const staffCommands = { add, change, startShift, recover, setIdleMinutes };
