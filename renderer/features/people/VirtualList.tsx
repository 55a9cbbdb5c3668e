import { useRef, type ReactNode } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';

interface Props<T> {
  items: T[];
  /** Accessible name of the list. */
  label: string;
  rowHeight?: number;
  height?: number | string;
  getKey: (item: T) => string;
  renderRow: (item: T) => ReactNode;
}

/** A long list that only renders the rows in view (thousands of people stay fast). */
export function VirtualList<T>({ items, label, rowHeight = 64, height = '60vh', getKey, renderRow }: Props<T>) {
  const parentRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: items.length, getScrollElement: () => parentRef.current, estimateSize: () => rowHeight, overscan: 8 });
  return (
    <div ref={parentRef} style={{ height, overflowY: 'auto' }}>
      <ul aria-label={label} style={{ height: virtualizer.getTotalSize(), position: 'relative', listStyle: 'none', margin: 0, padding: 0 }}>
        {virtualizer.getVirtualItems().map((row) => {
          const item = items[row.index]!;
          return (
            <li
              key={getKey(item)}
              aria-setsize={items.length}
              aria-posinset={row.index + 1}
              style={{ position: 'absolute', top: 0, left: 0, width: '100%', height: row.size, transform: `translateY(${row.start}px)` }}
            >
              {renderRow(item)}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
