import { Group, Paper, Stack, Title } from '@mantine/core';
import { useId, type ReactNode } from 'react';

/** A titled section of a page (a landmark named by its heading), with optional buttons beside the title. */
export function Panel({ title, actions, children }: { title: ReactNode; actions?: ReactNode; children: ReactNode }) {
  const id = useId();
  const heading = (
    <Title order={3} id={id}>
      {title}
    </Title>
  );
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id}>
      <Stack>
        {actions ? (
          <Group justify="space-between">
            {heading}
            <Group gap="xs">{actions}</Group>
          </Group>
        ) : (
          heading
        )}
        {children}
      </Stack>
    </Paper>
  );
}
