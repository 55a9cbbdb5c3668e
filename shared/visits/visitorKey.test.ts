import { describe, expect, it } from 'vitest';
import { visitorKey, visitorKeyCache } from './visitorKey';

describe('visitorKey', () => {
  it('is the same for one person within a calendar year, different across years and people, and shows no id', () => {
    const k = visitorKey('person-7f3a', '2026-03-02T10:00');
    expect(k).toMatch(/^[0-9a-f]{24}$/);
    expect(k).not.toContain('7f3a');
    expect(visitorKey('person-7f3a', '2026-12-31T23:59')).toBe(k);
    expect(visitorKey('person-7f3a', '2025-12-31T23:59')).not.toBe(k);
    expect(visitorKey('person-7f3b', '2026-03-02T10:00')).not.toBe(k);
    expect(visitorKeyCache()('person-7f3a', '2026-05-01T09:00')).toBe(k);
  });
});
