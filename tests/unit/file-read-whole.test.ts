/**
 * «Shared files are read whole or not passed on», through dispatch on a real school workspace: every kind of
 * file with a fictional pupil hidden somewhere is refused at sharing; a hostile or oversized file is refused as
 * unreadable fast, in a worker thread; a file that cannot be read goes only with the person's tick, which is
 * kept and logged, and the export does not read such a file again but does read a readable one.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openWorkspaceFile } from '../../main/cli/workspace-file.js';
import { generateDemo } from '../../main/services/school/demo.js';
import { addAttachment, shareAttachment } from '../../main/services/school/attachments.js';
import { tempDir } from '../helpers.js';
import { zipSync, strToU8 } from 'fflate';
import { deflateRawSync } from 'node:zlib';
import { testWorkspace } from '../helpers.js';
import { includePupil } from '../../main/services/school/risk-group.js';
import { extractText } from '../../main/services/privacy/file-text.js';
import { readWholeSync, readWhole } from '../../main/services/privacy/read-whole.js';
import { accessLog } from '../../main/services/privacy/access-log.js';
import { PUPIL, pupilFiles, docx, understated, handZip } from './shared-file-fixtures.js';

const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');

async function school() {
  const t = testWorkspace();
  await t.ok('workspace.createSchool', { name: 'МКОУ «Тестовая основная общеобразовательная школа» (вымышленная)' });
  const ev = await t.ok('records.save', { entity: 'event', value: { title: 'Педагогический совет', kind: 'teachers_council', level: 'school', format: 'in_person', date_from: '2026-11-10' } });
  includePupil(t.ws.ctx(), { ...PUPIL, class_name: '5А' }, { categories: ['absenteeism'], included_on: '2026-09-15', reason: 'Пропуски уроков', responsible: 'Сидорова А. В.' });
  const add = async (fileName: string, bytes: Uint8Array) => (await t.ok('attachments.add', { eventId: ev.id as string, fileName, mime: '', dataBase64: b64(bytes) })).id;
  return { t, add };
}

/** A zip of `n` parts with a few bytes each. */
const manyParts = (n: number) => zipSync(Object.fromEntries(Array.from({ length: n }, (_, i) => [`word/p${i}.xml`, strToU8(`<a>${i}</a>`)])));

/** One deflated part of `mb` megabytes of spaces whose headers say 16 bytes: a zip bomb. */
const zipBomb = (mb: number) => handZip('word/document.xml', deflateRawSync(Buffer.alloc(mb * 1024 * 1024, 0x20), { level: 9 }));


