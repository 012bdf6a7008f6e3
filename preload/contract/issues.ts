/** A zod failure in words: one Russian message for the banner, one per field for the form. Both sides use it. */
import type { z } from 'zod';

export interface Described {
  message: string;
  fieldErrors: Record<string, string>;
}

/** `fieldsAt`: the key of the input under which the form's fields sit; field errors are named from there. */
export function describeIssues(error: z.ZodError, fieldsAt?: string): Described {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = fieldsAt !== undefined && issue.path[0] === fieldsAt ? issue.path.slice(1) : issue.path;
    const key = path.filter((p) => typeof p === 'string' || typeof p === 'number').join('.') || '_';
    if (!fieldErrors[key]) fieldErrors[key] = issue.message;
  }
  const messages = [...new Set(Object.values(fieldErrors))];
  const head = messages.slice(0, 3).join('; ');
  const more = messages.length > 3 ? ` и ещё ${messages.length - 3}` : '';
  return { message: `Проверьте данные: ${head}${more}.`, fieldErrors };
}
