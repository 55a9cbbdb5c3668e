import { describe, expect, it } from 'vitest';
import { memoryUnsentStore, UnsentList } from './unsent';

describe('UnsentList', () => {
  it('a first take is the whole list; later takes are what changed since; a list as stored is no change', () => {
    const list = new UnsentList(true);
    list.restore('a', '1');
    expect(list.dirty).toBe(true);
    expect(list.take()).toMatchObject({ whole: true, set: new Map([['a', '1']]), removed: new Set() });
    expect(list.dirty).toBe(false);
    list.set('b', '2');
    list.set('c', '3');
    expect(list.delete('a')).toBe(true);
    expect(list.delete('x')).toBe(false);
    list.delete('c');
    const later = list.take();
    expect(later).toMatchObject({ whole: false, set: new Map([['b', '2']]), removed: new Set(['a', 'c']) });
    expect(later.all()).toEqual(new Map([['b', '2']]));
    expect([...list.keys()]).toEqual(['b']);
  });

  it('changes given back after a failed save go with the next take, as the list is by then', () => {
    const list = new UnsentList(false);
    list.set('a', '1');
    list.set('b', '1');
    const failed = list.take();
    list.set('a', '2'); // changed again after the take
    list.delete('b'); // and confirmed by the server
    list.giveBack(failed);
    expect(list.take()).toMatchObject({ whole: false, set: new Map([['a', '2']]), removed: new Set(['b']) });
    const whole = new UnsentList(true);
    whole.set('z', '1');
    whole.giveBack(whole.take());
    expect(whole.take().whole).toBe(true);
  });
});

describe('memoryUnsentStore (the layout of earlier desks)', () => {
  it('keeps a list with its checkpoint, applies changes, rejects when the memory refuses, and forgets', async () => {
    const m = new Map<string, string>();
    let refuse = false;
    const store = memoryUnsentStore({
      get: (k) => m.get(k) ?? null,
      set: (k, v) => {
        if (refuse) throw new DOMException('full', 'QuotaExceededError');
        m.set(k, v);
      },
      remove: (k) => void m.delete(k),
    });
    expect(await store.load('c@s', 'rooms')).toBeNull();
    const list = new Map([['a', '1'], ['b', '1']]);
    await store.save('c@s', 'rooms', { whole: true, set: list, removed: new Set(), all: () => list }, { id: 'b', lwt: 2 });
    list.delete('a');
    list.set('c', '2');
    await store.save('c@s', 'rooms', { whole: false, set: new Map([['c', '2']]), removed: new Set(['a']), all: () => list }, { id: 'c', lwt: 3 });
    expect(await store.load('c@s', 'rooms')).toEqual({ unsent: new Map([['b', '1'], ['c', '2']]), seen: { id: 'c', lwt: 3 } });
    expect(m.get('c@s/unsent/rooms')).toBe('{"b":"1","c":"2"}');
    refuse = true;
    await expect(store.save('c@s', 'rooms', { whole: false, set: new Map([['d', '4']]), removed: new Set(), all: () => new Map([...list, ['d', '4']]) }, { id: 'd', lwt: 4 })).rejects.toThrow('full');
    refuse = false;
    expect((await store.load('c@s', 'rooms'))?.seen).toEqual({ id: 'c', lwt: 3 });
    await store.forget('c@s', 'rooms');
    expect([...m.keys()]).toEqual([]);
  });
});