describe('a shared file is read whole', () => {
  let files: [string, string, Buffer][] = [];
  beforeAll(async () => {
    files = await pupilFiles();
  });

  it('finds the pupil in every kind of file and refuses it at sharing', async () => {
    const { t, add } = await school();
    const passed: string[] = [];
    for (const [what, name, bytes] of files) {
      const id = await add(name, bytes);
      const r = await t.call('attachments.share', { id, share: true });
      if (r.ok || r.code !== 'pupil_in_file') passed.push(`${what}: ${r.ok ? 'передан' : r.message}`);
    }
    expect(passed).toEqual([]);
    expect(files.length).toBeGreaterThanOrEqual(25);
  });

  it('writes an Excel date serial out as a date, and emits soft hyphens and look-alike letters as they are', () => {
    const r = extractText('a.txt', Buffer.from('Код 41718 и 41718.5; Ле\u00adбедев Дмитpий'));
    expect(r.ok && r.text).toContain('20.03.2014');
    expect(r.ok && r.text).toContain('Ле\u00adбедев Дмитpий');
  });

  it('refuses a hostile 1 KB file of unclosed «<» as unreadable in well under a second', async () => {
    // A megabyte of «<» deflates to about a kilobyte: the old tag-stripping regex took 54 s over it.
    const hostile = Buffer.from(zipSync({ 'word/document.xml': strToU8('<'.repeat(1024 * 1024)) }, { level: 9 }));
    expect(hostile.length).toBeLessThan(1300);
    readWholeSync('прогрев.docx', await docx('прогрев')); // the worker thread started once, as in the app
    const t0 = performance.now();
    expect(readWholeSync('враждебный.docx', hostile)).toEqual({ ok: false, why: 'damaged' });
    expect(readWholeSync('враждебный.html', Buffer.from('<'.repeat(1024))).ok).toBe(true); // HTML: text to the end
    expect(performance.now() - t0).toBeLessThan(1000);
    const { t, add } = await school();
    const id = await add('враждебный.docx', hostile);
    const t1 = performance.now();
    const r = await t.call('attachments.share', { id, share: true });
    expect(performance.now() - t1).toBeLessThan(1000);
    expect(r.ok ? null : r.code).toBe('file_unreadable');
  });

  it('bounds 20 000 small parts, a zip bomb and a header that understates the size', async () => {
    const many = manyParts(20_000);
    let t0 = performance.now();
    expect(readWholeSync('части.docx', many)).toEqual({ ok: false, why: 'limit' });
    const parts = performance.now() - t0;
    expect(parts).toBeLessThan(2000);
    const bomb = zipBomb(150);
    t0 = performance.now();
    expect(readWholeSync('бомба.docx', bomb)).toEqual({ ok: false, why: 'limit' });
    expect(performance.now() - t0).toBeLessThan(3000);
    const small = extractText('размер.docx', understated(await docx('Протокол. '.repeat(500), 'Лебедев Дмитрий')));
    expect(small.ok && small.text).toContain('Лебедев Дмитрий');
  });

  it('stops a reading that takes too long (wall clock), terminating the worker, and goes on with a new one', async () => {
    const big = await docx(...Array.from({ length: 4000 }, (_, i) => `Абзац ${i}: обсудили работу с отстающими.`));
    expect(readWholeSync('долго.docx', big, 1)).toEqual({ ok: false, why: 'limit' });
    expect(readWholeSync('потом.docx', await docx('Лебедев Дмитрий'))).toMatchObject({ ok: true });
    expect(await readWhole('долго.docx', big, 1)).toEqual({ ok: false, why: 'limit' });
    expect(await readWhole('потом.docx', await docx('Лебедев Дмитрий'))).toMatchObject({ ok: true });
  });

  it('says a photo, a PDF or a document with a picture cannot be read whole', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    expect(extractText('фото.jpg', png)).toEqual({ ok: false, why: 'kind' });
    expect(extractText('протокол.pdf', Buffer.from('%PDF-1.4'))).toEqual({ ok: false, why: 'kind' });
    const { withParts } = await import('./shared-file-fixtures.js');
    const plain = await docx('Протокол');
    expect(extractText('рисунок.docx', withParts(plain, { 'word/media/image1.png': png }))).toMatchObject({ ok: false, why: 'pictures' });
    // Around the picture the text is read: a name there refuses the file, whatever the person ticks.
    const { t, add } = await school();
    const named = await add('рисунок.docx', withParts(await docx('Лебедев Дмитрий'), { 'word/media/image1.png': png }));
    expect(await t.call('attachments.share', { id: named, share: true, checked: true })).toMatchObject({ ok: false, code: 'pupil_in_file' });
    const clean = await add('рисунок.docx', withParts(plain, { 'word/media/image1.png': png }));
    expect(await t.call('attachments.share', { id: clean, share: true })).toMatchObject({ ok: false, code: 'file_unreadable' });
    expect((await t.call('attachments.share', { id: clean, share: true })).ok ? '' : 'в нём есть рисунки').toBe('в нём есть рисунки');
    // The package's own thumbnail is a picture of the text that is read anyway.
    expect(extractText('миниатюра.docx', withParts(plain, { 'docProps/thumbnail.png': png })).ok).toBe(true);
  });
});

