/**
 * One file store per table, and what a killed import leaves swept at the next open. Found: a school row that
 * reused the id of a department meeting file overwrote that file, and deleting the row deleted it (both tables
 * kept their bytes in files/attachments/<id>); kill -9 during an import left `.part` and orphan files.
 */
import { describe, it, expect, afterEach } from 'vitest';
import { existsSync, mkdirSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makePair, schoolSigned, type Pair } from './exchange-fixtures.js';
import { saveRecord } from '../../main/services/records/records.js';
import { addAttachment, shareAttachment, readAttachment, readSchoolFile } from '../../main/services/school/attachments.js';
import { importBundle } from '../../main/services/exchange/index.js';
import { tableEntry } from '../../main/services/exchange/export.js';
import { saveEvent } from '../../main/services/municipality/events.js';
import { eventSaveInput } from '../../preload/contract/meetings.js';
import { attachmentPath, sealAttachment } from '../../main/services/core/attachment-path.js';
import { openWorkspaceFile } from '../../main/cli/workspace-file.js';

const pairs: Pair[] = [];
afterEach(() => { while (pairs.length) pairs.pop()!.close(); });

async function setup() {
  const p = makePair({ demo: null });
  pairs.push(p);
  expect(p.importToMuni(p.exportSchool()).status).toBe('accepted');
  const ev = await saveRecord(p.school.ctx, 'event', { title: 'Педагогический совет (вымышленный)', kind: 'teachers_council', level: 'school', format: 'in_person', date_from: '2026-10-01' });
  return { p, eventId: ev.id as string };
}

/** The school's events and files signed with its real key, the file row's id replaced by `asId`, its bytes as `files/asId`. */
function reusingId(p: Pair, fileId: string, asId: string, bytes: Buffer, sequence: number, deleted = false): Buffer {
  const entries = ['event', 'attachment'].map((t) => {
    const { entry } = tableEntry(p.school.ctx.raw, t, 't.owner = ?', [p.schoolId]);
    if (t !== 'attachment') return entry;
    const d = JSON.parse(entry.data.toString('utf8')) as { table: string; columns: string[]; rows: unknown[][] };
    const idAt = d.columns.indexOf('id'), delAt = d.columns.indexOf('deleted_at');
    const rows = d.rows.map((r) => r.map((v, k) => (k === idAt && v === fileId ? asId : k === delAt && deleted ? '2026-11-25T10:05:00.000Z' : v)));
    return { name: entry.name, data: Buffer.from(JSON.stringify({ ...d, rows }), 'utf8') };
  });
  return schoolSigned(p, [...entries, { name: `files/${asId}`, data: bytes }], sequence);
}

describe('у каждой таблицы файлов своё хранилище', () => {
  it('строка школы с id файла совещания управления не заменяет и не удаляет этот файл', async () => {
    const { p, eventId } = await setup();
    const meeting = saveEvent(p.muni.ctx, eventSaveInput.parse({
      event: { kind: 'video_conference', format: 'online', date_from: '2026-11-20', topic: 'Совещание (вымышленное)', organiser: 'Управление образования' },
      schools: [{ school_id: p.schoolId, status: 'present' }],
    }));
    const protocol = addAttachment(p.muni.ctx, { eventId: meeting.event.id, fileName: 'Протокол совещания.txt', mime: 'text/plain', bytes: Buffer.from('Протокол совещания управления (вымышленный)') });

    const own = addAttachment(p.school.ctx, { eventId, fileName: 'Подмена.txt', mime: 'text/plain', bytes: Buffer.from('Чужое содержимое') });
    shareAttachment(p.school.ctx, own.id, true);
    const hostile = reusingId(p, own.id, protocol.id, Buffer.from('Чужое содержимое'), 41);
    importBundle(p.muni.ctx, { fileName: 'школа.opora', bytes: hostile });
    expect(Buffer.from(readAttachment(p.muni.ctx, protocol.id).bytes).toString('utf8')).toBe('Протокол совещания управления (вымышленный)');

    importBundle(p.muni.ctx, { fileName: 'школа-2.opora', bytes: reusingId(p, own.id, protocol.id, Buffer.from('Чужое содержимое'), 42, true) });
    expect(Buffer.from(readAttachment(p.muni.ctx, protocol.id).bytes).toString('utf8')).toBe('Протокол совещания управления (вымышленный)');
  });

  it('файлы совещаний, лежавшие в общей папке прежних версий, переезжают в свою при открытии', async () => {
    const { p } = await setup();
    const meeting = saveEvent(p.muni.ctx, eventSaveInput.parse({
      event: { kind: 'video_conference', format: 'online', date_from: '2026-11-20', topic: 'Совещание (вымышленное)', organiser: 'Управление образования' },
      schools: [{ school_id: p.schoolId, status: 'present' }],
    }));
    const protocol = addAttachment(p.muni.ctx, { eventId: meeting.event.id, fileName: 'Протокол.txt', mime: 'text/plain', bytes: Buffer.from('Протокол (вымышленный)') });
    // Where a version before per-table stores kept it.
    const old = join(p.muni.ctx.filesDir, 'attachments');
    mkdirSync(old, { recursive: true });
    renameSync(attachmentPath(p.muni.ctx, 'mun_event_attachment', protocol.id), join(old, protocol.id));
    const path = join(p.dir, 'muni.sqlite');
    p.muni.close();
    const again = openWorkspaceFile(path, p.clock.now);
    try {
      expect(Buffer.from(readAttachment(again.ctx, protocol.id).bytes).toString('utf8')).toBe('Протокол (вымышленный)');
      expect(existsSync(join(old, protocol.id))).toBe(false);
    } finally {
      again.close();
      p.muni = openWorkspaceFile(path, p.clock.now);
    }
  });
});

describe('после kill -9 во время загрузки', () => {
  it('при открытии убираются недописанные и лишние файлы, а файл, заменённый незавершённой загрузкой, возвращается', async () => {
    const { p, eventId } = await setup();
    const kept = addAttachment(p.school.ctx, { eventId, fileName: 'Протокол.txt', mime: 'text/plain', bytes: Buffer.from('Протокол 1 (вымышленный)') });
    shareAttachment(p.school.ctx, kept.id, true);
    expect(p.importToMuni(p.exportSchool()).status).toBe('accepted');
    const dir = join(p.muni.ctx.filesDir, 'attachments');
    const path = join(dir, kept.id);
    // What an import killed between its file writes and its commit leaves (import.ts writes `.part`, moves the old
    // bytes to `.prev`, renames `.part` into place, commits, removes `.prev`):
    writeFileSync(join(dir, 'чужой-id.part'), 'половина файла');
    writeFileSync(join(dir, '0b1c2d3e-0000-4000-8000-000000000000'), sealAttachment(p.muni.ctx.raw, '0b1c2d3e-0000-4000-8000-000000000000', Buffer.from('файл без записи')));
    renameSync(path, path + '.prev');
    writeFileSync(path, sealAttachment(p.muni.ctx.raw, kept.id, Buffer.from('новая версия, которую загрузка не успела записать')));
    const db = join(p.dir, 'muni.sqlite');
    p.muni.close();
    p.muni = openWorkspaceFile(db, p.clock.now);
    expect(readdirSync(dir).sort()).toEqual([kept.id]);
    expect(Buffer.from(readSchoolFile(p.muni.ctx, kept.id).bytes).toString('utf8')).toBe('Протокол 1 (вымышленный)');
  });
});
