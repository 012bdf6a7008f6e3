/**
 * Before the school's bundle is written: no pupil's name or birth date in any free text that leaves the
 * school (every `text` field of every table that travels up). The school has its pupils' names, so it can
 * look for them; the municipality never can. A finding refuses the export with the records to fix, and
 * `replacePupilMentions` rewrites the found spans (name → the pupil's code) through the one writer.
 */
import { tableSpec, upTables, type Field } from '../../../db/registry/index.js';
import { AppError } from '../errors.js';
import type { ServiceContext } from '../context.js';
import { rewriteText } from '../writer.js';
import { revealRows } from '../privacy/vault.js';
import { pupilMatcher, redact, type Mention, type Matcher } from '../pupil-mentions.js';
import { fileText, fileTextKind } from '../privacy/file-text.js';
import { readAttachmentBytes } from '../attachment-path.js';

export interface Finding {
  table: string;
  id: string;
  column: string;
  /** «Запись группы риска обучающийся № 3 — поле «Основание постановки»»: no name in it. */
  where: string;
  mentions: Mention[];
}

/**
 * The pupil's code, said instead of the name wherever the name must not go: «обучающийся № N», N the
 * pupil's place among all of the school's pupil records in order of creation. Records are tombstoned,
 * never removed, so the number stays the pupil's for good.
 */
export function pupilCodes(ctx: ServiceContext): Map<string, string> {
  const ids = ctx.raw.prepare('SELECT id FROM pupil ORDER BY created_at, id').pluck().all() as string[];
  return new Map(ids.map((id, i) => [id, `обучающийся № ${i + 1}`]));
}

function matcher(ctx: ServiceContext): Matcher {
  // Live pupils only: a tombstone has its name and birth date erased already (writer.ts).
  const rows = revealRows(ctx.raw, ctx.raw.prepare("SELECT id, full_name, birth_date FROM pupil WHERE deleted_at IS NULL AND full_name <> ''").all() as { id: string; full_name: string; birth_date: string | null }[]);
  const staff = ctx.raw.prepare("SELECT id, full_name FROM staff WHERE deleted_at IS NULL AND full_name <> ''").all() as { id: string; full_name: string }[];
  // The director and deputies named in the school's profile are adults too, whether or not they are in «Кадры».
  const profileNames = textColumns('school_profile').filter(([, f]) => f.label.includes('ФИО')).map(([c]) => c);
  for (const row of ctx.raw.prepare('SELECT * FROM school_profile WHERE deleted_at IS NULL').all() as Record<string, unknown>[]) {
    for (const c of profileNames) if (typeof row[c] === 'string' && row[c]) staff.push({ id: `profile:${c}`, full_name: row[c] as string });
  }
  return pupilMatcher(rows.map((r) => ({ id: r.id, fullName: r.full_name, birthDate: r.birth_date })), staff.map((r) => ({ id: r.id, fullName: r.full_name, birthDate: null })));
}

function textColumns(table: string): [string, Field][] {
  return Object.entries(tableSpec(table).fields as Record<string, Field>).filter(([, f]) => f.kind === 'text' && !f.personal);
}

