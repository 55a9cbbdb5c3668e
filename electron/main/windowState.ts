/** Window size/position remembered between launches in userData/window-state.json. */
import { z } from 'zod';
import { readJsonFile, writeJsonFile } from './jsonFile';

const stateSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(400).max(20000),
  height: z.number().int().min(300).max(20000),
  maximized: z.boolean().default(false),
});
export type WindowState = z.infer<typeof stateSchema>;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1280, height: 860, maximized: false };

export function loadWindowState(file: string): WindowState {
  const parsed = stateSchema.safeParse(readJsonFile(file));
  return parsed.success ? parsed.data : { ...DEFAULT_WINDOW_STATE };
}

export function saveWindowState(file: string, state: WindowState): void {
  writeJsonFile(file, state);
}

/**
 * Keep the remembered position only if a good part of the window (its title bar area)
 * is on a display that still exists; otherwise let the OS place it. Size is capped to the
 * largest work area.
 */
export function fitToWorkAreas(state: WindowState, workAreas: readonly Rect[]): WindowState {
  if (workAreas.length === 0) return state;
  const maxW = Math.max(...workAreas.map((a) => a.width));
  const maxH = Math.max(...workAreas.map((a) => a.height));
  const width = Math.min(state.width, maxW);
  const height = Math.min(state.height, maxH);
  const { x, y } = state;
  if (x === undefined || y === undefined) return { ...state, width, height, x: undefined, y: undefined };
  const visible = workAreas.some((a) => {
    const overlapW = Math.min(x + width, a.x + a.width) - Math.max(x, a.x);
    const titleOnScreen = y >= a.y && y < a.y + a.height - 40;
    return overlapW >= 100 && titleOnScreen;
  });
  return visible ? { ...state, width, height } : { ...state, width, height, x: undefined, y: undefined };
}
