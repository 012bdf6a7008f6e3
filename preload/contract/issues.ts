/** A zod failure in words: one Russian message for the banner, one per field for the form. Both sides use it. */
import type { z } from 'zod';

export interface Described {
  message: string;
  fieldErrors: Record<string, string>;
}

export function describeIssues(error: z.ZodError): Described {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.filter((p) => typeof p === 'string' || typeof p === 'number').join('.') || '_';
    if (!fieldErrors[key]) fieldErrors[key] = issue.message;
  }
  const messages = [...new Set(Object.values(fieldErrors))];
  const head = messages.slice(0, 3).join('; ');
  const more = messages.length > 3 ? ` и ещё ${messages.length - 3}` : '';
  return { message: `Проверьте данные: ${head}${more}.`, fieldErrors };
}
