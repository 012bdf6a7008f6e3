/**
 * Before the school's bundle is written: no pupil's name or birth date in any free text that leaves the
 * school (every `text` field of every table that travels up). The school has its pupils' names, so it can
 * look for them; the municipality never can. A finding refuses the export with the records to fix, and
 * `replacePupilMentions` rewrites the found spans (name → the pupil's code) through the one writer.
 */
import { tableSpec } from '../../../db/registry/index.js';
import { AppError } from '../core/errors.js';
import type { ServiceContext } from '../core/context.js';
import { rewriteText } from '../core/writer.js';
import { pupilCodes, knownPupils, schoolAdults, codeSayer } from '../privacy/people.js';
import { pupilMatcher, redact, type Mention, type Matcher } from '../privacy/pupil-mentions.js';
import { SEGMENT, type Unreadable, type Extracted } from '../privacy/file-text.js';
import { readWholeSync, readWhole, LIMITS_IN_WORDS } from '../privacy/read-whole.js';
import { readAttachmentBytes } from '../core/attachment-path.js';
import { APP_VERSION } from './versions.js';
import { outgoingTexts, textColumns, textHash, textKey, sentHashes, sentCheckedWith, type PassedTexts } from './sent-texts.js';

export interface Finding {
  table: string;
  id: string;
  column: string;
  /** «Запись группы риска обучающийся № 3 — поле «Основание постановки»»: no name in it. */
  where: string;
  mentions: Mention[];
}

export { pupilCodes };

export { textColumns };

/** A compiled check: the matcher, and what it looks for as one hash (the app's version, the pupils, the adults). */
export interface CompiledCheck {
  m: Matcher;
  checkedWith: string;
}

/** The last check compiled for a database: compiled again only when the names it looks for change. */
const compiled = new WeakMap<object, CompiledCheck>();

/** The school's pupils (to look for) and adults (whose names may stand), compiled once per check. */
export function compiledCheck(ctx: ServiceContext): CompiledCheck {
  // Deleted pupils too: a text written before the deletion names them as much as before. Erasing a name
  // rewrites the texts that hold it (privacy/names/erase.ts); this is the second net, for whatever is left.
  const pupils = knownPupils(ctx);
  const adults = schoolAdults(ctx);
  const checkedWith = textHash(JSON.stringify([APP_VERSION, pupils, adults]));
  const last = compiled.get(ctx.raw);
  if (last?.checkedWith === checkedWith) return last;
  const c = { m: pupilMatcher(pupils, adults), checkedWith };
  compiled.set(ctx.raw, c);
  return c;
}

export function matcher(ctx: ServiceContext): Matcher {
  return compiledCheck(ctx).m;
}

/** How the school finds the record again: its number or title, or the pupil's code for pupil lists. */
export function recordTitle(table: string, row: Record<string, unknown>, codes: Map<string, string>, pupilOf: Map<string, string>): string {
  if (table === 'pupil') return codes.get(row.id as string) ?? '';
  if (typeof row.pupil_id === 'string') return codes.get(row.pupil_id) ?? '';
  // A status change or a support measure belongs to a risk-group or gifted entry: say whose, by code.
  for (const c of ['entry_id', 'target_id']) {
    const pupil = typeof row[c] === 'string' ? pupilOf.get(row[c] as string) : undefined;
    if (pupil) return codes.get(pupil) ?? '';
  }
  for (const c of ['number', 'title', 'name', 'full_name', 'file_name']) {
    const v = row[c];
    if (typeof v === 'string' && v.trim()) return `«${v.trim().slice(0, 60)}»`;
  }
  return '';
}

/** The pupil of each risk-group and gifted entry: a status change or a measure is said by its pupil's code. */
export function pupilOfEntries(ctx: ServiceContext): Map<string, string> {
  return new Map(ctx.raw.prepare('SELECT id, pupil_id FROM risk_entry UNION ALL SELECT id, pupil_id FROM gifted_pupil').raw().all() as [string, string][]);
}

/** Every outgoing text of this owner with a pupil's name or birth date in it. Tombstoned rows travel too, so they count. */
export function findPupilMentions(ctx: ServiceContext, owner: string): Finding[] {
  return checkTexts(ctx, owner, compiledCheck(ctx), false).found;
}

/**
 * The check of every outgoing text, and the hash of each value the school's own rows carry. With `skipSent`,
 * a value the last file carried unchanged is not read again when the last file's texts passed this very check
 * (sent-texts.ts says why that is safe).
 */
