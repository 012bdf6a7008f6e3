/**
 * One rule for the names of files the app writes (exchange, enrollment, reports, backups): the name stays
 * readable — «Подключение МБОУ «Средняя школа № 13».opora-enroll», not «Подключение_МБОУ__Средняя_школа___13_» —
 * and is valid on Windows and Linux: no \ / : * ? " < > |, no control characters, no trailing dot or space,
 * no reserved device name (CON, NUL, COM1…), at most `max` characters.
 */
const FORBIDDEN = /[\\/:*?<>|\u0000-\u001f\u007f]+/g;
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i;

export function safeFileName(text: string, fallback = 'файл', max = 80): string {
  let s = text
    // Straight quotes are forbidden on Windows; the Russian ones keep the name as it is written.
    .replace(/"([^"]*)"/g, '«$1»')
    .replace(/"/g, '')
    .replace(FORBIDDEN, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (s.length > max) s = s.slice(0, max).trim();
  s = s.replace(/[. ]+$/g, '').replace(/^[. ]+/g, '');
  if (!s || RESERVED.test(s)) return fallback;
  return s;
}

/**
 * Whether the app can read the text of an attached file to look for pupils' names in it (main/services/privacy/
 * file-text.ts): plain text, HTML and RTF, and the Word, Excel, PowerPoint and OpenDocument formats; not photos, PDF or old .doc.
 * The screen says which before a school passes a file on to the department.
 */
export type FileTextKind = 'plain' | 'office' | 'unreadable';

export function fileTextKind(fileName: string): FileTextKind {
  return /\.(txt|csv|tsv|md|htm|html|xml|rtf|mht|mhtml)$/i.test(fileName) ? 'plain'
    : /\.(docx|docm|dotx|xlsx|xlsm|pptx|odt|ods|odp)$/i.test(fileName) ? 'office' : 'unreadable';
}

/** Final extensions that run a program when opened: a name that hides one behind another («протокол.pdf .exe») is a trap. */
const RUNNABLE = /\.(exe|com|bat|cmd|scr|pif|msi|msp|js|jse|vbs|vbe|wsf|wsh|hta|lnk|ps1|psm1|jar|reg|cpl|sh|run|appimage|deb|rpm|desktop)$/i;
/** Characters that reorder or hide what a name shows: «отчёт\u202Eexe.pdf» reads as «отчётfdp.exe». */
const HIDDEN = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\u061c\ufeff]/;

/**
 * What is wrong with the name of a file someone hands the app (an attached file, a bundle from a flash drive),
 * in words, or null. The same check at the door (the contract) and at the import, so the history and the lists
 * never show a name that lies about what the file is.
 */
export function incomingFileNameProblem(name: string): string | null {
  if (/[\\/]/.test(name)) return 'Имя файла не должно содержать / или \\.';
  if (HIDDEN.test(name)) return 'В имени файла есть невидимые или управляющие символы (они могут скрывать настоящее расширение). Переименуйте файл.';
  const base = name.replace(/[. ]+$/, '');
  if (RUNNABLE.test(base) && /\.[\p{L}\p{N}]{1,8}[\s.]*\.[a-z0-9]{1,10}$/iu.test(base)) {
    return 'У файла два расширения, и последнее — программа (например, «протокол.pdf .exe»). Такие файлы не принимаются.';
  }
  return null;
}

/** A name as it may be shown or logged: the hidden and control characters made visible as «?». */
export function visibleFileName(name: string): string {
  return name.replace(new RegExp(HIDDEN.source, 'g'), '?');
}
