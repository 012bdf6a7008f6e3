/**
 * A school's journal files leave the school only when the school passes them on («Передать в управление
 * образования»), and not with a pupil's name inside: real SQLite files, real bundles, real .docx. The department
 * opens what it was given on the school's card; a validly signed bundle carrying the bytes of a file the school
 * did not share is refused whole.
 */
import { readAttachmentBytes } from '../../main/services/core/attachment-path.js';
import { describe, it, expect, afterEach } from 'vitest';
import { existsSync, readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import { makePair, schoolSigned, type Pair } from './exchange-fixtures.js';
import { saveRecord } from '../../main/services/records/records.js';
import { addAttachment, shareAttachment, readSchoolFile, eraseDeletedFiles } from '../../main/services/school/attachments.js';
import { includePupil } from '../../main/services/school/risk-group.js';
import { schoolDrillDown } from '../../main/services/municipality/overview.js';
import { importBundle } from '../../main/services/exchange/index.js';
import { tableEntry } from '../../main/services/exchange/export.js';

const pairs: Pair[] = [];
afterEach(() => {
  while (pairs.length) pairs.pop()!.close();
});

async function setup() {
  const p = makePair({ demo: null });
  pairs.push(p);
  const ev = await saveRecord(p.school.ctx, 'event', { title: 'Педагогический совет (вымышленный)', kind: 'teachers_council', level: 'school', format: 'in_person', date_from: '2026-10-01' });
  return { p, eventId: ev.id as string };
}

const docx = async (...lines: string[]) => Packer.toBuffer(new Document({ sections: [{ children: lines.map((l) => new Paragraph(l)) }] }));
const stored = (p: Pair, id: string) => join(p.muni.ctx.filesDir, 'attachments', id);
const pupil = (p: Pair, full_name: string) => includePupil(p.school.ctx, { full_name, birth_date: '2014-03-20', class_name: '5А' },
  { categories: ['absenteeism'], included_on: '2026-09-15', reason: 'Пропуски уроков', responsible: 'Сидорова А. В.' });

describe('a school journal’s file goes to the department only when passed on', () => {
  it('not passed on: the record arrives, the bytes stay at the school; passed on: the department opens it on the school’s card', async () => {
    const { p, eventId } = await setup();
    const protocol = await docx('Протокол педагогического совета № 2', 'Решили: утвердить план работы с неуспевающими.');
    const a = addAttachment(p.school.ctx, { eventId, fileName: 'Протокол педсовета.docx', mime: '', bytes: protocol });
    expect(a.share).toBe(0);
    expect(p.importToMuni(p.exportSchool()).status).toBe('accepted');
    expect(p.muni.ctx.raw.prepare('SELECT file_name, share FROM attachment WHERE id = ?').get(a.id)).toEqual({ file_name: 'Протокол педсовета.docx', share: 0 });
    expect(existsSync(stored(p, a.id))).toBe(false);
    expect(schoolDrillDown(p.muni.ctx, p.schoolId).files).toEqual([]);
    expect(() => readSchoolFile(p.muni.ctx, a.id)).toThrow(/не найден/i);

    p.clock.tick();
    expect(shareAttachment(p.school.ctx, a.id, true).share).toBe(1);
    expect(p.importToMuni(p.exportSchool()).status).toBe('accepted');
    expect(schoolDrillDown(p.muni.ctx, p.schoolId).files).toEqual([{ id: a.id, event_id: eventId, file_name: 'Протокол педсовета.docx', size: protocol.length }]);
    expect(Buffer.from(readSchoolFile(p.muni.ctx, a.id).bytes).equals(protocol)).toBe(true);
    // The school cannot use the department's door, nor the department share a school's file.
    expect(() => readSchoolFile(p.school.ctx, a.id)).toThrow(/управления образования/);
    expect(() => shareAttachment(p.muni.ctx, a.id, false)).toThrow(/только школа/);

    // Taken back: the next bundle makes the department drop the bytes it had.
    p.clock.tick();
    shareAttachment(p.school.ctx, a.id, false);
    expect(p.importToMuni(p.exportSchool()).status).toBe('accepted');
    expect(existsSync(stored(p, a.id))).toBe(false);
    expect(schoolDrillDown(p.muni.ctx, p.schoolId).files).toEqual([]);
  });

  it('a file that names a pupil is not passed on; a pupil added later stops the export, which names the file, not the pupil', async () => {
    const { p, eventId } = await setup();
    pupil(p, 'Лебедев Дмитрий Андреевич');
    const named = addAttachment(p.school.ctx, { eventId, fileName: 'Список.docx', mime: '', bytes: await docx('Поставить на учёт: Лебедев Дмитрий, 5А') });
    expect(() => shareAttachment(p.school.ctx, named.id, true)).toThrow(/«Список\.docx» не передан: в нём есть фамилия и имя обучающегося/);
    expect(p.school.ctx.raw.prepare('SELECT share FROM attachment WHERE id = ?').pluck().get(named.id)).toBe(0);
    const born = addAttachment(p.school.ctx, { eventId, fileName: 'даты.txt', mime: 'text/plain', bytes: Buffer.from('Дата рождения: 20.03.2014') });
    expect(() => shareAttachment(p.school.ctx, born.id, true)).toThrow(/дата рождения обучающегося/);

    const clean = addAttachment(p.school.ctx, { eventId, fileName: 'Протокол.txt', mime: 'text/plain', bytes: Buffer.from('Обсудили работу с Соколовой Марией Игоревной по математике.') });
    shareAttachment(p.school.ctx, clean.id, true); // no such pupil yet
    pupil(p, 'Соколова Мария Игоревна');
    let err: (Error & { code?: string }) | null = null;
    try { p.exportSchool(); } catch (e) { err = e as Error & { code?: string }; }
    expect(err?.code).toBe('pupil_in_file'); // not the texts' code: «Заменить имена кодами» cannot change a file
    expect(err?.message).toMatch(/Файл «Протокол\.txt» мероприятия «Педагогический совет \(вымышленный\)»: в нём есть фамилия и имя обучающегося/);
    expect(err?.message).toMatch(/снимите у файла отметку «Передать в управление образования»/);
    expect(err?.message).not.toMatch(/Соколов/);
    shareAttachment(p.school.ctx, clean.id, false);
    expect(p.importToMuni(p.exportSchool()).status).toBe('accepted');
    expect(existsSync(stored(p, clean.id))).toBe(false);
  });

  it('a photo or a damaged .docx cannot be read whole: passed on only with the person’s tick, and the export does not look again', async () => {
    const { p, eventId } = await setup();
    pupil(p, 'Лебедев Дмитрий Андреевич');
    const photo = addAttachment(p.school.ctx, { eventId, fileName: 'Фото.jpg', mime: 'image/jpeg', bytes: Buffer.from('\xff\xd8 Лебедев Дмитрий') });
    expect(() => shareAttachment(p.school.ctx, photo.id, true)).toThrow(/«Фото\.jpg» не передан: программа не умеет читать текст таких файлов/);
    expect(shareAttachment(p.school.ctx, photo.id, true, true).share).toBe(1);
    const broken = addAttachment(p.school.ctx, { eventId, fileName: 'Протокол.docx', mime: '', bytes: Buffer.from('не документ Word') });
    expect(() => shareAttachment(p.school.ctx, broken.id, true)).toThrow(/не смогла прочитать его текст/);
    expect(shareAttachment(p.school.ctx, broken.id, true, true).share).toBe(1);
    // The person vouched for both: the export takes them as they are.
    expect(p.importToMuni(p.exportSchool()).status).toBe('accepted');
    expect(existsSync(stored(p, photo.id))).toBe(true);
    // A file shared before the tick existed (an earlier version passed photos on unasked) stops the export.
    p.school.ctx.raw.prepare('DELETE FROM attachment_share_check WHERE attachment_id = ?').run(photo.id);
    let err: (Error & { code?: string }) | null = null;
    try { p.exportSchool(); } catch (e) { err = e as Error & { code?: string }; }
    expect(err?.code).toBe('pupil_in_file');
    expect(err?.message).toMatch(/Файл «Фото\.jpg» мероприятия «Педагогический совет \(вымышленный\)»: программа не умеет читать текст таких файлов/);
  });

  it('a validly signed bundle carrying the bytes of a file the school did not pass on is refused, and nothing is kept', async () => {
    const { p, eventId } = await setup();
    expect(p.importToMuni(p.exportSchool()).status).toBe('accepted'); // the school's key is pinned: a trusted sender
    const a = addAttachment(p.school.ctx, { eventId, fileName: 'Протокол.txt', mime: 'text/plain', bytes: Buffer.from('Протокол (вымышленный)') });
    const r = importBundle(p.muni.ctx, { fileName: 'чужие-байты.opora', bytes: withFile(p, a.id, 40) });
    expect(r.status).toBe('rejected');
    expect(r.reasonCode).toBe('tampered');
    expect(p.muni.ctx.raw.prepare('SELECT COUNT(*) FROM attachment').pluck().get()).toBe(0);
    expect(existsSync(stored(p, a.id))).toBe(false);
  });

  it('a school on a version before «Передать» sends its files unasked: the bundle is taken, the files are not', async () => {
    const { p, eventId } = await setup();
    expect(p.importToMuni(p.exportSchool()).status).toBe('accepted');
    const a = addAttachment(p.school.ctx, { eventId, fileName: 'Протокол.txt', mime: 'text/plain', bytes: Buffer.from('Протокол (вымышленный)') });
    const r = importBundle(p.muni.ctx, { fileName: 'старая-версия.opora', bytes: withFile(p, a.id, 41, { dropShare: true }) });
    expect(r.status).toBe('accepted');
    expect(p.muni.ctx.raw.prepare('SELECT share FROM attachment WHERE id = ?').pluck().get(a.id)).toBe(0);
    expect(existsSync(stored(p, a.id))).toBe(false);
    // Bytes such a version left at the department before the update are erased by the daily sweep; the school keeps its own.
    mkdirSync(join(p.muni.ctx.filesDir, 'attachments'), { recursive: true });
    writeFileSync(stored(p, a.id), 'Протокол (вымышленный)');
    expect(eraseDeletedFiles(p.muni.ctx)).toBe(1);
    expect(existsSync(stored(p, a.id))).toBe(false);
    expect(eraseDeletedFiles(p.school.ctx)).toBe(0);
    expect(existsSync(join(p.school.ctx.filesDir, 'attachments', a.id))).toBe(true);
  });
});

/** The school's event and attachment tables signed with its real key, plus the bytes of file `fileId` (shared or not). */
function withFile(p: Pair, fileId: string, sequence: number, o: { dropShare?: boolean } = {}): Buffer {
  const entries = ['event', 'attachment'].map((t) => {
    const { entry } = tableEntry(p.school.ctx.raw, t, 't.owner = ?', [p.schoolId]);
    if (t !== 'attachment' || !o.dropShare) return entry;
    // As an older version wrote it: no «share» column at all.
    const d = JSON.parse(entry.data.toString('utf8')) as { table: string; columns: string[]; rows: unknown[][] };
    const i = d.columns.indexOf('share');
    return { name: entry.name, data: Buffer.from(JSON.stringify({ table: d.table, columns: d.columns.filter((_, k) => k !== i), rows: d.rows.map((r) => r.filter((_, k) => k !== i)) }), 'utf8') };
  });
  return schoolSigned(p, [...entries, { name: `files/${fileId}`, data: readAttachmentBytes(p.school.ctx, 'attachment', fileId)! }], sequence);
}
