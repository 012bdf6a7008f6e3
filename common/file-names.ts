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
