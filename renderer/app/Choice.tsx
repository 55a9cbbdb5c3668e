import { SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { useId } from 'react';

interface ChoiceProps<T extends string> {
  label: string;
  /** The values offered, in order, and the words for each. */
  values: readonly T[];
  labelOf: (value: T) => string;
  value: T;
  onChange: (value: T) => void;
  disabled?: boolean;
}

const optionsOf = <T extends string>(values: readonly T[], labelOf: (value: T) => string) => values.map((value) => ({ value, label: labelOf(value) }));

/** A few values side by side, one chosen (a segmented control), with a visible label that also names it for screen readers. */
export function SegmentedChoice<T extends string>({ label, values, labelOf, value, onChange, disabled, size, fullWidth }: ChoiceProps<T> & { size?: 'sm' | 'md'; fullWidth?: boolean }) {
  const id = useId();
  return (
    <Stack gap={4}>
      <Text component="span" size="sm" fw={500} id={id}>
        {label}
      </Text>
      <SegmentedControl aria-labelledby={id} size={size} fullWidth={fullWidth} disabled={disabled} value={value} onChange={(v) => onChange(v as T)} data={optionsOf(values, labelOf)} />
    </Stack>
  );
}

/** One of a fixed list of values, from a drop-down that always keeps a value. */
export function SelectChoice<T extends string>({ label, values, labelOf, value, onChange, disabled }: ChoiceProps<T>) {
  return <Select label={label} data={optionsOf(values, labelOf)} value={value} onChange={(v) => v && onChange(v as T)} allowDeselect={false} disabled={disabled} />;
}
