/**
 * Files attached to events are copied into the workspace's own folder (files/attachments/<id>), never
 * referenced by their original path: a flash drive or a downloads folder may be gone tomorrow.
 *
 * One store for both roles: at a school the files of its journal's events (`attachment`, travels up with the
 * journal), at the department the files of its own meetings (`mun_event_attachment`, stays). Which table a call
 * reaches is decided here by the workspace's role, not by the caller, so a department cannot attach a file to a
 * school's event it only holds a copy of, nor a school to the department's meeting.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, rmSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { attachmentPath, readAttachmentBytes, writeAttachmentBytes } from '../core/attachment-path.js';
import { checkFile, checkFileAsync, sharedFileBytes, CHECKED_TICK, type FileVerdict } from '../exchange/outgoing-check.js';
import { logAccess, osUser } from '../privacy/access-log.js';
import type { Unreadable } from '../privacy/file-text.js';
import type { ServiceContext } from '../core/context.js';
import { LIMITS, DELETED_FILES_KEPT_DAYS, type AttachmentInfo, type AttachmentBytes } from '../../../preload/contract/index.js';
import { AppError, notFound } from '../core/errors.js';
import { liveRow, writeRow } from '../core/writer.js';
import { getRole } from '../core/school-profile.js';
import { fileTables } from '../../../db/registry/index.js';
import { isoDay } from '../../../common/format.js';

export const MAX_ATTACHMENT_BYTES = LIMITS.attachment.maxBytes;


const STORES = {
  school: { table: 'attachment', parent: 'event', parentTitle: 'Мероприятие журнала' },
  municipality: { table: 'mun_event_attachment', parent: 'mun_event', parentTitle: 'Мероприятие' },
} as const;

function storeOf(ctx: ServiceContext) {
  const role = getRole(ctx);
  if (role === 'none') throw new AppError('no_workspace', 'Сначала создайте рабочее место: школы или муниципалитета.');
  return STORES[role];
}

export { attachmentPath };

/** Copies the file's bytes into the workspace folder and records it; the bytes come decoded by the contract. */
export function addAttachment(ctx: ServiceContext, input: { eventId: string; fileName: string; mime: string; bytes: Uint8Array }): AttachmentInfo {
  const store = storeOf(ctx);
  if (!liveRow(ctx, store.parent, input.eventId)) throw notFound(store.parentTitle);
  const bytes = input.bytes;
  if (bytes.length === 0) throw new AppError('invalid_input', 'Файл пустой. Выберите другой файл.');
  if (bytes.length > MAX_ATTACHMENT_BYTES) throw new AppError('too_large', 'Файл больше 25 МБ — приложите файл поменьше.');
  const id = randomUUID();
  // Sealed with a key of the workspace's keyring, through `.part` and a rename (attachment-path.ts).
  const final = writeAttachmentBytes(ctx, store.table, id, bytes);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  try {
    const row = writeRow(ctx, store.table, { event_id: input.eventId, file_name: input.fileName, mime: input.mime || 'application/octet-stream', size: bytes.length, sha256 }, { id, upsert: true });
    return info(row as AttachmentInfo & Record<string, unknown>);
  } catch (e) {
    rmSync(final, { force: true });
    throw e;
  }
}

function info(r: AttachmentInfo & Record<string, unknown>): AttachmentInfo {
  return { id: r.id, event_id: r.event_id, file_name: r.file_name, mime: r.mime, size: r.size, sha256: r.sha256, created_at: r.created_at, share: Number(r.share ?? 0) };
}

/**
 * A school passes a file of its journal on to the department (its bytes go with the next bundle) or takes it
 * back. The file is read whole first (in a worker thread, within limits) and looked through for pupils' names
 * and birth dates; the export looks again, since a pupil added later may be named in a file shared before.
 * A file the app cannot read whole — a photo, a PDF, a document with pictures, a damaged one, one over a
 * limit — goes only with `checked`: the person ticked «Я проверил(а): в файле нет данных обучающихся». Main
 * keeps the tick for these bytes (attachment_share_check) and writes it to the access log; without it the
 * file is refused (`file_unreadable`) with the reason, whatever the screen did.
 */