describe('a file that cannot be read whole goes only with the person’s tick', () => {
  it('is refused without the tick, with the reason and what to do; with it, passed on, kept and logged', async () => {
    const { t, add } = await school();
    const id = await add('Фото с педсовета.jpg', Buffer.from('ffd8ffe000104a464946', 'hex'));
    const refused = await t.call('attachments.share', { id, share: true });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.code).toBe('file_unreadable');
    expect(refused.message).toMatch(/^Файл «Фото с педсовета\.jpg» не передан: программа не умеет читать текст таких файлов/);
    expect(refused.message).toMatch(/отметьте «Я проверил\(а\): в файле нет данных обучающихся»/);
    expect(t.ws.ctx().raw.prepare('SELECT share FROM attachment WHERE id = ?').pluck().get(id)).toBe(0);

    expect((await t.ok('attachments.share', { id, share: true, checked: true })).share).toBe(1);
    const log = accessLog(t.ws.ctx()).filter((e) => e.action === 'share_unchecked');
    expect(log).toHaveLength(1);
    expect(log[0]!.detail).toBe('«Фото с педсовета.jpg», отметка «Я проверил(а): в файле нет данных обучающихся»; программа не читает такие файлы');
    expect(t.ws.ctx().raw.prepare('SELECT reason FROM attachment_share_check WHERE attachment_id = ?').pluck().get(id)).toBe('kind');

    // Taken back: the tick goes with it, and the next share asks again.
    await t.ok('attachments.share', { id, share: false });
    expect(t.ws.ctx().raw.prepare('SELECT COUNT(*) FROM attachment_share_check').pluck().get()).toBe(0);
    expect((await t.call('attachments.share', { id, share: true })).ok).toBe(false);
  });

  it('does not let the tick pass a file whose text names a pupil', async () => {
    const { t, add } = await school();
    const id = await add('Список.docx', await docx('Лебедев Дмитрий, 5А'));
    const r = await t.call('attachments.share', { id, share: true, checked: true });
    expect(r.ok ? null : r.code).toBe('pupil_in_file');
    expect(accessLog(t.ws.ctx()).filter((e) => e.action === 'share_unchecked')).toHaveLength(0);
  });
});

describe('the built bundle', () => {
  const cli = resolve('dist/cli.cjs');
  it.runIf(existsSync(cli) && existsSync(resolve('dist/file-text-worker.cjs')))('reads a shared file in dist/file-text-worker.cjs at export (opora export)', async () => {
    const dir = tempDir('opora-bundle-');
    const db = join(dir, 'school.sqlite');
    const w = openWorkspaceFile(db, () => new Date('2026-11-25T10:00:00'));
    generateDemo(w.ctx, { size: 'small', seed: 2 });
    const eventId = w.ctx.raw.prepare('SELECT id FROM event WHERE deleted_at IS NULL LIMIT 1').pluck().get() as string;
    const a = addAttachment(w.ctx, { eventId, fileName: 'Список.docx', mime: '', bytes: await docx('Обсудили: Кондратьев Евлампий, 5А') });
    shareAttachment(w.ctx, a.id, true); // nobody of that name yet
    includePupil(w.ctx, { full_name: 'Кондратьев Евлампий Ипатович', birth_date: '2014-05-02', class_name: '5А' }, { categories: ['absenteeism'], included_on: '2026-09-15', reason: 'Пропуски уроков', responsible: 'Сидорова А. В.' });
    w.close();
    const r = spawnSync(process.execPath, [cli, 'export', '--db', db, '--out', join(dir, 'out')], { encoding: 'utf8' });
    expect(r.status).not.toBe(0);
    expect(r.stdout + r.stderr).toMatch(/Файл «Список\.docx» мероприятия «[^»]+»: в нём есть фамилия и имя обучающегося/);
  });
});
