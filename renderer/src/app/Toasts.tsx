import { Notifications } from '@mantine/notifications';

/**
 * Bottom left, no wider than the navigation (250 px less the margins): under its last item a message covers
 * neither tabs, buttons, a form's footer nor the first column of a list (the names) on a 1366×768 laptop.
 */
export function Toasts() {
  return <Notifications position="bottom-left" containerWidth={226} limit={3} />;
}
