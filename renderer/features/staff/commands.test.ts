/**
 * The role check inside every coordinator-only command (#17): on a centre with staff, each command refuses a
 * volunteer on shift (nothing written), runs for a coordinator on shift, and runs once for a volunteer with a
 * coordinator's PIN — logged with both names. A centre without staff is open as before (nothing logged).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { createDatabase, stampNew, type Author, type DeskDatabase, type StaffDoc, type StaffRole } from '@shared/db';
import { emptyBooking } from '@shared/bookings/model';
import { buildBackup } from '@shared/backup';
import { hashPin } from '@shared/staff/pin';
import { person } from '@shared/people/testDocs';
import type { CoordinatorAction } from '@shared/staff/roles';

// the desk's browser pieces the commands touch (the profile name, localStorage), in Node
const store = new Map<string, string>();
vi.stubGlobal('window', { location: { search: '' } });
vi.stubGlobal('localStorage', {
  getItem: (k: string) => store.get(k) ?? null,
  setItem: (k: string, v: string) => void store.set(k, v),
  removeItem: (k: string) => void store.delete(k),
});

const { asCoordinator, staffCommands, StaffError } = await import('./commands');
const { offerApproval, shiftSession } = await import('./session');
const { eraseInDb, people } = await import('../people/commands');
const { centre, rooms } = await import('../settings/commands');
const { loans } = await import('../loans/commands');
const { bookingCommands } = await import('../calendar/commands');
const { restoreBackup } = await import('../reports/commands');
const { syncService } = await import('../sync/syncStore');

/** The cheapest cost verifyPin accepts (the real one is pinned in shared/staff/pin.test.ts). */
const CHEAP = { N: 2 ** 14, r: 8, p: 1 };
const author: Author = { desk: 'desk-1', volunteer: '' };
let db: DeskDatabase;
let staff: Record<'anna' | 'petr', StaffDoc>;

async function member(id: string, name: string, role: StaffRole, pin: string): Promise<StaffDoc> {
  return stampNew({ name, role, pin: await hashPin(pin, CHEAP), archived: false, pinSetAt: '2026-12-01T10:00:00.000Z' }, author, id) as StaffDoc;
}
const [anna, petr] = await Promise.all([member('st-anna', 'Анна', 'coordinator', '2580'), member('st-petr', 'Пётр', 'volunteer', '1357')]);

beforeEach(async () => {
  store.clear();
  db = await createDatabase({ name: 'staff-' + Math.random().toString(36).slice(2), storage: getRxStorageMemory(), multiInstance: false });
  await db.people.insert(person('p1', 'Зоя Удалова'));
  await db.rooms.insert(stampNew({ name: 'Зал', kind: 'hall', capacity: 40, archived: false, hourlyRate: 0, sections: [] }, author, 'r1') as never);
  await db.items.insert(stampNew({ name: 'Мяч', code: 'M1', tracking: 'counted', quantity: 3, archived: false }, author, 'i1') as never);
  staff = { anna, petr };
  shiftSession.end();
});
afterEach(async () => {
  await db.close();
});

const withStaff = () => db.staff.bulkInsert([staff.anna, staff.petr]);
const onShift = (s: StaffDoc) => shiftSession.begin({ id: s.id, name: s.name, role: s.role });
const desk = () => ({ db, author: { ...author, volunteer: shiftSession.get().onShift?.name ?? '' } });

/** One command per coordinator-only action, and what it changed (to see that a refusal changed nothing). */
const ACTIONS: { action: CoordinatorAction; run: () => Promise<unknown>; changed: () => Promise<boolean> }[] = [
  { action: 'person.erase', run: () => eraseInDb(db, 'p1', desk().author), changed: async () => (await db.people.findOne('p1').exec())!.erased === true },
  // refused before the file dialog: the allowed case would open one
  { action: 'person.export', run: () => people.exportData(desk(), 'p1'), changed: async () => false },
  { action: 'backup.restore', run: () => restoreBackup(desk(), buildBackup({}, { appVersion: 't', createdAt: '2026-12-01T10:00:00.000Z' })), changed: async () => false },
  { action: 'settings.retention', run: () => centre.save(desk(), { retentionDays: 30 }), changed: async () => (await db.settings.findOne('centre').exec())?.retentionDays === 30 },
  { action: 'settings.prices', run: () => centre.save(desk(), { currency: 'EUR' }), changed: async () => (await db.settings.findOne('centre').exec())?.currency === 'EUR' },
  {
    action: 'settings.prices',
    run: async () => {
      const { id: _i, createdAt: _c, updatedAt: _u, updatedBy: _b, ...fields } = (await db.rooms.findOne('r1').exec())!.toJSON();
      return rooms.save(desk(), { ...(fields as object), hourlyRate: 500 } as never, 'r1');
    },
    changed: async () => (await db.rooms.findOne('r1').exec())!.hourlyRate === 500,
  },
  { action: 'room.archive', run: () => rooms.setArchived(desk(), 'r1', true), changed: async () => (await db.rooms.findOne('r1').exec())!.archived },
  { action: 'item.archive', run: () => loans.setArchived({ db, by: desk().author }, 'i1', true), changed: async () => (await db.items.findOne('i1').exec())!.archived },
  {
    action: 'booking.priceOverride',
    run: () =>
      bookingCommands(desk()).saveBooking(
        emptyBooking({ roomId: 'r1', start: '2030-01-07T10:00', end: '2030-01-07T11:00', title: 'Лекция', price: 100, priceOverrideReason: 'скидка', organiser: { kind: 'free', refId: '', name: 'Организатор', phone: '' } }),
      ),
    changed: async () => (await db.bookings.count().exec()) > 0,
  },
  { action: 'staff.add', run: () => staffCommands.add(desk(), { name: 'Ольга', role: 'volunteer', pin: '4826' }), changed: async () => (await db.staff.count().exec()) > 2 },
  { action: 'staff.change', run: () => staffCommands.change(desk(), 'st-petr', { role: 'coordinator', pin: '7391' }), changed: async () => (await db.staff.findOne('st-petr').exec())!.role === 'coordinator' },
];

