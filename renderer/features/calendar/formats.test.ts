import { describe, expect, it } from 'vitest';
import { agendaDayLabel, agendaRangeLabel, weekDayLabel, weekRangeLabel } from './formats';

const d = (s: string) => new Date(`${s}T00:00:00`);

describe('calendar date labels in the locale’s own format', () => {
  it('English: no zero-padded days, no numeric day/month/year', () => {
    const week = weekRangeLabel({ start: d('2026-12-07'), end: d('2026-12-13') }, 'en-gb');
    expect(week).toMatch(/^7\s*–\s*13 December 2026$/);
    expect(week).not.toMatch(/07|December 0/);
    const agenda = agendaRangeLabel({ start: d('2026-12-08'), end: d('2027-01-07') }, 'en-gb');
    expect(agenda).toMatch(/^8 December 2026\s*–\s*7 January 2027$/);
    expect(agenda).not.toMatch(/\d\d\/\d\d/);
    expect(agendaDayLabel(d('2026-12-07'), 'en-gb')).toMatch(/Mon.*7 Dec/);
    expect(weekDayLabel(d('2026-12-07'), 'en-gb')).toMatch(/Mon.*7/);
  });

  it('Russian: months in the genitive, a week across New Year names both years', () => {
    expect(weekRangeLabel({ start: d('2026-12-07'), end: d('2026-12-13') }, 'ru')).toMatch(/^7\s*–\s*13 декабря 2026/);
    expect(weekRangeLabel({ start: d('2026-12-28'), end: d('2027-01-03') }, 'ru')).toMatch(/28 декабря 2026.*3 января 2027/);
  });
});
