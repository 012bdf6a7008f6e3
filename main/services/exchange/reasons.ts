/** Why a bundle is refused, in plain Russian, and the limits that protect the app from hostile files. */
import { AppError } from '../core/errors.js';
import { LIMITS as CALL_LIMITS } from '../../../preload/contract/bytes.js';

export const REASONS = {
  not_bundle: 'Это не файл обмена «Опоры» (или файл сильно повреждён).',
  truncated: 'Файл обрезан: он записан не до конца (например, флешку извлекли во время записи). Попросите выгрузить его заново.',
  newer_format: 'Файл создан более новой версией «Опоры». Обновите программу и повторите загрузку.',
  newer_data: 'Файл записан более новой версией «Опоры» и содержит данные, которые эта версия сохранить не может. Ничего не загружено.',
  too_large: 'Файл превышает допустимые размеры (слишком большой, слишком много частей или подозрительно сильное сжатие). Файл не загружен.',
  school_limit: 'Управление образования уже хранит от этой школы столько, сколько положено одной школе. Файл не загружен: попросите школу удалить лишнее (записи в «Корзине» остаются в файле) или обратитесь к разработчикам.',
  bad_manifest: 'Оглавление файла повреждено или заполнено неверно.',
  invalid_utf8: 'В файле текст в неверной кодировке (не UTF-8). Файл повреждён или подделан.',
  bad_json: 'Данные в файле повреждены: ошибка в структуре JSON.',
  json_too_deep: 'Данные в файле имеют недопустимую вложенность. Файл повреждён или подделан.',
  bad_signature: 'Подпись файла неверна: файл изменён после выгрузки или подделан.',
  unknown_sender: 'Отправитель этой программе ещё не знаком. Файл отложен в «Карантин» и ничего не изменил: сверьте отпечаток ключа с отправителем по телефону, затем примите файл или отклоните его.',
  key_change: 'Отправитель сменил ключ подписи. Файл помещён в карантин: смену ключа нужно подтвердить.',
  wrong_recipient: 'Файл предназначен другому получателю.',
  wrong_kind: 'Этот файл не предназначен для загрузки в данное рабочее место.',
  tampered: 'Содержимое файла не совпадает с оглавлением: файл изменён или повреждён.',
  missing_entry: 'В файле не хватает части, указанной в оглавлении: файл неполный или изменён.',
  bad_entry_name: 'В файле есть часть с недопустимым именем (например, с путём вида «../»). Файл отклонён.',
  duplicate_entry: 'В файле есть две части с одинаковым именем. Файл отклонён.',
  link_entry: 'В файле есть ссылка вместо обычной части. Такие файлы не принимаются.',
  decrypt_failed: 'Не удалось расшифровать файл: он зашифрован не для этого рабочего места или повреждён.',
  no_key: 'Файл зашифрован, а ключ для расшифровки в этом рабочем месте отсутствует.',
  bad_record: 'Запись в файле не соответствует схеме данных.',
  wrong_owner: 'Файл содержит записи, которыми отправитель не вправе распоряжаться.',
  replay: 'Этот файл старше уже загруженного от того же отправителя (повторная отправка старых данных). Файл не загружен.',
  sequence_clash: 'От отправителя уже загружен другой файл с тем же номером. Возможно, база отправителя скопирована на второй компьютер.',
  sequence_jump: 'Номер файла неправдоподобно далеко впереди последнего загруженного от того же отправителя. Файл не загружен: обратитесь к отправителю — возможно, его программа или ключ используются посторонним.',
  quarantine_full: 'Карантин переполнен: от неизвестных отправителей уже ждёт решения слишком много файлов. Файл не сохранён. Примите или отклоните файлы во вкладке «Карантин» и загрузите этот файл снова.',
  not_enrolled: 'Рабочее место не подключено к муниципалитету: загружать его файлы некуда.',
  inconsistent: 'Данные в файле ссылаются на отсутствующие записи. Файл не загружен.',
  foreign_reference: 'Запись в файле ссылается на запись другой школы (например, наставническая пара — на педагога чужой школы). Школа может ссылаться только на свои записи. Файл не загружен.',
  blocked: 'Отправитель заблокирован в списке школ.',
  refused: 'Файл отклонён ответственным лицом.',
  not_initialised: 'Рабочее место ещё не создано. Сначала выполните первичную настройку.',
  read_error: 'Файл не удалось прочитать с диска.',
  key_taken: 'Этим ключом уже подписывает файлы другая школа. Файл помещён в карантин; принять ключ для этой школы нельзя.',
  mark_not_addressed: 'Файл содержит отметку о мероприятии дорожной карты или поручении, которое этой школе не адресовано. Файл не загружен.',
} as const;