function checkTexts(ctx: ServiceContext, owner: string, check: CompiledCheck, skipSent: boolean): { found: Finding[]; passed: PassedTexts } {
  const before = skipSent && sentCheckedWith(ctx) === check.checkedWith ? sentHashes(ctx) : undefined;
  let codes: Map<string, string> | undefined;
  let pupilOf: Map<string, string> | undefined;
  const found: Finding[] = [];
  const hashes = new Map<string, string>();
  for (const t of outgoingTexts(ctx, owner)) {
    const key = textKey(t.table, t.id, t.column);
    const hash = textHash(t.value);
    if (!t.builtin) hashes.set(key, hash);
    if (before && !t.builtin && before.get(key) === hash) continue;
    const mentions = check.m.find(t.value);
    if (!mentions.length) continue;
    codes ??= pupilCodes(ctx);
    pupilOf ??= pupilOfEntries(ctx);
    const title = recordTitle(t.table, t.row, codes, pupilOf);
    const where = `${tableSpec(t.table).title}${title ? ' ' + title : ''}${t.row.deleted_at ? ' (удалённая)' : ''} — поле «${t.label}»`;
    found.push({ table: t.table, id: t.id, column: t.column, where, mentions });
  }
  return { found, passed: { hashes, checkedWith: check.checkedWith, before } };
}

/** Why the app cannot read a file whole, and what the person can do, in words. */
export function unreadableProblem(why: Unreadable): string {
  const what = {
    kind: 'программа не умеет читать текст таких файлов (фотография, PDF, скан, документ Word старого вида .doc)',
    damaged: 'программа не смогла прочитать его текст: файл повреждён, защищён паролем или не того вида, что указан в его имени',
    limit: `файл слишком большой или сложный, чтобы прочитать его целиком (${LIMITS_IN_WORDS})`,
    pictures: 'в нём есть рисунки, а текст на рисунке программа прочитать не может',
  }[why];
  return `${what}, поэтому она не может проверить, нет ли в нём ФИО и дат рождения обучающихся. Откройте файл и проверьте сами: если данных обучающихся в нём нет, отметьте «${CHECKED_TICK}». Или сохраните файл в другом виде (например, текст без рисунков — в .docx) и приложите его заново.`;
}

/** The share dialog's tick for a file the app cannot read whole, word for word. */
export const CHECKED_TICK = 'Я проверил(а): в файле нет данных обучающихся';

export type FileVerdict =
  | { ok: true }
  | { ok: false; code: 'pupil_in_file'; problem: string }
  | { ok: false; code: 'file_unreadable'; why: Unreadable; problem: string };

/** The name search's own fast path (pupil-mentions.ts lowers a text in one call when every char stays one char). */
const ONE_CALL = /^[\u0000-\u00ff\u0400-\u04ff\u2000-\u206f\u2100-\u214f]*$/;

/**
 * The file's pieces looked through in two calls: those the name search lowers at once, and the rest (a theme's
 * Japanese font name, say) — so one such piece does not slow the search through the whole document.
 */
function findInPieces(m: Matcher, text: string): Mention[] {
  const fast: string[] = [];
  const slow: string[] = [];
  for (const piece of text.split(SEGMENT)) (ONE_CALL.test(piece) ? fast : slow).push(piece);
  return [...m.find(fast.join('\n')), ...(slow.length ? m.find(slow.join('\n')) : [])];
}

function fileVerdict(m: Matcher, fileName: string, bytes: Uint8Array): FileVerdict {
  return verdictOf(m, readWholeSync(fileName, bytes));
}

function verdictOf(m: Matcher, read: Extracted): FileVerdict {
  // Around pictures the text is read all the same: a name there refuses the file whatever the person ticks.
  const found = read.text === undefined ? [] : findInPieces(m, read.text);
  if (!found.length) return read.ok ? { ok: true } : { ok: false, code: 'file_unreadable', why: read.why, problem: unreadableProblem(read.why) };
  return {
    ok: false, code: 'pupil_in_file',
    problem: found.some((f) => f.kind === 'name')
      ? 'в нём есть фамилия и имя обучающегося. Эти данные не покидают школу: уберите их из файла и приложите его заново.'
      : 'в нём есть дата рождения обучающегося. Эти данные не покидают школу: уберите её из файла и приложите его заново.',
  };
}

/** Whether the file may leave the school: read whole (in a worker thread, within limits) and looked through for the school's pupils. */
export function checkFile(ctx: ServiceContext, fileName: string, bytes: Uint8Array): FileVerdict {
  return fileVerdict(matcher(ctx), fileName, bytes);
}

/** The same, the main thread free while the worker reads (the share switch on the screen). */
export async function checkFileAsync(ctx: ServiceContext, fileName: string, bytes: Uint8Array): Promise<FileVerdict> {
  const read = await readWhole(fileName, bytes);
  return verdictOf(matcher(ctx), read);
}

/** Why a file's text may not leave the school, in words, or null when it may (a file that cannot be read whole may not). */
export function fileMentionProblem(ctx: ServiceContext, fileName: string, bytes: Uint8Array): string | null {
  const v = checkFile(ctx, fileName, bytes);
  return v.ok ? null : v.problem;
}

