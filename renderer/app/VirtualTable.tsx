import { useRef, type ReactNode } from 'react';
import { Table } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';

interface VirtualTableProps<T> {
  rows: readonly T[];
  /** Accessible name of the table. */
  label: string;
  head: ReactNode[];
  rowKey: (row: T) => string;
  renderCells: (row: T) => ReactNode;
  /** A first guess of a row's height; rows are measured as they render. */
  estimate?: number;
  striped?: boolean;
  /** Narrower than this, the box scrolls sideways too (a wide log on a small window). */
  minWidth?: number;
  /**
   * Rows with nothing to focus (a history): the scroll box itself takes the focus, named after the table, so the
   * list scrolls with the arrow keys. Rows with buttons need not: tabbing to a button scrolls it into view.
   */
  focusable?: boolean;
}

/**
 * A long table that renders only the rows in (and near) view inside its own scroll box: 600 catalogue items were
 * ~15,000 DOM nodes. It stays a real table for screen readers (aria-rowcount / aria-rowindex say where a row is);
 * the header stays on top while it scrolls. Short tables render whole.
 */
export function VirtualTable<T>({ rows, label, head, rowKey, renderCells, estimate = 58, striped, minWidth, focusable }: VirtualTableProps<T>) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => estimate, overscan: 12 });
  const items = virtualizer.getVirtualItems();
  const before = items[0]?.start ?? 0;
  const after = items.length ? virtualizer.getTotalSize() - items[items.length - 1]!.end : 0;
  return (
    <div ref={scroller} style={{ maxHeight: '70vh', overflow: 'auto' }} {...(focusable ? { tabIndex: 0, role: 'region', 'aria-label': label } : {})}>
      <Table aria-label={label} aria-rowcount={rows.length + 1} fz="md" striped={striped} stickyHeader miw={minWidth}>
        <Table.Thead>
          <Table.Tr aria-rowindex={1}>
            {head.map((c, i) => (
              <Table.Th key={i}>{c}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {before > 0 && <tr aria-hidden style={{ height: before }} />}
          {items.map((v) => {
            const row = rows[v.index]!;
            return (
              <Table.Tr key={rowKey(row)} ref={virtualizer.measureElement} data-index={v.index} aria-rowindex={v.index + 2}>
                {renderCells(row)}
              </Table.Tr>
            );
          })}
          {after > 0 && <tr aria-hidden style={{ height: after }} />}
        </Table.Tbody>
      </Table>
    </div>
  );
}
