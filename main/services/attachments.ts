/**
 * Files attached to events are copied into the workspace's own folder (files/attachments/<id>), never
 * referenced by their original path: a flash drive or a downloads folder may be gone tomorrow.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync, renameSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ServiceContext } from './context.js';
import { LIMITS, type AttachmentInfo, type AttachmentBytes } from '../../preload/contract/index.js';
import { AppError, notFound } from './errors.js';
import { writeRow } from './writer.js';

export const MAX_ATTACHMENT_BYTES = LIMITS.attachment.maxBytes;

export function attachmentPath(ctx: ServiceContext, id: string): string {
  return join(ctx.filesDir, 'attachments', id);
}

/** Copies the file's bytes into the workspace folder and records it; the bytes come decoded by the contract. */
export function addAttachment(ctx: ServiceContext, input: { eventId: string; fileName: string; mime: string; bytes: Uint8Array }): AttachmentInfo {
  const event = ctx.raw.prepare('SELECT id FROM event WHERE id = ? AND deleted_at IS NULL').get(input.eventId);
  if (!event) throw notFound('Мероприятие журнала');
  const bytes = input.bytes;
  if (bytes.length === 0) throw new AppError('invalid_input', 'Файл пустой. Выберите другой файл.');
  if (bytes.length > MAX_ATTACHMENT_BYTES) throw new AppError('too_large', 'Файл больше 25 МБ — приложите файл поменьше.');
  const id = randomUUID();
  const dir = join(ctx.filesDir, 'attachments');
  mkdirSync(dir, { recursive: true });
  const final = attachmentPath(ctx, id);
  const tmp = final + '.part';
  writeFileSync(tmp, bytes, { flush: true });
  renameSync(tmp, final);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  try {
    const row = writeRow(ctx, 'attachment', { event_id: input.eventId, file_name: input.fileName, mime: input.mime || 'application/octet-stream', size: bytes.length, sha256 }, { id, upsert: true });
    return info(row as AttachmentInfo & Record<string, unknown>);
  } catch (e) {
    rmSync(final, { force: true });
    throw e;
  }
}

function info(r: AttachmentInfo & Record<string, unknown>): AttachmentInfo {
  return { id: r.id, event_id: r.event_id, file_name: r.file_name, mime: r.mime, size: r.size, sha256: r.sha256, created_at: r.created_at };
}

export function listAttachments(ctx: ServiceContext, eventId: string): AttachmentInfo[] {
  return (ctx.raw.prepare('SELECT * FROM attachment WHERE event_id = ? AND deleted_at IS NULL ORDER BY created_at').all(eventId) as (AttachmentInfo & Record<string, unknown>)[]).map(info);
}

export function readAttachment(ctx: ServiceContext, id: string): AttachmentBytes {
  const row = ctx.raw.prepare('SELECT * FROM attachment WHERE id = ? AND deleted_at IS NULL').get(id) as (AttachmentInfo & Record<string, unknown>) | undefined;
  if (!row) throw notFound('Файл');
  const path = attachmentPath(ctx, id);
  if (!existsSync(path)) throw new AppError('file_missing', `Файл «${row.file_name}» отсутствует в папке данных. Приложите его заново.`);
  const bytes = readFileSync(path);
  if (createHash('sha256').update(bytes).digest('hex') !== row.sha256) {
    throw new AppError('file_damaged', `Файл «${row.file_name}» повреждён на диске. Приложите его заново.`);
  }
  return { ...info(row), bytes };
}

/**
 * Deleting an attachment (or its event) deletes the copied file too: a tombstone keeps the record's id for
 * the exchange, but nobody expects the bytes of a deleted protocol to stay in the data folder. Called after
 * the tombstones are committed; a file already gone is fine.
 */
export function removeFilesOfDeleted(ctx: ServiceContext, eventOrAttachmentId: string): number {
  const ids = ctx.raw.prepare('SELECT id FROM attachment WHERE deleted_at IS NOT NULL AND (id = @x OR event_id = @x)').pluck().all({ x: eventOrAttachmentId }) as string[];
  let removed = 0;
  for (const id of ids) {
    const p = attachmentPath(ctx, id);
    if (existsSync(p)) {
      rmSync(p, { force: true });
      removed++;
    }
  }
  return removed;
}
