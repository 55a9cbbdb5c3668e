import { describe, expect, it } from 'vitest';
import { cleanSections, nextSection, validateSections } from './sections';

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
