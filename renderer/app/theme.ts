import { createTheme, type MantineColorsTuple } from '@mantine/core';

// A deep teal with AA contrast on white at shade 7–9 (older volunteers, bright desk lights).
const desk: MantineColorsTuple = [
  '#e6f7f5', '#ccebe7', '#9dd6cf', '#6bc1b6', '#45afa1', '#2d9c8e', '#1f8a7d', '#12766a', '#07635a', '#004f47',
];

export const theme = createTheme({
  primaryColor: 'desk',
  primaryShade: 8,
  colors: { desk },
  fontFamily: '"PT Sans", "Segoe UI", Arial, sans-serif',
  headings: { fontFamily: '"PT Sans", "Segoe UI", Arial, sans-serif', fontWeight: '700' },
  // Readable type for the desk: body 17px, inputs large enough to hit.
  fontSizes: { xs: '14px', sm: '16px', md: '17px', lg: '19px', xl: '22px' },
  defaultRadius: 'md',
  focusRing: 'always',
  cursorType: 'pointer',
  components: {
    TextInput: { defaultProps: { size: 'md' } },
    NumberInput: { defaultProps: { size: 'md' } },
    Select: { defaultProps: { size: 'md' } },
    Button: { defaultProps: { size: 'md' } },
  },
});