const auditRows = async () => (await db.audit.find().exec()).map((d) => d.toJSON());

describe('every coordinator-only command checks the role itself', () => {
  it.each(ACTIONS.map((a, i) => [`${a.action} #${i}`, a] as const))('%s: refused for a volunteer on shift, nothing changed, nothing logged', async (_, a) => {
    await withStaff();
    onShift(staff.petr);
    await expect(a.run()).rejects.toMatchObject({ code: 'staff.coordinatorRequired', actions: expect.arrayContaining([a.action]) });
    expect(await a.changed()).toBe(false);
    expect(await auditRows()).toEqual([]);
  });

  it.each(ACTIONS.map((a, i) => [`${a.action} #${i}`, a] as const))('%s: refused when nobody is on shift', async (_, a) => {
    await withStaff();
    await expect(a.run()).rejects.toMatchObject({ code: 'staff.notOnShift' });
    expect(await a.changed()).toBe(false);
  });

  const writing = ACTIONS.filter((a) => !['person.export', 'backup.restore'].includes(a.action));
  it.each(writing.map((a, i) => [`${a.action} #${i}`, a] as const))('%s: runs for a coordinator on shift and is logged', async (_, a) => {
    await withStaff();
    onShift(staff.anna);
    await a.run();
    expect(await a.changed()).toBe(true);
    expect(await auditRows()).toContainEqual(expect.objectContaining({ action: a.action, byName: 'Анна', approvedByName: '' }));
  });

  it('a volunteer’s erasure runs once with a coordinator’s PIN and is logged with both names; a wrong PIN is refused', async () => {
    await withStaff();
    onShift(staff.petr);
    offerApproval(['person.erase'], 'st-anna', '9999');
    await expect(eraseInDb(db, 'p1', desk().author)).rejects.toMatchObject({ code: 'pin.wrong' });
    expect((await db.people.findOne('p1').exec())!.erased).toBe(false);
    offerApproval(['person.erase'], 'st-petr', '1357'); // a volunteer's own PIN is no coordinator's
    await expect(eraseInDb(db, 'p1', desk().author)).rejects.toBeInstanceOf(StaffError);
    offerApproval(['person.erase'], 'st-anna', '2580');
    await eraseInDb(db, 'p1', desk().author);
    expect((await db.people.findOne('p1').exec())!.erased).toBe(true);
    expect(await auditRows()).toEqual([expect.objectContaining({ action: 'person.erase', subject: 'p1', byId: 'st-petr', byName: 'Пётр', approvedById: 'st-anna', approvedByName: 'Анна' })]);
    // once: the approval was used up
    await expect(eraseInDb(db, 'p1', desk().author)).rejects.toMatchObject({ code: 'staff.coordinatorRequired' });
  });

  it('an approval for one action does not open another', async () => {
    await withStaff();
    onShift(staff.petr);
    offerApproval(['room.archive'], 'st-anna', '2580');
    await expect(eraseInDb(db, 'p1', desk().author)).rejects.toMatchObject({ code: 'staff.coordinatorRequired' });
  });

  it('sync settings (save) are refused for a volunteer before anything is stored', async () => {
    await withStaff();
    onShift(staff.petr);
    await syncService.attach(db, desk().author);
    await expect(syncService.save({ url: 'https://couch.example.org', centre: 'dubki', user: 'desk' }, 'pw')).rejects.toMatchObject({ code: 'staff.coordinatorRequired' });
    await expect(syncService.stop()).rejects.toMatchObject({ code: 'staff.coordinatorRequired' });
    expect([...store.keys()].filter((k) => k.startsWith('sosedi.sync'))).toEqual([]);
    await syncService.detach();
  });

  it('a centre without staff is open as before: the action runs and nothing is logged', async () => {
    await eraseInDb(db, 'p1', { desk: 'desk-1', volunteer: 'Ольга' });
    expect((await db.people.findOne('p1').exec())!.erased).toBe(true);
    expect(await asCoordinator(desk(), 'room.archive', 'r1', async () => 'ran')).toBe('ran');
    expect(await auditRows()).toEqual([]);
  });

  it('the first staff member must be a coordinator, who is then on shift; the last coordinator cannot be archived', async () => {
    await expect(staffCommands.add(desk(), { name: 'Пётр', role: 'volunteer', pin: '1357' })).rejects.toMatchObject({ code: 'staff.firstCoordinator' });
    const first = await staffCommands.add(desk(), { name: 'Анна', role: 'coordinator', pin: '2580' });
    expect(first.recoveryCode).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    expect(shiftSession.get().onShift).toMatchObject({ id: first.id, role: 'coordinator' });
    await expect(staffCommands.change(desk(), first.id, { archived: true })).rejects.toMatchObject({ code: 'staff.lastCoordinator' });
  }, 30_000);
});
