/**
 * The roadmap справка as a document (issue 20, items 9–10): registered with the number and date the user typed,
 * its period in words, the plan's table as written (sub-rows under their row with no number made up,
 * «Выполнено частично», no empty «Сроки»/«Ответственные» columns), her closing instead of the computed one; and
 * a приказ that approves it with the table in «Приложение 1». Printed to .docx and read back.
 */
import { describe, it, expect, afterAll } from 'vitest';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { tempDir } from '../helpers.js';
import { openWorkspaceFile, type OpenWorkspace } from '../../main/cli/workspace-file.js';
import { initMunicipality } from '../../main/services/core/municipality-profile.js';
import { saveRoadmap, saveRoadmapActivity } from '../../main/services/municipality/roadmap.js';
import { draftFromRoadmap, draftOrder, saveDocument } from '../../main/services/municipality/documents.js';
import { saveReportSettings, getReportSettings } from '../../main/services/municipality/report-settings.js';
import { saveCurator } from '../../main/services/municipality/roster.js';
import { printDocument } from '../../main/services/reports/documents/print.js';
import { roadmapDocumentSummary } from '../../main/services/reports/documents/roadmap-doc.js';
import { documentSaveInput } from '../../preload/contract/meetings.js';
import { roadmapInput, roadmapActivityInput, curatorInput } from '../../preload/contract/municipality.js';
import { readDocx } from './report-reader.js';

/** A register row as the editor sends it back: without the bookkeeping columns and what is set by printing. */
const editable = (d: Record<string, unknown>) => Object.fromEntries(Object.entries(d).filter(([k]) => !['owner', 'origin', 'hlc', 'created_at', 'updated_at', 'deleted_at', 'snapshot', 'printed_at', 'sections'].includes(k)));

const dir = tempDir('opora-roadmap-doc-');
let w: OpenWorkspace;
afterAll(() => w?.close());

