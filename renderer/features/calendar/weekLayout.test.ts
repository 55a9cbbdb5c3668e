import { describe, expect, it } from 'vitest';
import { LANE_PX, MIN_DAY_PX, lanesNeeded, weekDayWidths } from './weekLayout';

const at = (d: number, from: string, to: string) => ({ start: new Date(`2030-03-0${d}T${from}`), end: new Date(`2030-03-0${d}T${to}`) });

describe('week view day widths', () => {
  it('counts the lanes of the busiest moment, not the events of the day', () => {
    expect(lanesNeeded([])).toBe(0);
    // back to back: one lane
    expect(lanesNeeded([at(4, '10:00', '11:00'), at(4, '11:00', '12:00')])).toBe(1);
    // three at once at 18:00, two others earlier
    expect(lanesNeeded([at(4, '10:00', '12:00'), at(4, '11:00', '13:00'), at(4, '17:30', '19:00'), at(4, '18:00', '20:00'), at(4, '17:00', '21:00')])).toBe(3);
  });

  it('gives each lane a readable width, and quiet days a normal column', () => {
    const widths = weekDayWidths(new Date(2030, 2, 4), [at(4, '18:00', '20:00'), at(4, '18:00', '20:00'), at(4, '18:30', '19:00'), at(5, '10:00', '11:00')]);
    expect(widths).toHaveLength(7);
    expect(widths[0]).toBeGreaterThanOrEqual(3 * LANE_PX);
    expect(widths[1]).toBe(MIN_DAY_PX);
    expect(widths.slice(2)).toEqual([MIN_DAY_PX, MIN_DAY_PX, MIN_DAY_PX, MIN_DAY_PX, MIN_DAY_PX]);
  });
});
