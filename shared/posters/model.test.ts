import { describe, expect, test } from 'vitest';
import { buildPosterDays, diffPoster, nextWeek, posterDescription, shortenDescription, snapshotOf, weekOf } from './model';
import { FIXTURE_WEEK, fixtureSources } from './fixtures';

const all = { ...FIXTURE_WEEK, roomIds: [], categories: [] };

describe('poster week', () => {
  test('default is next Monday–Sunday, also on a Monday and a Sunday', () => {
    expect(nextWeek('2026-11-22')).toEqual({ from: '2026-11-23', to: '2026-11-29' }); // Sunday
    expect(nextWeek('2026-11-23')).toEqual({ from: '2026-11-30', to: '2026-12-06' }); // Monday
    expect(nextWeek('2026-12-30')).toEqual({ from: '2027-01-04', to: '2027-01-10' });
    expect(weekOf('2026-11-26')).toEqual({ from: '2026-11-23', to: '2026-11-29' });
  });
});

describe('buildPosterDays', () => {
  test('only public, non-cancelled events of the week, grouped by day and sorted', () => {
    const days = buildPosterDays(fixtureSources(), all);
    expect(days.map((d) => d.date)).toEqual(['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29']);
    const keys = days.flatMap((d) => d.events.map((e) => e.key));
    expect(keys).not.toContain('b-private');
    expect(keys).not.toContain('b-cancelled');
    expect(keys).toHaveLength(7);
    expect(days[5]!.events.map((e) => e.start.slice(11))).toEqual(['10:00', '15:00']);
    expect(days[6]!.events).toEqual([]);
  });
  test('filters by room and category; events outside the week are left out', () => {
    const studio = buildPosterDays(fixtureSources(), { ...all, roomIds: ['studio'] });
    expect(studio.flatMap((d) => d.events.map((e) => e.roomName))).toEqual(['Студия', 'Студия', 'Студия']);
    const lectures = buildPosterDays(fixtureSources(), { ...all, categories: ['lecture'] });
    expect(lectures.flatMap((d) => d.events.map((e) => e.key))).toEqual(['b-lecture']);
    const next = buildPosterDays(fixtureSources(), { from: '2026-11-30', to: '2026-12-06', roomIds: [], categories: [] });
    expect(next.flatMap((d) => d.events)).toEqual([]);
  });
  test('long descriptions are shortened at a word', () => {
    const long = 'слово '.repeat(60);
    const short = shortenDescription(long, 50);
    expect(short.length).toBeLessThanOrEqual(51);
    expect(short.endsWith('слово…')).toBe(true);
  });
  test('a description that repeats the title keeps only what it adds', () => {
    expect(posterDescription('Хор «Рябинушка»', 'Хор «Рябинушка». Вход свободный.')).toBe('Вход свободный.');
    expect(posterDescription('Хор «Рябинушка»', 'хор  «Рябинушка» — для всех')).toBe('для всех');
    expect(posterDescription('Концерт хора', 'Концерт хора')).toBe('');
    // Not a repeat: the title is only the start of a longer word or phrase.
    expect(posterDescription('Хор', 'Хоровое пение для всех')).toBe('Хоровое пение для всех');
    expect(posterDescription('Йога', 'Мягкая йога для начинающих')).toBe('Мягкая йога для начинающих');
    expect(posterDescription('', 'Вход свободный.')).toBe('Вход свободный.');
    const days = buildPosterDays([{ ...fixtureSources()[0]!, title: 'Кинопоказ', publicDescription: 'Кинопоказ. Вход свободный.' }], all);
    expect(days.flatMap((d) => d.events.map((e) => e.description))).toEqual(['Вход свободный.']);
  });
});

describe('diffPoster', () => {
  test('marks added, removed, moved and renamed events', () => {
    const printed = snapshotOf(buildPosterDays(fixtureSources(), all));
    const now = fixtureSources()
      .filter((s) => s.key !== 'b-party')
      .map((s) => (s.key === 'b-lecture' ? { ...s, start: '2026-11-25T18:00', end: '2026-11-25T19:30' } : s))
      .map((s) => (s.key === 'b-cooking' ? { ...s, title: 'Пироги с яблоками' } : s));
    now.push({ ...fixtureSources()[0]!, key: 'b-new', start: '2026-11-29T12:00', end: '2026-11-29T13:00', title: 'Новое' });
    const changes = diffPoster(printed, snapshotOf(buildPosterDays(now, all)));
    expect(changes.map((c) => [c.kind, c.key])).toEqual([
      ['moved', 'b-lecture'],
      ['renamed', 'b-cooking'],
      ['removed', 'b-party'],
      ['added', 'b-new'],
    ]);
    expect(diffPoster(printed, printed)).toEqual([]);
  });
});