/**
 * Files the school passes on to the department (share = 1) that may not go, each said as «Файл «…» мероприятия
 * «…»: why». A file is read again at every export (a pupil may have been added since), except one the person
 * vouched for with the share dialog's tick (attachment_share_check, for these very bytes): the app cannot read it.
 */
export function findFileMentions(ctx: ServiceContext, owner: string, check?: CompiledCheck): string[] {
  const rows = ctx.raw.prepare(`SELECT a.id, a.file_name, a.sha256, e.title, c.sha256 AS checked FROM attachment a
    LEFT JOIN event e ON e.id = a.event_id LEFT JOIN attachment_share_check c ON c.attachment_id = a.id
    WHERE a.owner = ? AND a.deleted_at IS NULL AND a.share = 1 ORDER BY a.created_at, a.id`).all(owner) as { id: string; file_name: string; sha256: string; title: string | null; checked: string | null }[];
  if (!rows.length) return [];
  const m = (check ?? compiledCheck(ctx)).m;
  const out: string[] = [];
  for (const r of rows) {
    if (r.checked && r.checked === r.sha256) continue;
    const bytes = sharedFileBytes(ctx, r.id);
    if (!bytes) continue; // its bytes do not travel (export.ts)
    const v = fileVerdict(m, r.file_name, bytes);
    if (!v.ok) out.push(`Файл «${r.file_name}»${r.title ? ` мероприятия «${r.title.slice(0, 60)}»` : ''}: ${v.problem}`);
  }
  return out;
}

/**
 * The bytes of an attached file as stored, or null when they are not on the disk: the one place the check
 * reads an attachment (the at-rest encryption changes only this).
 */
export function sharedFileBytes(ctx: ServiceContext, id: string): Uint8Array | null {
  // Sealed on disk (attachment-path.ts): the one reader opens it.
  return readAttachmentBytes(ctx, 'attachment', id);
}

/**
 * Refuses the export — or the school's справка, which goes to the municipality too — while a name or birth
 * date is in the text that leaves; the message names records and fields only. The справка prints a part of
 * what the bundle carries, so the same check over all of it is on the safe side.
 */
export function assertNoPupilMentions(ctx: ServiceContext, owner: string, purpose: 'export' | 'report' = 'export'): PassedTexts {
  // Compiled once for the texts and the files alike.
  const check = compiledCheck(ctx);
  const { found, passed } = checkTexts(ctx, owner, check, true);
  // Files are checked for the bundle only: the справка prints none of them.
  const files = purpose === 'export' ? findFileMentions(ctx, owner, check) : [];
  if (!found.length && !files.length) return passed;
  if (!found.length) {
    // Its own code: «Заменить имена кодами» rewrites the school's texts, it cannot change a file.
    throw new AppError('pupil_in_file', `Выгрузка не записана: файл, который школа передаёт в управление образования, нельзя отправить.\n${files.map((f) => `• ${f}`).join('\n')}\nИли снимите у файла отметку «Передать в управление образования» в журнале мероприятий.`);
  }
  const list = found.slice(0, 10).map((f) => `• ${f.where}`).join('\n');
  const more = (found.length > 10 ? `\n…и ещё ${found.length - 10}` : '') + (files.length ? `\nИ файлы:\n${files.map((f) => `• ${f}`).join('\n')}` : '');
  const head = purpose === 'export' ? 'Выгрузка не записана' : 'Справка не построена';
  const fix = purpose === 'export' ? 'Или нажмите «Заменить имена кодами обучающихся».' : 'Или откройте «Обмен данными» и нажмите «Заменить имена кодами обучающихся».';
  throw new AppError('pupil_mentions',
    `${head}: в тексте есть фамилия и имя или дата рождения обучающегося. Эти данные не покидают школу. Исправьте записи:\n${list}${more}\n${fix}`);
}

/**
 * Rewrites every finding: a name becomes the pupil's code, a birth date a neutral phrase. Goes through the
 * writer's bookkeeping (new HLC, origin, updated_at) so the corrected text wins at the municipality too;
 * tombstoned rows are corrected in place and stay tombstoned. Returns how many fields were changed.
 */
export function replacePupilMentions(ctx: ServiceContext, owner: string): number {
  return ctx.raw.transaction(() => {
    const say = codeSayer(ctx);
    const found = findPupilMentions(ctx, owner);
    for (const f of found) {
      const text = ctx.raw.prepare(`SELECT ${f.column} FROM ${f.table} WHERE id = ?`).pluck().get(f.id) as string;
      rewriteText(ctx, f.table, f.id, f.column, redact(text, f.mentions, say(text)));
    }
    return found.length;
  })();
}
