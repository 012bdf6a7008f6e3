/**
 * `opora report --kind meeting|order` over a real demo municipality file made by `opora demo --schools`: the
 * register's справка about a meeting, an unsaved draft when the register has none, the latest приказ, and
 * Russian errors with their exit codes.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../helpers.js';
import { runCli } from '../../main/cli/index.js';
import { openWorkspaceFile } from '../../main/cli/workspace-file.js';
import { readDocx } from './report-reader.js';

const NOW = () => new Date('2026-11-25T10:00:00Z');

async function opora(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l), now: NOW });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const dir = tempDir('opora-cli-docs-');
const db = join(dir, 'municipality.sqlite');
const text = async (file: string) => (await readDocx(readFileSync(file))).allText;
/** What the file holds, read with the app's own opening (closed again before the command runs). */
function query<T>(sql: string): T[] {
  const w = openWorkspaceFile(db, NOW);
  try {
    return w.ctx.raw.prepare(sql).all() as T[];
  } finally {
    w.close();
  }
}

beforeAll(async () => {
  const r = await opora('demo', '--db', db, '--schools', '5', '--seed', '2');
  expect(r.code, r.err).toBe(0);
}, 120_000);

describe('opora report --kind meeting', () => {
  it('without --event: the latest meeting held; with no справка in the register, a draft that is not saved', async () => {
    const before = query<{ n: number }>('SELECT COUNT(*) AS n FROM mun_document')[0]!.n;
    const out = join(dir, 'latest.docx');
    const r = await opora('report', '--db', db, '--kind', 'meeting', '--out', out);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/черновик справки по данным мероприятия \(в реестр не записан\) — семинар «Работа со школьной неуспешностью/);
    const t = await text(out);
    for (const part of ['Работа со школьной неуспешностью', 'Выводы', 'Программы поддержки обучающихся с трудностями в обучении требуют доработки']) expect(t, part).toContain(part);
    expect(t).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(query<{ n: number }>('SELECT COUNT(*) AS n FROM mun_document')[0]!.n).toBe(before);
  });

  it('with --event: the register’s справка about it, with its number and date', async () => {
    const [vc] = query<{ id: string }>("SELECT id FROM mun_event WHERE kind = 'video_conference'");
    const out = join(dir, 'vc.docx');
    const r = await opora('report', '--db', db, '--kind', 'meeting', '--event', vc!.id, '--out', out);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('справка из реестра № 01-12/418 от 19.10.2026');
    const t = await text(out);
    for (const part of ['01-12/418', '19.10.2026', 'Выводы', 'Предложения', 'Информацию принять к сведению']) expect(t, part).toContain(part);
  });

  it('refuses an unknown event, a wrong format and options of other kinds', async () => {
    const unknown = await opora('report', '--db', db, '--kind', 'meeting', '--event', '00000000-0000-4000-8000-000000000000', '--out', join(dir, 'x.docx'));
    expect([unknown.code, unknown.err]).toEqual([1, 'Мероприятие «00000000-0000-4000-8000-000000000000» не найдено в журнале мероприятий.']);
    const xlsx = await opora('report', '--db', db, '--kind', 'meeting', '--out', join(dir, 'x.xlsx'));
    expect([xlsx.code, xlsx.err]).toEqual([2, 'Для --kind meeting файл --out должен оканчиваться на .docx.']);
    const doc = await opora('report', '--db', db, '--kind', 'meeting', '--document', 'x', '--out', join(dir, 'x.docx'));
    expect(doc.code).toBe(2);
    const ev = await opora('report', '--db', db, '--kind', 'roadmap', '--event', 'x', '--out', join(dir, 'x.docx'));
    expect([ev.code, ev.err]).toEqual([2, 'Параметр --event — только для --kind meeting.']);
    const help = await opora('report', '--help');
    expect(help.out).toMatch(/--kind meeting --out ФАЙЛ\.docx \[--event ИДЕНТИФИКАТОР\]/);
    expect(help.out).toMatch(/в реестр он не записывается/);
  });
});

describe('opora report --kind order', () => {
  it('without --document: the latest приказ of the register, with the справка it approves as Приложение 1', async () => {
    const out = join(dir, 'order.docx');
    const r = await opora('report', '--db', db, '--kind', 'order', '--out', out);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/приказ № 214-од от 21\.10\.2026/);
    const t = await text(out);
    const at = (s: string) => t.indexOf(s);
    for (const part of ['П Р И К А З', '214-од', 'п р и к а з ы в а ю:', 'Приложение 1']) expect(at(part), part).toBeGreaterThan(-1);
    expect(at('п р и к а з ы в а ю:')).toBeLessThan(at('Приложение 1'));
  });

  it('with --document: that приказ; a справка is refused; a register without приказы says so in Russian', async () => {
    const [order] = query<{ id: string }>("SELECT id FROM mun_document WHERE kind = 'order'");
    const ok = await opora('report', '--db', db, '--kind', 'order', '--document', order!.id, '--out', join(dir, 'o2.docx'));
    expect(ok.code, ok.err).toBe(0);
    const [spravka] = query<{ id: string }>("SELECT id FROM mun_document WHERE kind = 'spravka'");
    const wrong = await opora('report', '--db', db, '--kind', 'order', '--document', spravka!.id, '--out', join(dir, 'o3.docx'));
    expect(wrong.code).toBe(1);
    expect(wrong.err).toMatch(/— не приказ\./);

    const empty = join(dir, 'empty.sqlite');
    expect((await opora('init', '--db', empty, '--municipality', 'Управление образования Энского района (вымышленное)')).code).toBe(0);
    const none = await opora('report', '--db', empty, '--kind', 'order', '--out', join(dir, 'none.docx'));
    expect([none.code, none.err]).toEqual([1, 'В реестре документов нет ни одного приказа. Составьте его на вкладке «Документы» (в карточке справки — «Подготовить приказ об утверждении»).']);
    const noMeeting = await opora('report', '--db', empty, '--kind', 'meeting', '--out', join(dir, 'none.docx'));
    expect(noMeeting.code).toBe(1);
    expect(noMeeting.err).toMatch(/нет ни одного проведённого мероприятия/);
  });
});
