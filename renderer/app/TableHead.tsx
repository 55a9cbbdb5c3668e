import { Table, VisuallyHidden } from '@mantine/core';

/**
 * A table's header row from its column names. A column named `{ hidden: 'Actions' }` is named for screen readers
 * only (a column of buttons needs no visible heading).
 */
export function TableHead({ columns }: { columns: readonly (string | { hidden: string })[] }) {
  return (
    <Table.Thead>
      <Table.Tr>
        {columns.map((c) => (
          <Table.Th key={typeof c === 'string' ? c : c.hidden}>{typeof c === 'string' ? c : <VisuallyHidden>{c.hidden}</VisuallyHidden>}</Table.Th>
        ))}
      </Table.Tr>
    </Table.Thead>
  );
}
