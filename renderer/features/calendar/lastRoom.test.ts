import { describe, expect, it } from 'vitest';
import { defaultRoom } from './lastRoom';

const room = (id: string, kind: 'hall' | 'room' | 'kitchen', sections = 0, bookable = true) => ({
  id,
  kind,
  bookable,
  sections: Array.from({ length: sections }, (_, i) => ({ id: String(i), name: String(i) })),
});

describe('defaultRoom', () => {
  const rooms = [room('studio', 'room'), room('kitchen', 'kitchen'), room('hall', 'hall', 3)];
  it('the room last booked, else the divisible hall, never simply the first room', () => {
    expect(defaultRoom(rooms, null)?.id).toBe('hall');
    expect(defaultRoom(rooms, 'kitchen')?.id).toBe('kitchen');
    expect(defaultRoom(rooms, 'gone')?.id).toBe('hall');
    expect(defaultRoom([room('studio', 'room'), room('big', 'hall')], null)?.id).toBe('big');
    expect(defaultRoom([room('studio', 'room', 0, false), room('kitchen', 'kitchen')], 'studio')?.id).toBe('kitchen');
  });
});
