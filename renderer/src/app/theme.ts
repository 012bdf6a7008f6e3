import { createTheme } from '@mantine/core';
import { DateInput } from '@mantine/dates';

export const theme = createTheme({
  primaryColor: 'blue',
  fontFamily: '"PT Sans", "Segoe UI", "Noto Sans", "DejaVu Sans", Arial, sans-serif',
  defaultRadius: 'sm',
  headings: { fontFamily: '"PT Sans", "Segoe UI", "Noto Sans", "DejaVu Sans", Arial, sans-serif' },
  components: {
    // The calendar opens above its field when there is room, so in a form it does not cover «Сохранить»
    // at the bottom (it flips below only near the top of the window).
    DateInput: DateInput.extend({ defaultProps: { popoverProps: { position: 'top-start' } } }),
  },
});
