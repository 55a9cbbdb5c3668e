import { describe, expect, it } from 'vitest';
import { bookingClashes, loanClashes } from './clashes';

const by = { desk: 'd', volunteer: 'v' };
const base = { createdAt: '2026-11-01T00:00:00Z', updatedAt: '2026-11-01T00:00:00Z', updatedBy: by };
const room = (id: string, sections: { id: string; name: string }[] = []) =>
  ({ ...base, id, name: id, kind: 'hall', capacity: 40, archived: false, bookable: true, sections, setupMinutes: 0, cleanupMinutes: 0 }) as any;
const bk = (id: string, roomId: string, start: string, end: string, extra: object = {}) =>
  ({ ...base, id, roomId, sections: [], start, end, setupMinutes: 0, cleanupMinutes: 0, title: id, category: 'club', status: 'confirmed', organiser: { kind: 'free', refId: '', name: `Org ${id}`, phone: '1' }, ...extra }) as any;

describe('clashes between documents', () => {
  it('lists an offline double booking once, with a free room at the same time', () => {
    const rooms = [room('hall'), room('kitchen')];
    const list = bookingClashes([bk('b2', 'hall', '2026-12-01T18:00', '2026-12-01T20:00', { createdAt: '2026-11-02T00:00:00Z' }), bk('b1', 'hall', '2026-12-01T19:00', '2026-12-01T21:00')], rooms);
    expect(list).toHaveLength(1);
    expect(list[0]!.key).toBe('booking:b1|b2');
    expect(list[0]!.alternatives.some((s) => s.roomId === 'kitchen')).toBe(true);
    expect(bookingClashes([bk('b1', 'hall', '2026-12-01T18:00', '2026-12-01T20:00'), bk('b2', 'hall', '2026-12-01T20:00', '2026-12-01T21:00')], rooms)).toHaveLength(0);
    expect(bookingClashes([bk('b1', 'hall', '2026-12-01T18:00', '2026-12-01T20:00'), bk('b2', 'hall', '2026-12-01T19:00', '2026-12-01T21:00', { status: 'cancelled' })], rooms)).toHaveLength(0);
    expect(bookingClashes([bk('b1', 'hall', '2026-12-01T18:00', '2026-12-01T20:00'), bk('b2', 'hall', '2026-12-01T19:00', '2026-12-01T21:00')], rooms, undefined, new Set(['booking:b1|b2']))).toHaveLength(0);
  });

  it('finds the last unit lent twice', () => {
    const item = { ...base, id: 'proj', name: 'Проектор', code: 'SD-1', tracking: 'single', quantity: 1, archived: false } as any;
    const loan = (id: string) => ({ ...base, id, status: 'open', borrower: { personId: '', groupId: '', name: id, phone: '' }, bookingId: '', lines: [{ itemId: 'proj', quantity: 1, returnedQuantity: 0 }], outAt: '2026-11-22T10:00', dueAt: '2026-11-29T10:00' }) as any;
    expect(loanClashes([item], [loan('l1')])).toHaveLength(0);
    const c = loanClashes([item], [loan('l1'), loan('l2')]);
    expect(c).toHaveLength(1);
    expect(c[0]!.out).toBe(2);
    expect(c[0]!.loans.map((l) => l.id)).toEqual(['l1', 'l2']);
  });
});
