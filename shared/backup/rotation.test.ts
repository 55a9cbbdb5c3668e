import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AUTO_BACKUP_NAME, autoBackupName, autoBackupTime, backupsToDelete, isDailyBackupDue, lastAutoBackupTime, planAutoBackup } from './rotation';

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
    expect(autoBackupName('2026-03-20T07:05')).toBe('sosedi-desk-auto-2026-03-20-0705.json.gz');
    expect(autoBackupTime('sosedi-desk-auto-2026-03-20-0705.json')).toBe('2026-03-20T07:05'); // plain JSON from earlier versions
    expect(backupsToDelete(['sosedi-desk-auto-2026-03-19-0900.json', 'sosedi-desk-auto-2026-03-20-0900.json.gz'], 1)).toEqual(['sosedi-desk-auto-2026-03-19-0900.json']);
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

describe('planAutoBackup (what the automatic backup does now)', () => {
  const day = (d: number, hhmm = '0900') => `sosedi-desk-auto-2026-03-${String(d).padStart(2, '0')}-${hhmm}.json.gz`;

  it('does nothing when today already has a backup, unless forced', () => {
    const names = [day(19), day(20, '0815')];
    expect(planAutoBackup({ localNow: '2026-03-20T17:30', names, keep: 14 })).toBeNull();
    expect(planAutoBackup({ localNow: '2026-03-20T17:30', names, keep: 14, force: true })).toEqual({ name: day(20, '1730'), deleteNames: [] });
  });

  it('writes the first backup of a new day, named by the local time', () => {
    expect(planAutoBackup({ localNow: '2026-03-21T00:05', names: [], keep: 14 })).toEqual({ name: day(21, '0005'), deleteNames: [] });
  });

  it('deletes the oldest so that keep remain counting the new one; other files are never listed', () => {
    const names = [day(17), 'notes.txt', day(18), 'sosedi-desk-backup-2026-03-01-1200.json', day(19), day(20)];
    expect(planAutoBackup({ localNow: '2026-03-21T09:00', names, keep: 3 })).toEqual({ name: day(21), deleteNames: [day(18), day(17)] });
    expect(planAutoBackup({ localNow: '2026-03-21T09:00', names, keep: 1 })?.deleteNames.sort()).toEqual([day(17), day(18), day(19), day(20)]);
  });

  it('uses 14 when keep is missing or not a number, and never deletes the file it writes', () => {
    const names = Array.from({ length: 20 }, (_, i) => `sosedi-desk-auto-2026-02-${String(i + 1).padStart(2, '0')}-0900.json.gz`);
    expect(planAutoBackup({ localNow: '2026-03-01T09:00', names })?.deleteNames).toHaveLength(7);
    expect(planAutoBackup({ localNow: '2026-03-01T09:00', names, keep: Number.NaN })?.deleteNames).toHaveLength(7);
    // forced twice in the same minute: the same name is overwritten, not deleted
    const again = planAutoBackup({ localNow: '2026-02-20T09:00', names, keep: 2, force: true })!;
    expect(again.name).toBe(names[19]);
    expect(again.deleteNames).not.toContain(again.name);
    expect(again.deleteNames).toHaveLength(18);
  });

  it('knows the last backup time and the exact name pattern', () => {
    expect(lastAutoBackupTime(['x.json', day(3, '2200'), day(12, '0700'), day(9)])).toBe('2026-03-12T07:00');
    expect(lastAutoBackupTime(['x.json'])).toBeNull();
    expect(AUTO_BACKUP_NAME.test(day(3))).toBe(true);
    for (const bad of ['../sosedi-desk-auto-2026-03-03-0900.json', 'sosedi-desk-auto-2026-03-03-0900.json.tmp', 'sosedi-desk-auto-2026-03-03-09000.json', 'sosedi-desk-auto-٢٠٢٦-03-03-0900.json']) {
      expect(AUTO_BACKUP_NAME.test(bad), bad).toBe(false);
    }
  });

  it('property: a plan writes a valid name and leaves exactly min(keep, autos + 1) automatic backups', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 28 }), { maxLength: 28 }), fc.integer({ min: 1, max: 40 }), (days, keep) => {
        const names = days.map((d) => `sosedi-desk-auto-2026-02-${String(d).padStart(2, '0')}-0900.json`);
        const plan = planAutoBackup({ localNow: '2026-03-01T10:00', names, keep })!;
        expect(AUTO_BACKUP_NAME.test(plan.name)).toBe(true);
        const after = [...names.filter((n) => !plan.deleteNames.includes(n)), plan.name];
        expect(after).toHaveLength(Math.min(keep, names.length + 1));
        expect(plan.deleteNames.every((n) => names.includes(n))).toBe(true);
      }),
    );
  });
});
