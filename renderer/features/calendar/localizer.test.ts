import dayjs from 'dayjs';
import { dayjsLocalizer } from 'react-big-calendar';
import { describe, expect, it } from 'vitest';
import { fastDayjsLocalizer } from './localizer';

// The fast localizer must answer exactly like react-big-calendar's dayjs one, in any time zone the test runs in
// (a Moscow-like zone without DST, or one with DST changes: dates are spread over several years).
const slow = dayjsLocalizer(dayjs) as unknown as Record<string, (...args: unknown[]) => unknown>;
const fast = fastDayjsLocalizer() as unknown as Record<string, (...args: unknown[]) => unknown>;

let seed = 12345;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const base = new Date(2024, 0, 1).getTime();
/** Dates on minute boundaries (what the calendar builds), some at midnight, over four years. */
function randomDate(): Date {
  const day = Math.floor(random() * 1460);
  const d = new Date(base);
  d.setDate(d.getDate() + day);
  if (random() < 0.2) return d;
  d.setHours(Math.floor(random() * 24), Math.floor(random() * 60));
  return d;
}
function randomSpan(): { start: Date; end: Date; allDay?: boolean } {
  const start = randomDate();
  const r = random();
  const end = new Date(+start + (r < 0.1 ? 0 : r < 0.2 ? Math.floor(random() * 3) * 86_400_000 : Math.floor(random() * 600) * 60_000));
  return { start, end, allDay: random() < 0.1 };
}

describe('fastDayjsLocalizer', () => {
  it('answers like the dayjs localizer on random dates and events', () => {
    for (let i = 0; i < 600; i++) {
      const a = randomDate();
      const b = random() < 0.3 ? new Date(a) : randomDate();
      const evtA = randomSpan();
      const evtB = randomSpan();
      const range = { start: randomDate(), end: randomDate() };
      const minutes = Math.floor(random() * 1440);
      const cases: [string, unknown[]][] = [
        ['startOf', [a, 'day']],
        ['startOf', [a, 'month']],
        ['eq', [a, b]],
        ['eq', [a, b, 'day']],
        ['eq', [a, b, 'month']],
        ['isSameDate', [a, b]],
        ...(['lt', 'lte', 'gt', 'gte'] as const).flatMap((op) => [undefined, 'day', 'minutes', 'month'].map((unit): [string, unknown[]] => [op, [a, b, unit]])),
        ['diff', [a, b, 'day']],
        ['diff', [evtA.start, evtA.end, 'day']],
        ['diff', [a, b, 'minutes']],
        ['ceil', [a, 'day']],
        ['ceil', [evtA.end, 'day']],
        ['min', [a, b]],
        ['max', [a, b]],
        ['merge', [a, b]],
        ['getSlotDate', [a, minutes, 30]],
        ['getMinutesFromMidnight', [a]],
        ['continuesPrior', [a, b]],
        ['continuesAfter', [a, a, b]],
        ['startOf', [evtA.end, 'day']],
        ['sortEvents', [{ evtA, evtB }]],
        ['inEventRange', [{ event: evtA, range }]],
        ['inRange', [a, range.start, range.end, 'day']],
        ['inRange', [a, evtA.start, evtA.end, 'day']],
        ['inRange', [startOfDay(a), startOfDay(a), b, 'day']],
        ['inRange', [a, range.start, range.end, 'minutes']],
        ['inRange', [a, range.start, range.end, 'month']],
        ['inRange', [a, range.start, range.end]],
        ['inEventRange', [{ event: { start: startOfDay(a), end: startOfDay(a) }, range: { start: startOfDay(a), end: range.end } }]],
      ];
      for (const [name, args] of cases) {
        const want = slow[name]!(...args);
        const got = fast[name]!(...args);
        const norm = (x: unknown) => (x instanceof Date ? x.getTime() : typeof x === 'number' ? Math.sign(x) * (name === 'sortEvents' ? 1 : Math.abs(x)) : x);
        expect(norm(got), `${name}(${args.map((x) => JSON.stringify(x)).join(', ')})`).toEqual(norm(want));
      }
    }
  });

  it('keeps the dayjs formatting and week helpers', () => {
    const d = new Date(2025, 2, 14, 9, 5);
    expect(fast.format!(d, 'HH:mm', 'ru')).toBe('09:05');
  });
});

function startOfDay(d: Date): Date {
  return new Date(d.getFullYear(), d.getMonth(), d.getDate());
}