export type ReasonCode = keyof typeof REASONS;

export class BundleError extends AppError {
  /** `sentences`: what to do, said after the reason as whole sentences rather than a detail in brackets. */
  constructor(readonly reason: ReasonCode, detail?: string, sentences?: string) {
    super(reason, (detail ? `${REASONS[reason]} (${detail})` : REASONS[reason]) + (sentences ? ` ${sentences}` : ''));
  }
}

const MB = 1024 * 1024;

/**
 * What one school may send and keep at the department, derived from the large demo school (4 801 records,
 * 2.2 МБ of tables, its largest table 1 500 rows and 0.8 МБ) times ten, and from what schools honestly pass on
 * (photos of an event: three of 22 МБ). Per file they hold before anything is parsed (declared sizes and counts
 * in the signed table of contents); per school they hold after the merge, in the same transaction.
 * README «Пределы» lists them for people.
 */
export const LIMITS = {
  /** A whole bundle file: the same number the door and the browser host use. */
  fileBytes: CALL_LIMITS.bundle.maxBytes,
  manifestBytes: 4 * MB,
  entries: 50_000,
  /** Uncompressed size of one entry and of all entries together. */
  entryBytes: 32 * MB,
  totalBytes: CALL_LIMITS.bundle.maxBytes,
  /** Uncompressed : stored, for data entries larger than 64 KiB (a school's own attached file may compress better). */
  compressionRatio: 200,
  jsonDepth: 8,
  /** One data table (uncompressed JSON) and all of them. */
  dataEntryBytes: 16 * MB,
  dataTotalBytes: 24 * MB,
  /** One attached file: no larger than the attachment screen itself accepts. */
  attachmentBytes: CALL_LIMITS.attachment.maxBytes,
  /** Passed-on files in one bundle. */
  filesPerBundle: 200,
  filesBytesPerBundle: 128 * MB,
  /** Rows of one table and of a whole file. */
  rowsPerTable: 25_000,
  rowsPerBundle: 50_000,
  /** What the department keeps of one school: rows of all its tables, and its passed-on files. */
  perSchool: { rows: 50_000, files: 1_000, fileBytes: 512 * MB },
  /** Header of a data entry (table name and columns), everything but its rows. */
  tableHeaderBytes: 1 * MB,
  maxSequence: 1_000_000_000,
  /** Files waiting in the quarantine: per unknown sender (by id or by key) and in all. */
  quarantine: { perSenderFiles: 3, perSenderBytes: 3 * CALL_LIMITS.bundle.maxBytes, totalFiles: 20, totalBytes: 640 * MB },
  /** How far a sender's sequence number may jump past the last one seen from it. */
  sequenceJump: 100_000,
  stringChars: 200_000,
  versionVectorEntries: 64,
};

/** «160 МБ», «1,5 МБ»: sizes in refusals as a person reads them. */
export function megabytes(bytes: number): string {
  const mb = bytes / MB;
  return `${mb >= 10 ? Math.round(mb) : mb.toFixed(1).replace('.', ',')} МБ`;
}
