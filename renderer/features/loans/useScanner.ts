import { useEffect, useRef } from 'react';

/**
 * A USB scanner types a code in a few ms per key, then Enter. A burst counts as a scan when its keys
 * came on average at most this many ms apart (an average, so that one hiccup of a busy machine does
 * not lose a scan); a pause longer than SCAN_PAUSE_MS starts a new burst.
 */
export const SCAN_MAX_AVG_GAP_MS = 60;
export const SCAN_PAUSE_MS = 400;
export const SCAN_MIN_LENGTH = 3;

function isTextField(el: EventTarget | null): boolean {
  if (!(el instanceof HTMLElement)) return false;
  if (el.isContentEditable) return true;
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) return true;
  if (el instanceof HTMLInputElement) return !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file'].includes(el.type);
  return el.getAttribute('role') === 'combobox' || el.getAttribute('role') === 'textbox';
}

/**
 * Listens on the whole page for a scanner burst — fast keystrokes ending with Enter — while the focus is
 * not in a text field (text fields, like the visible scan field, take the code themselves).
 * The Enter of a recognised burst is swallowed so that it does not press a focused button.
 */
export function useScanner(onScan: (code: string) => void, enabled = true): void {
  const handler = useRef(onScan);
  handler.current = onScan;
  useEffect(() => {
    if (!enabled) return;
    let buffer = '';
    let first = 0;
    let last = 0;
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.altKey || e.metaKey || isTextField(e.target)) {
        buffer = '';
        return;
      }
      const paused = e.timeStamp - last > SCAN_PAUSE_MS;
      last = e.timeStamp;
      if (e.key === 'Enter') {
        const code = buffer;
        buffer = '';
        if (!paused && code.length >= SCAN_MIN_LENGTH && (e.timeStamp - first) / code.length <= SCAN_MAX_AVG_GAP_MS) {
          e.preventDefault();
          e.stopPropagation();
          handler.current(code);
        }
        return;
      }
      if (e.key.length !== 1) return; // Shift etc. are part of a burst; they neither add nor break it
      if (paused || buffer === '') {
        buffer = '';
        first = e.timeStamp;
      }
      buffer += e.key;
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [enabled]);
}
