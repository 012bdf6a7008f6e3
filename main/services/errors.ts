/** An expected failure with a Russian message the UI shows as is. Anything else is a bug. */
export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly fieldErrors?: Record<string, string>,
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new AppError('not_found', `${what} не найдено. Возможно, запись удалена — обновите список.`);
