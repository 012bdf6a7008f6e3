/**
 * Why a file cannot be imported, in words a person can act on. The message names the trouble and what to
 * do; it never quotes the file's contents (a pupil list's names must not reach a log or an error).
 */
import { AppError } from '../../core/errors.js';

export type RefusedWhy = 'damaged' | 'password' | 'old_format' | 'too_big' | 'too_many_rows' | 'too_slow' | 'not_programme' | 'not_list' | 'kind';

export const IMPORT_LIMITS = {
  /** A programme with appendices is a few MB; 50 MB is a file of something else (scans, video). */
  maxFileBytes: 20 * 1024 * 1024,
  maxInflatedBytes: 60 * 1024 * 1024,
  maxParts: 2000,
  maxXmlDepth: 200,
  maxRows: 20_000,
  maxMs: 20_000,
} as const;

const MB = (n: number) => `${Math.round(n / 1024 / 1024)} МБ`;

export const REFUSED_TEXT: Record<RefusedWhy, string> = {
  damaged: 'Файл повреждён или это не документ Word/Excel: его не удалось прочитать. Откройте его в Word или Excel, сохраните заново («Сохранить как» → .docx или .xlsx) и загрузите снова.',
  password: 'Файл защищён паролем. Откройте его в Word или Excel, снимите пароль («Файл» → «Сведения» → «Защитить документ») и загрузите копию без пароля.',
  old_format: 'Это файл старого формата Word или Excel (.doc или .xls), сохранённый с другим расширением, или файл, защищённый паролем. Откройте его в Word или Excel и сохраните как .docx (.xlsx) без пароля.',
  too_big: `Файл слишком большой для загрузки (больше ${MB(IMPORT_LIMITS.maxFileBytes)}, или больше ${MB(IMPORT_LIMITS.maxInflatedBytes)} в распакованном виде). Обычно программа занимает несколько мегабайт: удалите из копии рисунки и сканы и загрузите её.`,
  too_many_rows: `В файле больше ${IMPORT_LIMITS.maxRows.toLocaleString('ru-RU')} строк. Разделите его на части и загрузите по очереди.`,
  too_slow: `Файл читается дольше ${IMPORT_LIMITS.maxMs / 1000} секунд — вероятно, он повреждён или содержит что-то кроме текста и таблиц. Сохраните его заново в Word или Excel и загрузите снова.`,
  not_programme: 'В документе не найдено ничего похожего на программу: ни названия, ни задач, ни плана мероприятий. Проверьте, тот ли файл выбран.',
  not_list: 'В таблице не найден столбец с фамилиями (ФИО или Фамилия): похоже, это таблица о чём-то другом. Проверьте, тот ли файл выбран; если тот — назовите столбец с именами «ФИО» (или «Фамилия», «Имя», «Отчество») и загрузите снова.',
  kind: 'Такой файл не загрузить: программа — из документа Word (.docx), списки — из Excel (.xlsx, .xls) или текстового файла .csv.',
};

export class ImportRefused extends AppError {
  constructor(readonly why: RefusedWhy) {
    super('import_refused', REFUSED_TEXT[why]);
  }
}
