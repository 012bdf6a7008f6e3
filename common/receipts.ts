/** A school's file and the department's receipt for it, in the words the exchange page and `opora history` use. */
import { count, formatMoment } from './format.js';
import { NOUNS } from './nouns.js';

export interface SentFile {
  at: string;
  path: string;
  received_at: string | null;
  received_records: number | null;
  received_conflicts: number | null;
}

/** «записан на флешку 07.12.2026 в 10:05» (or downloaded, in the browser). */
export function writtenWords(f: SentFile): string {
  return `${f.path.startsWith('(загрузка в браузере)') ? 'скачан' : 'записан на флешку'} ${formatMoment(f.at)}`;
}

/** «загружен управлением образования 08.12.2026 в 09:30: принято 120 записей, конфликтов 0», or «ещё не загружен». */
export function receiptWords(f: SentFile): string {
  if (!f.received_at) return 'ещё не загружен управлением образования';
  return `загружен управлением образования ${receiptDetail(f)}`;
}

/** «08.12.2026 в 09:30: принято 120 записей, конфликтов 0» — beside a «Загружен» mark. */
export function receiptDetail(f: SentFile): string {
  return `${formatMoment(f.received_at ?? '')}: принято ${count(f.received_records ?? 0, NOUNS.record)}, конфликтов ${f.received_conflicts ?? 0}`;
}

/** The file's own name, whatever folder it was written to. */
export function sentFileName(f: SentFile): string {
  return f.path.replace(/^\(загрузка в браузере\) /, '').split(/[\\/]/).pop() ?? f.path;
}