/** How the school finds the record again: its number or title, or the pupil's code for pupil lists. */
function recordTitle(row: Record<string, unknown>, codes: Map<string, string>, pupilOf: Map<string, string>): string {
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

/** Every outgoing text of this owner with a pupil's name or birth date in it. Tombstoned rows travel too, so they count. */
export function findPupilMentions(ctx: ServiceContext, owner: string): Finding[] {
  const m = matcher(ctx);
  const codes = pupilCodes(ctx);
  const pupilOf = new Map(ctx.raw.prepare('SELECT id, pupil_id FROM risk_entry UNION ALL SELECT id, pupil_id FROM gifted_pupil').raw().all() as [string, string][]);
  const out: Finding[] = [];
  for (const table of upTables()) {
    const cols = textColumns(table);
    if (!cols.length || table === 'pupil') continue;
    const rows = ctx.raw.prepare(`SELECT * FROM ${table} WHERE owner = ? ORDER BY created_at, id`).all(owner) as Record<string, unknown>[];
    for (const row of rows) {
      for (const [col, field] of cols) {
        const mentions = m.find(typeof row[col] === 'string' ? (row[col] as string) : '');
        if (!mentions.length) continue;
        const title = recordTitle(row, codes, pupilOf);
        const where = `${tableSpec(table).title}${title ? ' ' + title : ''}${row.deleted_at ? ' (удалённая)' : ''} — поле «${field.label}»`;
        out.push({ table, id: String(row.id), column: col, where, mentions });
      }
    }
  }
  return out;
}

/** Why a file's text may not leave the school, in words («в нём есть фамилия и имя …»), or null when it may. */
function fileProblem(m: Matcher, fileName: string, bytes: Uint8Array): string | null {
  if (fileTextKind(fileName) === 'unreadable') return null; // the school was told it cannot be checked, and chose to pass it on
  const text = fileText(fileName, bytes);
  if (text === null) return 'программа не смогла прочитать его текст, чтобы проверить, нет ли в нём ФИО обучающихся. Сохраните файл заново или передайте его в другом виде.';
  const found = m.find(text);
  if (!found.length) return null;
  return found.some((f) => f.kind === 'name')
    ? 'в нём есть фамилия и имя обучающегося. Эти данные не покидают школу: уберите их из файла и приложите его заново.'
    : 'в нём есть дата рождения обучающегося. Эти данные не покидают школу: уберите её из файла и приложите его заново.';
}

export function fileMentionProblem(ctx: ServiceContext, fileName: string, bytes: Uint8Array): string | null {
  return fileProblem(matcher(ctx), fileName, bytes);
}

/** Files the school passes on to the department (share = 1) whose text names a pupil, each said as «Файл «…» мероприятия «…»: why». */
export function findFileMentions(ctx: ServiceContext, owner: string): string[] {
  const rows = ctx.raw.prepare(`SELECT a.id, a.file_name, e.title FROM attachment a LEFT JOIN event e ON e.id = a.event_id
    WHERE a.owner = ? AND a.deleted_at IS NULL AND a.share = 1 ORDER BY a.created_at, a.id`).all(owner) as { id: string; file_name: string; title: string | null }[];
  if (!rows.length) return [];
  const m = matcher(ctx);
  const out: string[] = [];
  for (const r of rows) {
    const bytes = readAttachmentBytes(ctx, r.id);
    if (!bytes) continue; // its bytes do not travel (export.ts)
    const problem = fileProblem(m, r.file_name, bytes);
    if (problem) out.push(`Файл «${r.file_name}»${r.title ? ` мероприятия «${r.title.slice(0, 60)}»` : ''}: ${problem}`);
  }
  return out;
}

/**
 * Refuses the export — or the school's справка, which goes to the municipality too — while a name or birth
 * date is in the text that leaves; the message names records and fields only. The справка prints a part of
 * what the bundle carries, so the same check over all of it is on the safe side.
 */
export function assertNoPupilMentions(ctx: ServiceContext, owner: string, purpose: 'export' | 'report' = 'export'): void {
  const found = findPupilMentions(ctx, owner);
  // Files are checked for the bundle only: the справка prints none of them.
  const files = purpose === 'export' ? findFileMentions(ctx, owner) : [];
  if (!found.length && !files.length) return;
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
    const codes = pupilCodes(ctx);
    const found = findPupilMentions(ctx, owner);
    for (const f of found) {
      const text = ctx.raw.prepare(`SELECT ${f.column} FROM ${f.table} WHERE id = ?`).pluck().get(f.id) as string;
      rewriteText(ctx, f.table, f.id, f.column, redact(text, f.mentions, (id) => codes.get(id) ?? 'обучающийся'));
    }
    return found.length;
  })();
}
