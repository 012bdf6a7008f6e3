/**
 * The exchange through the same door the UI uses (dispatch with contract validation): first run as a
 * municipality, an enrollment file opened at first run, export (download and folder), one import call per
 * bundle as the import screen makes them, quarantine decisions and history.
 */
import { describe, it, expect } from 'vitest';
import { readdirSync } from 'node:fs';

import { testWorkspace, tempDir } from '../helpers.js';
import { IMPORT_BATCH_FILES, LIMITS } from '../../preload/contract/index.js';

describe('exchange calls', () => {
  it('municipality and school set up, exchange and see the results', async () => {
    const muni = testWorkspace();
    const school = testWorkspace();
    const st = await muni.ok('exchange.initMunicipality', { name: 'Управление образования (вымышленное)' });
    expect(st.role).toBe('municipality');
    const ms = await muni.ok('exchange.state', {});
    expect(ms.municipality?.name).toBe('Управление образования (вымышленное)');
    expect(ms.fingerprintDisplay).toMatch(/^[0-9A-F]{4}( [0-9A-F]{4}){7}$/);
    expect(ms.folderDialog).toBe(false);

    const enr = await muni.ok('exchange.enrollSchool', { name: 'МКОУ «Энская ООШ» (вымышленная)' });
    expect(enr.fileName).toMatch(/\.opora-enroll$/);
    const preview = await school.ok('exchange.previewEnrollment', { dataBase64: enr.dataBase64 });
    expect(preview).toMatchObject({ schoolId: enr.schoolId, municipalityName: 'Управление образования (вымышленное)', fingerprintDisplay: ms.fingerprintDisplay });
    expect(preview).not.toHaveProperty('secret');
    expect(enr.codeDisplay).toMatch(/^[A-HJKMNP-Z2-9]{5}-[A-HJKMNP-Z2-9]{5}$/);
    const wrong = await school.call('exchange.openEnrollment', { dataBase64: enr.dataBase64, code: 'AAAAA-AAAAA' });
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) expect(wrong.message).toMatch(/Код подключения неверен/);
    const opened = await school.ok('exchange.openEnrollment', { dataBase64: enr.dataBase64, code: enr.codeDisplay });
    expect(opened.state.role).toBe('school');
    expect(opened.state.school?.id).toBe(enr.schoolId);
    await school.ok('records.save', { entity: 'event', value: { title: 'Семинар (вымышленный)', kind: 'seminar', level: 'school', format: 'in_person', date_from: '2026-10-01' } });

    // Browser mode: downloads. Desktop: a folder from the shell's dialog.
    const files = await school.ok('exchange.exportDownload', {});
    expect(files).toHaveLength(1);
    expect(files[0]!.encrypted).toBe(true);
    const noDialog = await school.call('exchange.exportToFolder', {});
    expect(noDialog.ok).toBe(false);
    if (!noDialog.ok) expect(noDialog.message).toMatch(/в браузере файлы скачиваются/);
    const usb = tempDir();
    school.ws.pickFolder = async () => usb;
    const written = await school.ok('exchange.exportToFolder', {});
    expect(written.cancelled).toBe(false);
    expect(readdirSync(usb)).toEqual([written.written[0]!.path.split(/[\\/]/).pop()]);
    school.ws.pickFolder = async () => null;
    expect((await school.ok('exchange.exportToFolder', {})).cancelled).toBe(true);

    // A group of one, as the import screen may send it; a broken one is a result, not an error.
    const first = await muni.ok('exchange.import', { files: [{ fileName: files[0]!.fileName, dataBase64: files[0]!.dataBase64 }], dryRun: false }).then((rs) => rs[0]!);
    expect(first.status).toBe('accepted');
    expect(first.counts!.new).toBeGreaterThan(10);
    const broken = await muni.ok('exchange.import', { files: [{ fileName: 'сломанный.opora', dataBase64: Buffer.from('OPORABND').toString('base64') }], dryRun: false }).then((rs) => rs[0]!);
    expect(broken).toMatchObject({ status: 'rejected', reasonCode: 'truncated' });
    const bad = await muni.call('exchange.import', { files: [{ fileName: 'x.opora', dataBase64: '***' }], dryRun: false });
    expect(bad.ok).toBe(false);
    const history = await muni.ok('exchange.history', {});
    expect(history.map((h) => h.status)).toEqual(['rejected', 'accepted']);
    const schools = await muni.ok('exchange.schools', {});
    expect(schools[0]).toMatchObject({ id: enr.schoolId, status: 'enrolled' });

    // Down and back.
    const down = await muni.ok('exchange.exportDownload', { forSchool: 'all' });
    const back = await school.ok('exchange.import', { files: [{ fileName: down[0]!.fileName, dataBase64: down[0]!.dataBase64 }], dryRun: true }).then((rs) => rs[0]!);
    expect(back.status).toBe('accepted');
    expect(back.dryRun).toBe(true);
    expect((await school.ok('exchange.state', {})).enrollment?.enrolled).toBe(true);
    await muni.ws.close();
    await school.ws.close();
  });

  it('a stranger\'s bundle lands in quarantine and is accepted from the screen', async () => {
    const muni = testWorkspace();
    const stranger = testWorkspace();
    await muni.ok('exchange.initMunicipality', { name: 'Управление (вымышленное)' });
    await stranger.ok('workspace.createSchool', { name: 'Незнакомая школа (вымышленная)' });
    const f = (await stranger.ok('exchange.exportDownload', {}))[0]!;
    const r = await muni.ok('exchange.import', { files: [{ fileName: f.fileName, dataBase64: f.dataBase64 }], dryRun: false }).then((rs) => rs[0]!);
    expect(r.status).toBe('quarantined');
    expect((await muni.ok('exchange.state', {})).quarantine).toBe(1);
    const q = await muni.ok('exchange.quarantine', {});
    const decided = await muni.ok('exchange.quarantineDecide', { id: q[0]!.id, accept: true, fingerprintStart: q[0]!.fingerprintDisplay.slice(0, 4) });
    expect('status' in decided && decided.status).toBe('accepted');
    expect(await muni.ok('exchange.quarantine', {})).toEqual([]);
    await muni.ws.close();
    await stranger.ws.close();
  });

  it('a group of files is refused at the door, in words, when it holds too many or too much together', async () => {
    const muni = testWorkspace();
    await muni.ok('exchange.initMunicipality', { name: 'Управление (вымышленное)' });
    const many = await muni.call('exchange.import', { files: Array.from({ length: IMPORT_BATCH_FILES + 1 }, (_, i) => ({ fileName: `${i}.opora`, dataBase64: 'AAAA' })), dryRun: false });
    expect(many.ok).toBe(false);
    if (!many.ok) expect(many.message).toContain(`не больше ${IMPORT_BATCH_FILES} файлов`);
    // Each file alone is within the limit, together they are not: refused from the texts' lengths (one string, shared).
    const each = 'A'.repeat(Math.ceil(((LIMITS.bundle.maxBytes / IMPORT_BATCH_FILES) * 4) / 3) + 4000);
    const big = await muni.call('exchange.import', { files: Array.from({ length: IMPORT_BATCH_FILES }, (_, i) => ({ fileName: `${i}.opora`, dataBase64: each })), dryRun: false });
    expect(big.ok).toBe(false);
    if (!big.ok) expect(big.message).toMatch(/больше 160 МБ/);
    const none = await muni.call('exchange.import', { files: [], dryRun: false });
    expect(none.ok).toBe(false);
    expect((await muni.ok('exchange.history', {})).length).toBe(0);
    await muni.ws.close();
  });
});
