import { describe, expect, it } from 'vitest';
import { readableDocs } from './readable';
import { generateDataset } from '../fixtures/generate';

const ds = generateDataset({ size: 'tiny', anchor: '2026-11-20T15:00' });

describe('readableDocs: one unreadable document is left out, the rest is read', () => {
  it('keeps every document of the dataset', () => {
    for (const [name, docs] of Object.entries(ds)) expect(readableDocs(name, docs as unknown[]), name).toHaveLength((docs as unknown[]).length);
  });

  it('looks at every date and time the schema names, nested ones too; an optional one may be empty or absent', () => {
    const loan = ds.loans[0]!;
    const line = loan.lines[0]!;
    const bad = [
      { ...loan, id: 'l1', outAt: '2026-02-31T10:00' },
      { ...loan, id: 'l2', returnedAt: '2026-01-01T24:00' },
      { ...loan, id: 'l3', lines: [{ ...line, returnedAt: '2026-13-01T10:00' }] },
      { ...loan, id: 'l4', dueAt: 20260101 },
    ];
    const fine = [{ ...loan, id: 'l5', returnedAt: '' }, { ...loan, id: 'l6', returnedAt: undefined }];
    expect(readableDocs('loans', [...bad, ...fine]).map((l) => l.id)).toEqual(['l5', 'l6']);
    const series = ds.series[0]!;
    expect(readableDocs('series', [{ ...series, exceptions: [{ occurrenceStart: '2026-02-29T18:00', kind: 'cancelled' }] }])).toEqual([]);
    expect(readableDocs('settings', [{ ...ds.settings[0]!, closures: [{ from: '2026-04-31', to: '2026-05-01', reason: '' }] }])).toEqual([]);
  });

  it('passes collections without dates, and unknown ones, through as they are', () => {
    const rooms = ds.rooms.slice(0, 2);
    expect(readableDocs('rooms', rooms)).toBe(rooms);
    expect(readableDocs('RxInternalDocument', rooms)).toBe(rooms);
  });
});
