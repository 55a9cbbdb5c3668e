/** Valid documents for the integration tests. */
import { stampNew, type Author } from '../../shared/db';

export const room = (by: Author, id: string, name = 'Зал') =>
  stampNew({ name, kind: 'hall', capacity: 40, archived: false }, by, id) as any;

export const person = (by: Author, id: string, name: string) => stampNew({ name, phone: '+7 900 000-00-00' }, by, id) as any;

export const booking = (by: Author, id: string, roomId: string, start: string, end: string, title: string, phone = '+7 900 111-11-11') =>
  stampNew(
    {
      roomId,
      sections: [],
      start,
      end,
      setupMinutes: 0,
      cleanupMinutes: 0,
      title,
      category: 'club',
      status: 'confirmed',
      organiser: { kind: 'free', refId: '', name: `Организатор ${title}`, phone },
    },
    by,
    id,
  ) as any;

export const visit = (by: Author, id: string, n: number) =>
  stampNew({ timeIn: '2026-11-22T10:00', purpose: 'visit', adults: n % 500 }, by, id) as any;
