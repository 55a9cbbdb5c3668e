import { PasswordInput } from '@mantine/core';
import type { ComponentProps } from 'react';

/** A 4–6 digit PIN field: digits only, the number pad on a tablet, never remembered by the browser. */
export function PinInput(props: Omit<ComponentProps<typeof PasswordInput>, 'onChange'> & { onChange: (value: string) => void }) {
  const { onChange, ...rest } = props;
  return (
    <PasswordInput
      inputMode="numeric"
      autoComplete="off"
      maxLength={6}
      {...rest}
      onChange={(e) => onChange(e.currentTarget.value.replace(/\D/g, '').slice(0, 6))}
    />
  );
}
