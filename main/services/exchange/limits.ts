/**
 * What the department keeps of one school is bounded (LIMITS.perSchool): its rows, and the files it passed on.
 * Checked after a file's merge, inside the same transaction, so a file that would pass a bound changes nothing.
 * Each refusal says which bound and how far it is, in words.
 */
import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { BundleError, LIMITS, megabytes } from './reasons.js';
import { AppError } from '../core/errors.js';
import { cachedStatement } from './statements.js';

/** Adds the rows a file inserted to the school's count and refuses the file if the school would hold too much. */
export function holdSchoolRows(raw: BetterSqlite3.Database, schoolId: string, inserted: number): void {
  const held = (cachedStatement(raw, 'SELECT rows_held FROM municipality_school WHERE id = ?', true).get(schoolId) as number | undefined) ?? 0;
  const after = held + inserted;
  if (after > LIMITS.perSchool.rows) {
    throw new BundleError('school_limit', `записей стало бы ${after.toLocaleString('ru-RU')} при пределе ${LIMITS.perSchool.rows.toLocaleString('ru-RU')} на школу`);
  }
  cachedStatement(raw, 'UPDATE municipality_school SET rows_held = ? WHERE id = ?').run(after, schoolId);
}

/** The passed-on files the department would hold of the school after this file. */
export function checkSchoolFiles(raw: BetterSqlite3.Database, schoolId: string): void {
  const f = cachedStatement(raw, 'SELECT COUNT(*) AS n, COALESCE(SUM(size), 0) AS bytes FROM attachment WHERE owner = ? AND share = 1 AND deleted_at IS NULL').get(schoolId) as { n: number; bytes: number };
  if (f.n > LIMITS.perSchool.files) throw new BundleError('school_limit', `переданных файлов стало бы ${f.n} при пределе ${LIMITS.perSchool.files} на школу`);
  if (f.bytes > LIMITS.perSchool.fileBytes) throw new BundleError('school_limit', `переданные файлы заняли бы ${megabytes(f.bytes)} при пределе ${megabytes(LIMITS.perSchool.fileBytes)} на школу`);
}

/**
 * Before a school writes its file: would the department take it? If not, nothing is written and the school is
 * told which bound and what to do — for files, the largest ones passed on, by name.
 */
export function assertSendable(raw: BetterSqlite3.Database, owner: string, entries: { name: string; data: Buffer }[], rows: number): void {
  const data = entries.filter((e) => e.name.startsWith('data/'));
  const files = entries.filter((e) => e.name.startsWith('files/'));
  const dataBytes = data.reduce((a, e) => a + e.data.length, 0);
  const filesBytes = files.reduce((a, e) => a + e.data.length, 0);
  const head = 'Файл обмена не записан: управление образования его не примет —';
  if (rows > LIMITS.rowsPerBundle || dataBytes > LIMITS.dataTotalBytes || data.some((e) => e.data.length > LIMITS.dataEntryBytes)) {
    throw new AppError('too_large_to_send', `${head} в нём ${rows.toLocaleString('ru-RU')} записей (${megabytes(dataBytes)}), а одна школа может прислать до ${LIMITS.rowsPerBundle.toLocaleString('ru-RU')} записей и ${megabytes(LIMITS.dataTotalBytes)}. Очистите «Корзину» от ненужного или обратитесь к разработчикам.`);
  }
  if (files.length > LIMITS.filesPerBundle || filesBytes > LIMITS.filesBytesPerBundle || dataBytes + filesBytes > LIMITS.totalBytes) {
    const biggest = raw.prepare('SELECT file_name, size FROM attachment WHERE owner = ? AND share = 1 AND deleted_at IS NULL ORDER BY size DESC LIMIT 5').all(owner) as { file_name: string; size: number }[];
    throw new AppError('too_large_to_send', `${head} переданные файлы занимают ${megabytes(filesBytes)} (${files.length} шт.), а в один файл обмена помещается до ${megabytes(LIMITS.filesBytesPerBundle)} и ${LIMITS.filesPerBundle} файлов. ` +
      `Снимите отметку «Передать в управление образования» с части файлов в журнале мероприятий (самые большие: ${biggest.map((b) => `«${b.file_name}» — ${megabytes(b.size)}`).join(', ')}) или уменьшите фото и приложите их заново; остальные файлы можно передать следующей выгрузкой.`);
  }
}
