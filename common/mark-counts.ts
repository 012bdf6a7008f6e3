/**
 * The schools' marks on one item of the department's work (a roadmap activity or an assignment) as counts and
 * as the words the department reads: «выполнено 3, выполняется 1, нет отметки 6». One wording for the screens
 * and the Excel files, so a number never stands without saying what it counts.
 */
export interface MarkCounts { done: number; in_progress: number; not_done: number; none: number }

export const MARK_COUNT_LABELS: Record<keyof MarkCounts, string> = { done: 'выполнено', in_progress: 'выполняется', not_done: 'не выполнено', none: 'нет отметки' };

/** Counts the marks of the schools an item concerns; a school without a mark (or only «запланировано») counts as none. */
export function countMarks(statuses: readonly (string | null | undefined)[]): MarkCounts {
  const c: MarkCounts = { done: 0, in_progress: 0, not_done: 0, none: 0 };
  for (const s of statuses) {
    if (s === 'done' || s === 'in_progress' || s === 'not_done') c[s]++;
    else if (s !== 'cancelled') c.none++;
  }
  return c;
}

export function markCountsText(c: MarkCounts): string {
  const parts = (Object.keys(MARK_COUNT_LABELS) as (keyof MarkCounts)[]).filter((k) => c[k] > 0).map((k) => `${MARK_COUNT_LABELS[k]} ${c[k]}`);
  return parts.length ? parts.join(', ') : 'школам не адресовано';
}
