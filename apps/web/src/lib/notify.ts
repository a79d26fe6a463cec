import { notifications } from '@mantine/notifications';
import { isApiError } from './api.ts';

/** Shows a failed action as a red toast with the server's user-safe message. */
export function notifyError(error: unknown, title = 'That did not work'): void {
  const message = isApiError(error) || error instanceof Error ? error.message : 'Unexpected error';
  notifications.show({ color: 'red', title, message, autoClose: 8000 });
}

export function notifySuccess(message: string): void {
  notifications.show({ color: 'teal', message, autoClose: 4000 });
}
