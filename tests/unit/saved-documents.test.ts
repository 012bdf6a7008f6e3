/**
 * A generated справка is saved to the documents folder under a readable name and opened at once through
 * the shell's function; only files the app saved can be opened through the door; a browser tab (no shell)
 * downloads instead.
 */
import { describe, it, expect } from 'vitest';
import { existsSync } from 'node:fs';
import { join, basename } from 'node:path';
import { testWorkspace, tempDir } from '../helpers.js';

async function finished(t: ReturnType<typeof testWorkspace>, jobId: string) {
  for (let i = 0; i < 200; i++) {
    const p = await t.ok('reports.progress', { jobId });
    if (p.finished) return p;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('report did not finish');
}

describe('generated documents', () => {
  it('are saved to «Документы/Опора» and opened by the shell; other paths are refused', async () => {
    const t = testWorkspace();
    const docs = join(tempDir(), 'Опора');
    const opened: [string, boolean][] = [];
    t.ws.documentsDir = docs;
    // The Electron shell's shell.openPath / showItemInFolder: outside our code, so the host supplies it.
    t.ws.openPath = async (path, reveal) => { opened.push([path, reveal]); return null; };
    await t.ok('workspace.createSchool', { name: 'МБОУ "Средняя школа № 13"', short_name: 'Школа № 13', director: 'Петрова Анна Ивановна' });
    const job = await t.ok('reports.start', { kind: 'school', format: 'docx' });
    await finished(t, job.id);
    const r = await t.ok('reports.saveResult', { jobId: job.id });
    expect(r.path).not.toBeNull();
    expect(existsSync(r.path!)).toBe(true);
    expect(r.path!.startsWith(docs)).toBe(true);
    expect(basename(r.path!)).not.toMatch(/__|_{2,}/);
    await t.ok('files.open', { path: r.path!, reveal: false });
    await t.ok('files.open', { path: r.path!, reveal: true });
    expect(opened).toEqual([[r.path, false], [r.path, true]]);
    const refused = await t.call('files.open', { path: '/etc/passwd', reveal: false });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.message).toMatch(/не сохраняла/);
  });

  it('a browser tab gets no path and downloads the result', async () => {
    const t = testWorkspace();
    await t.ok('workspace.createSchool', { name: 'МБОУ «Школа № 5»', director: 'Сидоров Пётр Ильич' });
    const job = await t.ok('reports.start', { kind: 'school', format: 'docx' });
    await finished(t, job.id);
    expect(await t.ok('reports.saveResult', { jobId: job.id })).toEqual({ path: null, fileName: null });
    const f = await t.ok('reports.result', { jobId: job.id });
    expect(f.fileName).toMatch(/^Справка_о_реализации_программы_МБОУ_«Школа_№_5»_01\.09\.\d{4}-\d\d\.\d\d\.\d{4}\.docx$/);
  });

  it('asks for the director\'s name before the first справка: the справка ends with the signature', async () => {
    const t = testWorkspace();
    await t.ok('workspace.createSchool', { name: 'МБОУ «Школа № 7»' });
    const job = await t.ok('reports.start', { kind: 'school', format: 'docx' });
    const done = await finished(t, job.id);
    expect(done.error).toBe('Справку подписывает директор, а его ФИО в профиле школы не указано. Откройте «Профиль школы», заполните поле «Директор (ФИО)» и сформируйте справку снова.');
  });
});
