/**
 * The municipality's own documents (issue 10): the справка об итогах совещания and the приказ that approves it,
 * built from a fictional model, rendered to .docx and read back — each part in order, sections switched off,
 * the short version shorter, the ГОСТ signature form, blank number and date as lines, no ISO date anywhere.
 */
import { describe, it, expect } from 'vitest';
import { meetingDoc } from '../../main/services/reports/documents/meeting.js';
import { orderDoc } from '../../main/services/reports/documents/order.js';
import { renderDocx } from '../../main/services/reports/docx.js';
import { meeting, order, requisites } from './documents-fixture.js';
import { readDocx } from './report-reader.js';

const NB = '\u00a0';

/** Index of the first paragraph (at or after `from`) matching, −1 when none: used to check the order of the parts. */
function inOrder(paragraphs: string[], patterns: (string | RegExp)[]) {
  let at = -1;
  for (const p of patterns) {
    const i = paragraphs.findIndex((x, k) => k > at && (typeof p === 'string' ? x.includes(p) : p.test(x)));
    expect(i, `«${String(p)}» after paragraph ${at}`).toBeGreaterThan(at);
    at = i;
  }
}

const ISO = /\b\d{4}-\d{2}-\d{2}\b/;

describe('справка об итогах совещания', () => {
  it('prints every part in order, with the ГОСТ forms of names and dates in words', async () => {
    const d = await readDocx(await renderDocx(meetingDoc(meeting())));
    inOrder(d.paragraphs, [
      'Администрация Ирбитского муниципального образования',
      'Управление образования Ирбитского муниципального образования',
      'МКУ «Центр развития образования»',
      /^Справка$/,
      '20.10.2026\t№ 01-12/345',
      'На № 02-15/77 от 01.10.2026',
      'г. Ирбит',
      'Руководителям МОУ',
      'Ирбитского МО',
      'об итогах совещания руководителей',
      /^15\u00a0октября 2026\u00a0г\. состоялось совещание в дистанционном формате по теме «Итоги ВПР весны 2026 года и меры по повышению качества образования» \(место проведения — Управление образования, каб\. 12; организатор — МКУ «Центр развития образования»\)\.$/,
      'Руководители школ доложили',
      'Приняли участие представители 6 общеобразовательных организаций:',
      '– МОУ «Пьянковская ООШ»;',
      'Не приняли участие (2 школы):',
      '– МОУ «Стриганская СОШ» — болезнь директора;',
      'Также приняли участие:',
      `– Самарин${NB}Д.А., заместитель начальника, Управление образования.`,
      'Повестка:',
      `1. Результаты ВПР по математике в 5–8 классах (докладчик — Чащина${NB}Т.В.).`,
      '2. Объективность оценивания. Доклады руководителей.',
      'Выводы:',
      /^1\. Доля «2» по математике в 5 классах выше региональной\. Образовательные организации: МОУ «Пьянковская ООШ», МОУ «Гаевская ООШ»\. Факторы риска: низкая учебная мотивация\.$/,
      /^4\. Сетевое взаимодействие/,
      'Предложения:',
      '1. Руководителям общеобразовательных организаций:',
      '1.1. проанализировать результаты ВПР на заседаниях ШМО;',
      '1.2. закрепить наставников за молодыми учителями.',
      // One item to an addressee is written on the addressee's line, as a methodologist writes it.
      '2. МКУ «Центр развития образования»: организовать семинар по объективности оценивания.',
      '3. Рабочей группе: подготовить рекомендации для школ.',
      'Рабочая группа «Объективность оценочных процедур»',
      'Срок работы — с 15.10.2026 по 31.05.2027.',
      'Таблица 1 — Состав группы «Объективность оценочных процедур»',
      'Поручения:',
      /^1\. Провести анализ результатов ВПР и представить план мер — в срок до 15\u00a0ноября 2026\u00a0г\. Ответственные: руководители ОО\. Образовательные организации: МОУ «Пьянковская ООШ», МОУ «Гаевская ООШ»\.$/,
      /^2\. Организовать наставничество молодых учителей — в срок до 1\u00a0декабря 2026\u00a0г\./,
      'Следующее совещание — в январе 2027 года.',
      /^Приложение:\t1\. Список участников совещания на 2 л\. в 1 экз\.$/,
      /^\t2\. Презентация на 12 л\. в 1 экз\.$/,
      `Начальник Управления образования\tГ.Н.${NB}Морозова`,
      'Чащина Татьяна Викторовна',
      'тел. 8 (34355) 6-44-21',
    ]);
    // The group: a table with the leader first and marked.
    const t = d.tables[0]!;
    expect(t.rows.map((r) => r.cells)).toEqual([
      ['№', 'Фамилия И.О.', 'Должность', 'Организация', 'Роль'],
      ['1', `Чащина${NB}Т.В.`, 'методист', 'МКУ «ЦРО»', 'руководитель; секретарь'],
      ['2', `Иванова${NB}О.П.`, 'учитель математики', 'МОУ «Киргинская СОШ»', ''],
      ['3', 'представитель ИРО', '', 'ГАОУ ДПО СО «ИРО»', 'по согласованию'],
    ]);
    expect(d.allText).not.toMatch(ISO);
    expect([...d.runFonts]).toEqual(['Times New Roman']);
  });

  it('prints a blank date and number as lines to fill in, and no «На №» when it answers nothing', async () => {
    const m = meeting({ requisites: requisites({ number: '', date: null, replyTo: null, addressees: [] }) });
    const d = await readDocx(await renderDocx(meetingDoc(m)));
    expect(d.paragraphs).toContain('____________\t№ ________');
    expect(d.allText).not.toMatch(/На №/);
    expect(d.paragraphs).not.toContain('Руководителям МОУ');
    expect(d.allText).not.toMatch(ISO);
  });

  it('leaves out the sections switched off', async () => {
    const off = { participants: false, agenda: false, conclusions: true, proposals: false, groups: false, assignments: false };
    const d = await readDocx(await renderDocx(meetingDoc(meeting({ sections: off }))));
    for (const gone of ['Приняли участие', 'Повестка:', 'Предложения:', 'Рабочая группа', 'Поручения:']) expect(d.allText).not.toContain(gone);
    expect(d.paragraphs).toContain('Выводы:');
    expect(d.tables).toHaveLength(0);
    inOrder(d.paragraphs, ['состоялось совещание', 'Выводы:', 'Следующее совещание', 'Начальник Управления образования']);
  });

  it('the short version drops the per-school lists and the members, and is shorter', async () => {
    const full = await readDocx(await renderDocx(meetingDoc(meeting())));
    const short = await readDocx(await renderDocx(meetingDoc(meeting({ short: true }))));
    expect(short.allText.length).toBeLessThan(full.allText.length * 0.8);
    expect(short.paragraphs).toContain('Приняли участие представители 6 общеобразовательных организаций из 8 приглашённых; не приняли участие — 2 школы; другие участники — 1 человек.');
    expect(short.allText).not.toContain('МОУ «Стриганская СОШ»');
    expect(short.allText).not.toContain('Образовательные организации:');
    expect(short.tables).toHaveLength(0);
    expect(short.paragraphs).toContain(`Состав — 3 человека, руководитель — Чащина${NB}Т.В. Срок работы — с 15.10.2026 по 31.05.2027.`);
    inOrder(short.paragraphs, ['Выводы:', 'Предложения:', 'Рабочая группа «Объективность оценочных процедур»', 'Поручения:']);
  });

  it('agrees the verb with the kind and writes a range of dates in words', async () => {
    const e = meeting().event;
    const p = (over: Partial<typeof e>) => meetingDoc(meeting({ event: { ...e, ...over } })).blocks[0];
    expect(p({ kindLabel: 'Видеоконференция' })).toMatchObject({ text: expect.stringMatching(/^15\u00a0октября 2026\u00a0г\. состоялась видеоконференция по теме/) });
    expect(p({ kindLabel: 'Семинар', dateTo: '2026-10-17' })).toMatchObject({ text: expect.stringMatching(/^С 15 по 17\u00a0октября 2026\u00a0г\. проходил семинар/) });
    expect(p({ kindLabel: 'Методический день', dateFrom: '2026-09-30', dateTo: '2026-10-02' })).toMatchObject({ text: expect.stringMatching(/^С 30\u00a0сентября по 2\u00a0октября 2026\u00a0г\. проходил методический день/) });
    expect(p({ kindLabel: 'Другое', dateFrom: '2026-12-30', dateTo: '2027-01-02', levelLabel: '', formatLabel: '', organiser: '', place: '' }))
      .toMatchObject({ text: 'С 30\u00a0декабря 2026\u00a0г. по 2\u00a0января 2027\u00a0г. проходило мероприятие по теме «Итоги ВПР весны 2026 года и меры по повышению качества образования».' });
  });
});

