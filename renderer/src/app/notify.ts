import { notifications } from '@mantine/notifications';
import { CallError } from './api';

export function notifyError(e: unknown) {
  const message = e instanceof CallError ? e.message : 'Непредвиденная ошибка. Данные не изменены.';
  notifications.show({ color: 'red', title: 'Не получилось', message, autoClose: 8000 });
}

export function notifyOk(message: string) {
  notifications.show({ color: 'teal', message, autoClose: 3000 });
}

/** Something done that is not a success: a refusal, a file not taken. Never green. */
export function notifyInfo(message: string) {
  notifications.show({ color: 'orange', message, autoClose: 6000 });
}