describe('the roadmap справка and the приказ approving it', () => {
  it('prints the plan as written, registered as typed, and the приказ carries it as «Приложение 1»', async () => {
    w = openWorkspaceFile(join(dir, 'muni.sqlite'), () => new Date('2026-11-25T10:00:00'));
    const ctx = w.ctx;
    initMunicipality(ctx, 'Управление образования Энского района (вымышленное)');
    saveReportSettings(ctx, { ...getReportSettings(ctx), organisation: 'Управление образования Энского района', headName: 'Н.Г. Гвоздкова', headPosition: 'Начальник Управления образования', place: 'г. Энск' });
    const rm = saveRoadmap(ctx, roadmapInput.parse({ title: 'Методическая поддержка школ с низкими результатами обучения', year_from: 2026, year_to: 2027, approval_number: '676', approval_date: '2026-09-30', goals: 'Разработка комплекса мер', tasks: 'Проводить анализ причин' }));
    const act = (v: Record<string, unknown>) => saveRoadmapActivity(ctx, roadmapActivityInput.parse({ roadmap_id: rm.id, date_from: '2026-10-01', date_to: '2026-10-30', all_schools: 1, ...v }));
    const seven = act({ number: '7', title: 'Методические мероприятия по диссеминации опыта', status: 'not_done', completion_mark: 'Семинары между школами с НОР и школами-лидерами — нет.' });
    const eight = act({ number: '8', title: 'Организация кураторского сопровождения', status: 'partly', completion_mark: 'Куратор, директор МБОУ «СОШ № 89», включился в сопровождение школ.' });
    act({ title: '- взаимодействие педагогов школ с НОР по отдельным учебным предметам', status: 'not_done', completion_mark: 'нет', parent_id: eight.id });
    const sub = act({ title: '- управленческих команд школ с НОР', status: 'done', completion_mark: 'Встречи директоров с куратором', parent_id: eight.id });
    // One level, as in a printed plan: no sub-row under a sub-row, and a row with sub-rows does not become one.
    expect(() => act({ title: 'Ещё ниже', parent_id: sub.id })).toThrow(/только к пункту с номером/);
    expect(() => act({ id: eight.id, number: '8', title: 'Организация кураторского сопровождения', status: 'partly', parent_id: seven.id })).toThrow(/есть свои подпункты/);
    act({ number: '1', title: 'Самоанализ причин низких образовательных результатов', status: 'done', completion_mark: 'Проведён самоанализ.' });
    // A curator that is a school, with no person named.
    expect(saveCurator(ctx, curatorInput.parse({ organisation: 'МБОУ «СОШ № 89» (школа-куратор)' })).full_name).toBe('');
    expect(() => curatorInput.parse({ position: 'директор' })).toThrow(/ФИО куратора или организацию/);

    const draft = draftFromRoadmap(ctx).document;
    expect(draft.doc_date).toBeNull();
    expect(draft.number).toBe('');
    // The computed summary is offered, and what she writes instead is what prints.
    expect(roadmapDocumentSummary(ctx, draft.id).text).toMatch(/^Из 5 мероприятий дорожной карты выполнено 2 \(40.%\), выполнено частично — 1, в работе — 0, не выполнено — 2; выполнены частично: 8; не выполнены или срок истёк: 7, 8 \(«взаимодействие педагогов школ с НОР по отдельным учебным предметам»\)\./);
    const closing = 'В ходе реализации плана выявились недочёты в работе с управленческими командами школ с НОР.';
    const rest = editable(draft);
    const spravka = saveDocument(ctx, documentSaveInput.parse({ document: { ...rest, number: '01-12/55', doc_date: '2026-11-20', period_text: 'прошедший учебный год (октябрь – ноябрь)', closing }, sections: null })).document;

    const s = await readDocx((await printDocument(ctx, spravka.id)).bytes);
    expect(s.paragraphs).toContain('20.11.2026\t№ 01-12/55');
    expect(s.paragraphs).toContain('За прошедший учебный год (октябрь – ноябрь) со школами проведена работа по следующим направлениям:');
    const t = s.tables[0]!;
    expect(t.rows[0]!.cells).toEqual(['№ п/п', 'Мероприятие', 'Отметка о выполнении']);
    expect(t.rows.slice(1).map((r) => r.cells[0])).toEqual(['1', '7', '8', '', '']);
    expect(t.rows[3]!.cells[2]).toBe('Выполнено частично. Куратор, директор МБОУ «СОШ № 89», включился в сопровождение школ.');
    expect(t.rows[4]!.cells[1]).toBe('- взаимодействие педагогов школ с НОР по отдельным учебным предметам');
    expect(s.paragraphs).toContain(closing);
    expect(s.allText).not.toMatch(/дорожной карты выполнено \d/);
    expect(s.allText).not.toMatch(/\d{4}-\d{2}-\d{2}/);

    const order = draftOrder(ctx, spravka.id).document;
    expect(order.preamble).toBe('В соответствии с приказом Управления образования Энского района от 30.09.2026 № 676 «Об утверждении муниципальной дорожной карты «Методическая поддержка школ с низкими результатами обучения»»');
    const orest = editable(order);
    saveDocument(ctx, documentSaveInput.parse({ document: { ...orest, number: '374', doc_date: '2026-11-26' }, sections: null }));
    const printed = await printDocument(ctx, order.id);
    writeFileSync('/tmp/roadmap-doc-shots/order.docx', printed.bytes);
    const o = await readDocx(printed.bytes);
    const at = (p: string) => o.paragraphs.findIndex((x) => x.includes(p));
    for (const p of ['П Р И К А З', '26.11.2026\t№ 374', 'Об утверждении информационной справки об итогах реализации', 'п р и к а з ы в а ю:', 'Утвердить информационную справку', 'Приложение 1', 'к приказу Управления образования Энского района', 'Информационная справка об итогах реализации муниципальной дорожной карты', 'от 26.11.2026 № 374', closing]) {
      expect(at(p), p).toBeGreaterThan(-1);
    }
    expect(at('п р и к а з ы в а ю:')).toBeLessThan(at('Приложение 1'));
    const appendix = o.tables[0]!;
    expect(appendix.rows.slice(1).map((r) => r.cells[0])).toEqual(['1', '7', '8', '', '']);
    expect(appendix.rows.map((r) => r.cells[2])).toContain('Выполнено частично. Куратор, директор МБОУ «СОШ № 89», включился в сопровождение школ.');
    writeFileSync('/tmp/roadmap-doc-shots/spravka.docx', (await printDocument(ctx, spravka.id)).bytes);
  });
});
