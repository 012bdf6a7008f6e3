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

/** «не найден / найдена / найдено» agreeing with the first word of `what` («Файл», «Запись группы риска», «Мероприятие»). */
function foundWord(what: string): string {
  const first = what.split(' ')[0]!.toLowerCase();
  if (/[еоё]$/.test(first)) return 'не найдено';
  if (/[аяь]$/.test(first)) return 'не найдена';
  return 'не найден';
}

export const notFound = (what: string) => new AppError('not_found', `${what} ${foundWord(what)}. Возможно, запись удалена — обновите список.`);
