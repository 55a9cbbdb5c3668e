import { useRef, type ReactNode } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';

interface Props<T> {
  items: T[];
  /** Accessible name of the list. */
  label: string;
  /** A first guess of a row's height; rows are measured as they render (a long name wraps to a second line). */
  estimatedRowHeight?: number;
  height?: number | string;
  getKey: (item: T) => string;
  renderRow: (item: T) => ReactNode;
}

/**
 * A long list that only renders the rows in view (thousands of people stay fast). Rows are as tall as their
 * content: a name too long for the column wraps instead of being cut with "…" (a volunteer reads it whole without
 * hovering). Measured sizes are kept per item, so a row keeps its height when a search moves it up or down.
 */
export function VirtualList<T>({ items, label, estimatedRowHeight = 64, height = '60vh', getKey, renderRow }: Props<T>) {
  const parentRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => parentRef.current,
    estimateSize: () => estimatedRowHeight,
    getItemKey: (index) => getKey(items[index]!),
    overscan: 8,
  });
  return (
    <div ref={parentRef} style={{ height, overflowY: 'auto' }}>
      <ul aria-label={label} style={{ height: virtualizer.getTotalSize(), position: 'relative', listStyle: 'none', margin: 0, padding: 0 }}>
        {virtualizer.getVirtualItems().map((row) => {
          const item = items[row.index]!;
          return (
            <li
              key={row.key}
              ref={virtualizer.measureElement}
              data-index={row.index}
              aria-setsize={items.length}
              aria-posinset={row.index + 1}
              style={{ position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${row.start}px)` }}
            >
              {renderRow(item)}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