export function shareAttachment(ctx: ServiceContext, id: string, share: boolean, checked = false): AttachmentInfo {
  const row = shareable(ctx, id);
  let verdict: FileVerdict | null = null;
  if (share) {
    verdict = checkFile(ctx, String(row.file_name), bytesToCheck(ctx, row));
  }
  return commitShare(ctx, id, share, checked, verdict);
}

/** The same for the screen: the file is read in the worker thread while the app goes on answering. */
export async function shareAttachmentAsync(ctx: ServiceContext, id: string, share: boolean, checked = false): Promise<AttachmentInfo> {
  const row = shareable(ctx, id);
  let verdict: FileVerdict | null = null;
  if (share) {
    verdict = await checkFileAsync(ctx, String(row.file_name), bytesToCheck(ctx, row));
  }
  return commitShare(ctx, id, share, checked, verdict);
}

/** The file's bytes for the check, through the one reader the export's check uses too (sharedFileBytes). */
function bytesToCheck(ctx: ServiceContext, row: Record<string, unknown>): Uint8Array {
  const bytes = sharedFileBytes(ctx, String(row.id));
  if (!bytes) throw new AppError('file_missing', `Файл «${String(row.file_name)}» отсутствует в папке данных. Приложите его заново.`);
  return bytes;
}

function shareable(ctx: ServiceContext, id: string): Record<string, unknown> {
  if (getRole(ctx) !== 'school') throw new AppError('forbidden', 'Передать файл в управление образования может только школа.');
  const row = liveRow(ctx, 'attachment', id);
  if (!row) throw notFound('Файл');
  return row;
}

function commitShare(ctx: ServiceContext, id: string, share: boolean, checked: boolean, v: FileVerdict | null): AttachmentInfo {
  // Read again after the file was read: it may have been deleted meanwhile.
  const row = shareable(ctx, id);
  const fileName = String(row.file_name);
  if (v && !v.ok && (v.code === 'pupil_in_file' || !checked)) throw new AppError(v.code, `Файл «${fileName}» не передан: ${v.problem}`);
  const vouched = v && !v.ok && v.code === 'file_unreadable' ? v.why : null;
  return ctx.raw.transaction(() => {
    ctx.raw.prepare('DELETE FROM attachment_share_check WHERE attachment_id = ?').run(id);
    if (vouched) {
      ctx.raw.prepare('INSERT INTO attachment_share_check (attachment_id, sha256, checked_at, user_name, reason) VALUES (?, ?, ?, ?, ?)')
        .run(id, String(row.sha256), ctx.now().toISOString(), osUser(), vouched);
      logAccess(ctx, 'share_unchecked', null, `«${fileName}», отметка «${CHECKED_TICK}»; ${UNREADABLE_SHORT[vouched]}`);
    }
    return info(writeRow(ctx, 'attachment', { ...row, share: share ? 1 : 0 }, { id }) as AttachmentInfo & Record<string, unknown>);
  })();
}

/** Why the app could not read the file, said short for the access log. */
const UNREADABLE_SHORT: Record<Unreadable, string> = {
  kind: 'программа не читает такие файлы',
  damaged: 'программа не смогла прочитать файл',
  limit: 'файл слишком большой или сложный для чтения целиком',
  pictures: 'в файле есть рисунки',
};

export function listAttachments(ctx: ServiceContext, eventId: string): AttachmentInfo[] {
  const { table } = storeOf(ctx);
  return (ctx.raw.prepare(`SELECT * FROM ${table} WHERE event_id = ? AND deleted_at IS NULL ORDER BY created_at`).all(eventId) as (AttachmentInfo & Record<string, unknown>)[]).map(info);
}

