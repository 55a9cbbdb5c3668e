import { Tabs } from '@mantine/core';

/** The large tab row under a section's title (inside Mantine's <Tabs>): one tab a value, in order. */
export function SectionTabs<T extends string>({ values, labelOf }: { values: readonly T[]; labelOf: (value: T) => string }) {
  return (
    <Tabs.List>
      {values.map((value) => (
        <Tabs.Tab key={value} value={value} fz="lg">
          {labelOf(value)}
        </Tabs.Tab>
      ))}
    </Tabs.List>
  );
}
