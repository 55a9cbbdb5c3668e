import { useSyncExternalStore } from 'react';

/**
 * A value kept outside React (localStorage, a module's state) and the components that show it: `changed()` after
 * the value changed, `use(read)` in a component reads it and renders again on every `changed()`.
 */
export function changeSignal() {
  const listeners = new Set<() => void>();
  const subscribe = (onChange: () => void) => {
    listeners.add(onChange);
    return () => void listeners.delete(onChange);
  };
  return {
    subscribe,
    changed(): void {
      for (const l of listeners) l();
    },
    /** For hooks and components only (it is a React hook). */
    use<T>(read: () => T): T {
      return useSyncExternalStore(subscribe, read);
    },
  };
}
