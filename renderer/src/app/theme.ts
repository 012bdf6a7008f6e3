import { createTheme } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'blue',
  fontFamily: '"PT Sans", "Segoe UI", "Noto Sans", "DejaVu Sans", Arial, sans-serif',
  defaultRadius: 'sm',
  headings: { fontFamily: '"PT Sans", "Segoe UI", "Noto Sans", "DejaVu Sans", Arial, sans-serif' },
});
