import { createTheme, type MantineColorsTuple } from '@mantine/core';

// A deep teal with AA contrast on white at shade 7–9 (older volunteers, bright desk lights).
const desk: MantineColorsTuple = [
  '#e6f7f5', '#ccebe7', '#9dd6cf', '#6bc1b6', '#45afa1', '#2d9c8e', '#1f8a7d', '#12766a', '#07635a', '#004f47',
];

// Mantine's red, yellow and orange at the shades the desk uses (8 = filled, light-variant text, alert titles) are below
// 4.5:1 on white and on their own light tints (#e03131: 4.28:1 on #f8f9fa; #e8590c: 3.01:1 on its tint). Darker 6–9.
const red: MantineColorsTuple = ['#fff5f5', '#ffe3e3', '#ffc9c9', '#ffa8a8', '#ff8787', '#ff6b6b', '#d63030', '#c92a2a', '#b02525', '#8f1d1d'];
const yellow: MantineColorsTuple = ['#fff9db', '#fff3bf', '#ffec99', '#ffe066', '#ffd43b', '#fcc419', '#b86b00', '#ad6200', '#9c5700', '#8f4f00'];
const orange: MantineColorsTuple = ['#fff4e6', '#ffe8cc', '#ffd8a8', '#ffc078', '#ffa94d', '#ff922b', '#d9480f', '#c2410c', '#a8420a', '#8a3508'];

export const theme = createTheme({
  primaryColor: 'desk',
  primaryShade: 8,
  colors: { desk, red, yellow, orange },
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
    // the date fields as tall as the text fields beside them (Mantine's default is smaller), their calendars' days larger
    DateInput: { defaultProps: { size: 'md' } },
    DatePickerInput: { defaultProps: { size: 'md' } },
    Button: { defaultProps: { size: 'md' } },
  },
});
