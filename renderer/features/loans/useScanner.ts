import { useEffect, useRef } from 'react';
import { continuesBurst, scannedCode, type BurstKey } from './scanBurst';

type Editable = HTMLInputElement | HTMLTextAreaElement;

function isEditable(el: EventTarget | null): el is Editable {
  if (el instanceof HTMLTextAreaElement) return true;
  return el instanceof HTMLInputElement && !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file'].includes(el.type);
}

function isTextField(el: EventTarget | null): boolean {
  if (isEditable(el)) return true;
  if (!(el instanceof HTMLElement)) return false;
  if (el.isContentEditable || el instanceof HTMLSelectElement) return true;
  return el.getAttribute('role') === 'combobox' || el.getAttribute('role') === 'textbox';
}

/** A field's text and caret before a burst, to put back once the burst turns out to be a scan. */
interface Snapshot {
  el: Editable;
  value: string;
  start: number | null;
  end: number | null;
}

function snapshotOf(el: EventTarget | null): Snapshot | null {
  if (!isEditable(el)) return null;
  let start: number | null = null;
  let end: number | null = null;
  try {
    start = el.selectionStart;
    end = el.selectionEnd;
  } catch {
    // number inputs have no selection
  }
  return { el, value: el.value, start, end };
}

/** Puts the field's text back the way React sees a person's edit (the native setter, then an input event). */
function restore(s: Snapshot): void {
  if (s.el.value === s.value) return;
  const proto = s.el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(s.el, s.value);
  s.el.dispatchEvent(new Event('input', { bubbles: true }));
  try {
    if (s.start !== null && s.end !== null) s.el.setSelectionRange(s.start, s.end);
  } catch {
    // number inputs have no selection
  }
}

export interface ScannerOptions {
  enabled?: boolean;
  /**
   * For a burst typed into a text field: whether the code is one the page knows (an item's code). Only then
   * is it taken from the field as a scan; anything else stays typing.
   */
  accepts?: (code: string) => boolean;
}

/**
 * Listens on the whole page for a scanner burst — fast keystrokes ending with Enter, judged by the keys' own
 * timestamps (see scanBurst.ts) — wherever the focus is. In a text field the burst's characters land in the
 * field as they come; once the Enter shows it was a scan of a known code, the field gets its own text back and
 * the code goes to `onScan`. The Enter of a recognised burst is swallowed so that it does not press a focused
 * button or submit a form.
 */
export function useScanner(onScan: (code: string) => void, options: ScannerOptions = {}): void {
  const { enabled = true } = options;
  const handler = useRef(onScan);
  handler.current = onScan;
  const accepts = useRef(options.accepts);
  accepts.current = options.accepts;
  useEffect(() => {
    if (!enabled) return;
    /** The burst so far, each key with the field's text before it (a scan may follow typing without a pause). */
    let keys: (BurstKey & { before: Snapshot | null })[] = [];
    let last: number | undefined;
    let target: EventTarget | null = null;
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.altKey || e.metaKey) {
        keys = [];
        return;
      }
      const at = e.timeStamp;
      const continues = continuesBurst(last, at) && e.target === target;
      last = at;
      if (e.key === 'Enter') {
        const burst = continues ? keys : [];
        keys = [];
        const inField = isTextField(e.target);
        // The longest tail of the burst that came at a scanner's pace (and, in a field, is a known code).
        for (let i = 0; i < burst.length; i++) {
          const code = scannedCode(burst.slice(i), at);
          if (code === null || (inField && !(accepts.current?.(code) ?? false))) continue;
          e.preventDefault();
          e.stopPropagation();
          const before = burst[i]!.before;
          if (before) restore(before);
          handler.current(code);
          return;
        }
        return;
      }
      if (e.key.length !== 1) return; // Shift etc. are part of a burst; they neither add nor break it
      if (!continues) {
        keys = [];
        target = e.target;
      }
      keys.push({ key: e.key, at, before: snapshotOf(e.target) });
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [enabled]);
}
