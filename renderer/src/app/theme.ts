import { createTheme } from '@mantine/core';

export const theme = createTheme({
  // A user who asked the system for less motion (Windows: «Показывать анимацию» off; GNOME/Astra: reduce animation)
  // gets menus, lists and windows that appear at once instead of sliding in.
  respectReducedMotion: true,
  primaryColor: 'blue',
  fontFamily: '"PT Sans", "Segoe UI", "Noto Sans", "DejaVu Sans", Arial, sans-serif',
  defaultRadius: 'sm',
  headings: { fontFamily: '"PT Sans", "Segoe UI", "Noto Sans", "DejaVu Sans", Arial, sans-serif' },
});
