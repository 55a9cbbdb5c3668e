import { describe, expect, it } from 'vitest';
import { bookingsUsingSections, cleanSections, nextSection, removedSectionKeys, validateSections } from './sections';

describe('hall sections', () => {
  it('accepts distinct short ids with labels', () => {
    expect(validateSections([{ id: 'A', name: 'Сцена' }, { id: 'B', name: 'У окон' }])).toEqual([{}, {}]);
  });

  it('refuses a missing, too long or repeated id (case and spaces do not make it different), and a missing label', () => {
    const rows = validateSections([
      { id: 'A', name: 'Сцена' },
      { id: ' a ', name: 'Ещё А' },
      { id: '', name: 'Без ключа' },
      { id: 'ОченьДлинныйКлючСекции', name: 'x' },
      { id: 'C', name: '  ' },
    ]);
    expect(rows).toEqual([
      { id: 'section.duplicate-id' },
      { id: 'section.duplicate-id' },
      { id: 'section.no-id' },
      { id: 'section.id-too-long' },
      { name: 'section.no-name' },
    ]);
  });

  it('offers the next free letter and trims what is stored', () => {
    expect(nextSection([])).toEqual({ id: 'A', name: 'A' });
    expect(nextSection([{ id: 'A', name: '' }, { id: 'c', name: '' }])).toEqual({ id: 'B', name: 'B' });
    expect(cleanSections([{ id: ' A ', name: ' Сцена ' }])).toEqual([{ id: 'A', name: 'Сцена' }]);
  });
});

describe('removing a section that bookings use', () => {
  const abc = [
    { id: 'A', name: 'A' },
    { id: 'B', name: 'B' },
    { id: 'C', name: 'Сцена' },
  ];
  it('finds the keys an edit removes, ignoring case, spaces and renamed labels', () => {
    expect(removedSectionKeys(abc, [{ id: ' a ', name: 'Левая' }, { id: 'C', name: 'C' }])).toEqual(['B']);
    expect(removedSectionKeys(abc, abc)).toEqual([]);
    expect(removedSectionKeys(abc, [])).toEqual(['A', 'B', 'C']);
  });
  it('lists the live bookings of that room naming a removed section', () => {
    const b = (id: string, roomId: string, sections: string[], status = 'confirmed') => ({ id, roomId, sections, status });
    const all = [b('1', 'hall', ['B']), b('2', 'hall', ['a', 'b']), b('3', 'hall', ['C']), b('4', 'hall', []), b('5', 'hall', ['B'], 'cancelled'), b('6', 'room2', ['B'])];
    expect(bookingsUsingSections(all, 'hall', ['B']).map((o) => o.id)).toEqual(['1', '2']);
    expect(bookingsUsingSections(all, 'hall', [])).toEqual([]);
  });
});
