import { Button, Group } from '@mantine/core';

/** A form's closing row, right-aligned: a button that leaves without saving, and the form's submit button. */
export function FormActions({ onCancel, cancelLabel, submitLabel, busy, color }: { onCancel: () => void; cancelLabel: string; submitLabel: string; busy?: boolean; color?: string }) {
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel}>
        {cancelLabel}
      </Button>
      <Button type="submit" loading={busy} color={color}>
        {submitLabel}
      </Button>
    </Group>
  );
}