export function readAttachment(ctx: ServiceContext, id: string): AttachmentBytes {
  const { table } = storeOf(ctx);
  const row = ctx.raw.prepare(`SELECT * FROM ${table} WHERE id = ? AND deleted_at IS NULL`).get(id) as (AttachmentInfo & Record<string, unknown>) | undefined;
  if (!row) throw notFound('Файл');
  return readBytes(ctx, table, row, 'Приложите его заново.');
}

/**
 * At the department: a file a school passed on with its journal (share = 1, its bytes arrived with a bundle).
 * The school's files the department only has the records of are not readable, and say so.
 */
export function readSchoolFile(ctx: ServiceContext, id: string): AttachmentBytes {
  if (getRole(ctx) !== 'municipality') throw new AppError('forbidden', 'Файлы школ открываются в рабочем месте управления образования.');
  const row = ctx.raw.prepare('SELECT * FROM attachment WHERE id = ? AND deleted_at IS NULL AND share = 1').get(id) as (AttachmentInfo & Record<string, unknown>) | undefined;
  if (!row) throw notFound('Файл');
  return readBytes(ctx, 'attachment', row, 'Попросите школу прислать файл обмена ещё раз.');
}

function readBytes(ctx: ServiceContext, table: string, row: AttachmentInfo & Record<string, unknown>, fix: string): AttachmentBytes {
  const bytes = readAttachmentBytes(ctx, table, row.id);
  if (!bytes) throw new AppError('file_missing', `Файл «${row.file_name}» отсутствует в папке данных. ${fix}`);
  if (createHash('sha256').update(bytes).digest('hex') !== row.sha256) {
    throw new AppError('file_damaged', `Файл «${row.file_name}» повреждён на диске. ${fix}`);
  }
  return { ...info(row), bytes };
}

/** The file table of this workspace and the id of a live file in it, for the recycle bin's delete. */
export function attachmentRoot(ctx: ServiceContext, id: string): [string, string] {
  const { table } = storeOf(ctx);
  if (!liveRow(ctx, table, id)) throw notFound('Файл');
  return [table, id];
}

/** Whether the bytes of a file record are still on the disk (a deletion older than the bin's term has none). */

/**
 * A deleted file's bytes stay in the data folder while the deletion can be undone from the recycle bin, and
 * are erased DELETED_FILES_KEPT_DAYS after it: nobody expects the bytes of a protocol deleted a month ago to
 * stay on the disk. Runs once a day when the workspace is opened; a file already gone is fine.
 */
export function eraseDeletedFiles(ctx: ServiceContext): number {
  const before = new Date(ctx.now().getTime() - DELETED_FILES_KEPT_DAYS * 86_400_000).toISOString();
  // At the department also the bytes of school files their school did not pass on: an earlier version sent every
  // file unasked, and nothing is to be kept here that a school did not choose to give.
  const unshared = getRole(ctx) === 'municipality' ? ' OR (share = 0 AND deleted_at IS NULL)' : '';
  let erased = 0;
  for (const table of fileTables()) {
    const ids = ctx.raw.prepare(`SELECT id FROM ${table} WHERE (deleted_at IS NOT NULL AND deleted_at < ?)${table === 'attachment' ? unshared : ''}`).pluck().all(before) as string[];
    for (const id of ids) {
      const p = attachmentPath(ctx, table, id);
      if (existsSync(p)) {
        rmSync(p, { force: true });
        erased++;
      }
    }
  }
  return erased;
}

const lastRun = new WeakMap<object, string>();

/** eraseDeletedFiles at most once a day per open database (the workspace calls it on every context). */
export function eraseDeletedFilesDaily(ctx: ServiceContext): void {
  const day = isoDay(ctx.now());
  if (lastRun.get(ctx.raw) === day) return;
  lastRun.set(ctx.raw, day);
  eraseDeletedFiles(ctx);
}
