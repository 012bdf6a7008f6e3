/** Why a bundle is refused, in plain Russian, and the limits that protect the app from hostile files. */
import { AppError } from '../errors.js';
import { LIMITS as CALL_LIMITS } from '../../../preload/contract/bytes.js';

export const REASONS = {
  not_bundle: 'Это не файл обмена «Опоры» (или файл сильно повреждён).',
  truncated: 'Файл обрезан: он записан не до конца (например, флешку извлекли во время записи). Попросите выгрузить его заново.',
  newer_format: 'Файл создан более новой версией «Опоры». Обновите программу и повторите загрузку.',
  too_large: 'Файл превышает допустимые размеры (слишком большой, слишком много частей или подозрительно сильное сжатие). Файл не загружен.',
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
  constructor(readonly reason: ReasonCode, detail?: string) {
    super(reason, detail ? `${REASONS[reason]} (${detail})` : REASONS[reason]);
  }
}

export const LIMITS = {
  /** A whole bundle file. */
  fileBytes: 512 * 1024 * 1024,
  manifestBytes: 4 * 1024 * 1024,
  entries: 50_000,
  /** Uncompressed size of one entry and of all entries together. */
  entryBytes: 256 * 1024 * 1024,
  totalBytes: 1024 * 1024 * 1024,
  /** Uncompressed : stored, for entries larger than 64 KiB. */
  compressionRatio: 200,
  jsonDepth: 8,
  /**
   * One data table (uncompressed JSON) and all of them: the largest demo school is ≈2 MB in all; these leave
   * room for decades of a big school while a parsed file stays well under the app's memory budget.
   */
  dataEntryBytes: 64 * 1024 * 1024,
  dataTotalBytes: 128 * 1024 * 1024,
  /** One attached file: no larger than the attachment screen itself accepts. */
  attachmentBytes: CALL_LIMITS.attachment.maxBytes,
  /** Rows of one table and of a whole file; the large demo school has 4 802 records in all. */
  rowsPerTable: 100_000,
  rowsPerBundle: 250_000,
  /** Header of a data entry (table name and columns), everything but its rows. */
  tableHeaderBytes: 1024 * 1024,
  maxSequence: 1_000_000_000,
  /** Files waiting in the quarantine: per unknown sender (by id or by key) and in all. */
  quarantine: { perSenderFiles: 3, perSenderBytes: 96 * 1024 * 1024, totalFiles: 20, totalBytes: 256 * 1024 * 1024 },
  /** How far a sender's sequence number may jump past the last one seen from it. */
  sequenceJump: 100_000,
  stringChars: 200_000,
  versionVectorEntries: 64,
};
