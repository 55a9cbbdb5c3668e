import { describe, expect, it } from 'vitest';
import { periodOf } from '@shared/reports';
import ru from '../../app/i18n/locales/ru/reports.json' with { type: 'json' };
import en from '../../app/i18n/locales/en/reports.json' with { type: 'json' };
import { dateRange } from './period';

const fill = (template: string, values: Record<string, string>) => template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => values[k] ?? '');

describe('the comparison note', () => {
  it.each([['ru', ru], ['en', en]] as const)('reads as one sentence with the dates in the locale’s words, never ending in ".." (%s)', (lang, words) => {
    const values = { current: dateRange(periodOf('month', '2026-11-15'), lang), previous: dateRange(periodOf('month', '2026-10-15'), lang) };
    for (const template of [words.period.comparedWhole, words.period.comparedSameDays]) {
      const text = fill(template, values);
      expect(text).not.toMatch(/\.\.|\d{4}-\d\d-\d\d/);
      expect(text).toContain(values.previous);
      expect(text).toMatch(/[.)]$/); // a Russian date ends in "г.", which ends the sentence too
    }
    expect(values.previous).toMatch(lang === 'ru' ? /октября 2026/ : /October/);
  });
});
