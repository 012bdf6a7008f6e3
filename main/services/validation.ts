import type { z } from 'zod';
import { AppError } from './errors.js';

/** A zod failure → one Russian message for the banner and one per field for the form. */
export function zodToAppError(error: z.ZodError): AppError {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.filter((p) => typeof p === 'string' || typeof p === 'number').join('.') || '_';
    if (!fieldErrors[key]) fieldErrors[key] = issue.message;
  }
  const messages = [...new Set(Object.values(fieldErrors))];
  const head = messages.slice(0, 3).join('; ');
  const more = messages.length > 3 ? ` и ещё ${messages.length - 3}` : '';
  return new AppError('invalid_input', `Проверьте данные: ${head}${more}.`, fieldErrors);
}
