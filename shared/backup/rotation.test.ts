import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { autoBackupName, autoBackupTime, backupsToDelete, isDailyBackupDue } from './rotation';

describe('automatic backup rotation', () => {
  const files = [
    'sosedi-desk-auto-2026-03-18-0900.json',
    'sosedi-desk-auto-2026-03-20-0900.json',
    'notes.txt',
    'sosedi-desk-auto-2026-03-19-0905.json',
    'sosedi-desk-backup-2026-01-01-1200.json', // a person's own export: never deleted
    'sosedi-desk-auto-2026-03-17-2359.json',
    'sosedi-desk-auto-2026-3-1-900.json', // not our pattern
  ];

  it('keeps the newest N automatic backups and deletes only older automatic ones', () => {
    expect(backupsToDelete(files, 2).sort()).toEqual(['sosedi-desk-auto-2026-03-17-2359.json', 'sosedi-desk-auto-2026-03-18-0900.json']);
    expect(backupsToDelete(files, 10)).toEqual([]);
    expect(backupsToDelete(files, 0)).toHaveLength(3); // at least one is always kept
  });

  it('names sort by time and round-trip', () => {
    expect(autoBackupName('2026-03-20T07:05')).toBe('sosedi-desk-auto-2026-03-20-0705.json');
    expect(autoBackupTime(autoBackupName('2026-03-20T07:05'))).toBe('2026-03-20T07:05');
    expect(autoBackupTime('notes.txt')).toBeNull();
  });

  it('a backup is due once per local day', () => {
    expect(isDailyBackupDue(files, '2026-03-20T18:00')).toBe(false);
    expect(isDailyBackupDue(files, '2026-03-21T00:01')).toBe(true);
    expect(isDailyBackupDue([], '2026-03-21T00:01')).toBe(true);
  });

  it('property: keeps exactly min(N, autos) newest, never touches other files', () => {
    const stamp = fc.record({ d: fc.integer({ min: 0, max: 2000 }), m: fc.integer({ min: 0, max: 1439 }) }).map(({ d, m }) => {
      const date = new Date(Date.UTC(2025, 0, 1 + d)).toISOString().slice(0, 10);
      return autoBackupName(`${date}T${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`);
    });
    fc.assert(
      fc.property(fc.uniqueArray(stamp, { maxLength: 40 }), fc.array(fc.string(), { maxLength: 5 }), fc.integer({ min: 1, max: 30 }), (autos, others, keep) => {
        const del = backupsToDelete([...others.filter((o) => !autoBackupTime(o)), ...autos], keep);
        const kept = autos.filter((a) => !del.includes(a));
        expect(kept).toHaveLength(Math.min(keep, autos.length));
        expect(del.every((d) => autos.includes(d))).toBe(true);
        const newestKept = [...autos].sort().reverse().slice(0, keep);
        expect(kept.sort()).toEqual(newestKept.sort());
      }),
    );
  });
});
