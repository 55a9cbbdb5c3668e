import { useEffect, useRef, useState, type KeyboardEvent } from 'react';

/**
 * The quantity field to focus after a scan of a counted item, so that "5" can be typed at once: right after the
 * scan the first digit typed replaces the quantity ("5" means five, not "25"); any other key first, and it is an
 * ordinary number field again.
 */
export interface QuantityFocus {
  /** Focus (and select) this item's quantity field once it is shown. */
  request: (itemId: string) => void;
  /** The ref callback of an item's quantity field. */
  ref: (itemId: string) => (el: HTMLInputElement | null) => void;
  /** The field's keydown handler: the first digit after a scan replaces the quantity through `set`. */
  freshDigit: (itemId: string, set: (n: number) => void) => (e: KeyboardEvent<HTMLInputElement>) => void;
}

export function useQuantityFocus(): QuantityFocus {
  const [focusQty, setFocusQty] = useState<{ itemId: string; n: number } | null>(null);
  const fields = useRef(new Map<string, HTMLInputElement>());
  const freshUsed = useRef(0);
  useEffect(() => {
    if (!focusQty) return;
    const el = fields.current.get(focusQty.itemId);
    if (!el) return;
    el.focus();
    // Selected once the field shows the new number (the number field puts its caret at the end on each change).
    const frame = requestAnimationFrame(() => {
      if (document.activeElement === el) el.select();
    });
    return () => cancelAnimationFrame(frame);
  }, [focusQty]);
  return {
    request: (itemId) => setFocusQty({ itemId, n: Date.now() }),
    ref: (itemId) => (el) => {
      if (el) fields.current.set(itemId, el);
      else fields.current.delete(itemId);
    },
    freshDigit: (itemId, set) => (e) => {
      if (focusQty?.itemId !== itemId || freshUsed.current === focusQty.n) return;
      freshUsed.current = focusQty.n;
      if (!/^\d$/.test(e.key) || e.ctrlKey || e.altKey || e.metaKey) return;
      e.preventDefault();
      set(Number(e.key));
    },
  };
}
