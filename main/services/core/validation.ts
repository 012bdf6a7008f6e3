import type { z } from 'zod';
import { describeIssues } from '../../../preload/contract/issues.js';
import { AppError } from './errors.js';

/** A zod failure → one Russian message for the banner and one per field for the form. */
export function zodToAppError(error: z.ZodError, fieldsAt?: string): AppError {
  const { message, fieldErrors } = describeIssues(error, fieldsAt);
  return new AppError('invalid_input', message, fieldErrors);
}
