import type { ReactNode } from 'react';
import { Table, Text } from '@mantine/core';
import type { CSSProperties } from 'react';

/** Phone numbers and similar never break mid-number ("+7 909 027-90-⏎05"). */
export const NOWRAP: CSSProperties = { whiteSpace: 'nowrap' };

/** The header row every loans table starts with. */
export function HeadRow({ cells }: { cells: ReactNode[] }) {
  return (
    <Table.Thead>
      <Table.Tr>
        {cells.map((c, i) => (
          <Table.Th key={i}>{c}</Table.Th>
        ))}
      </Table.Tr>
    </Table.Thead>
  );
}

/** What a tab says when its list is empty (announced to screen readers). */
export function EmptyNote({ text }: { text: string }) {
  return (
    <Text size="lg" role="status">
      {text}
    </Text>
  );
}