describe('приказ об утверждении справки', () => {
  it('prints seed 002 in order: П Р И К А З, preamble, points, signer, СОГЛАСОВАНО, then Приложение 1 from a new page', async () => {
    const buf = await renderDocx(orderDoc(order()));
    const d = await readDocx(buf);
    inOrder(d.paragraphs, [
      'Управление образования Ирбитского муниципального образования',
      /^П Р И К А З$/,
      '26.10.2026\t№ 374',
      'г. Ирбит',
      'Об утверждении справки об итогах совещания',
      /^В соответствии с планом работы Управления образования на 2026–2027 учебный год, п р и к а з ы в а ю:$/,
      '1. Утвердить справку об итогах совещания руководителей общеобразовательных организаций (Приложение 1).',
      '2. Контроль исполнения приказа оставляю за собой.',
      `Начальник Управления образования\tГ.Н.${NB}Морозова`,
      'СОГЛАСОВАНО:',
      `Заместитель начальника\t____________\tД.А.${NB}Самарин`,
      'Начальник сектора делопроизводства\t____________\t',
      'Чащина Татьяна Викторовна',
      'Приложение 1',
      'к приказу Управления образования Ирбитского муниципального образования',
      'от 26.10.2026 № 374',
      /^Справка об итогах совещания руководителей общеобразовательных организаций$/,
      /^15\u00a0октября 2026\u00a0г\. состоялось совещание/,
      'Выводы:',
      'Поручения:',
    ]);
    // «п р и к а з ы в а ю:» is bold; the appendix is a section of its own (a new page) with page numbers running on.
    expect(d.xml).toMatch(/<w:b\/>[\s\S]{0,200}п р и к а з ы в а ю:/);
    expect((d.xml.match(/<w:sectPr/g) ?? []).length).toBe(2);
    // Signed once: the approved справка has the same signer and executor as the order, so they are not repeated.
    expect(d.paragraphs.filter((p) => p.startsWith('Начальник Управления образования\t'))).toHaveLength(1);
    expect(d.paragraphs.filter((p) => p === 'Чащина Татьяна Викторовна')).toHaveLength(1);
    expect(d.xml).toMatch(/<w:type w:val="nextPage"\/>/);
    expect(d.allText).not.toMatch(ISO);
  });

  it('without a number and a date: lines in the order and in the appendix mark', async () => {
    const m = order();
    const d = await readDocx(await renderDocx(orderDoc({ ...m, requisites: { ...m.requisites, number: '', date: null } })));
    expect(d.paragraphs).toContain('____________\t№ ________');
    expect(d.paragraphs).toContain('от ____________ № ________');
  });

  it('without an appendix: one section, no mark', async () => {
    const d = await readDocx(await renderDocx(orderDoc(order({ appendix: null }))));
    expect(d.allText).not.toContain('Приложение 1\n');
    expect((d.xml.match(/<w:sectPr/g) ?? []).length).toBe(1);
  });
});
