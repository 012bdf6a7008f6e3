/**
 * One assignment's execution by school, as a file to print or pass on: the same lines the assignment's row
 * shows (school, mark, date, note, whether its deadline has passed), in Word or Excel.
 */
import type { ServiceContext } from '../core/context.js';
import { requireMunicipality } from '../core/municipality-profile.js';
import { notFound } from '../core/errors.js';
import { listAssignments } from '../municipality/assignments.js';
import { getReportSettings } from '../municipality/report-settings.js';
import { renderDocx } from './docx.js';
import { renderXlsx } from './xlsx.js';
import { MIME } from './index.js';
import type { ReportDoc, ReportTable } from './model.js';
import { dayOf } from '../../../db/rules.js';
import { formatDate } from '../../../common/format.js';
import { safeFileName } from '../../../common/file-names.js';
import { ASSIGNMENT_MARK } from '../../../common/meeting-labels.js';

export async function assignmentMarksFile(ctx: ServiceContext, id: string, format: 'docx' | 'xlsx'): Promise<{ fileName: string; mime: string; bytes: Buffer }> {
  requireMunicipality(ctx);
  const day = dayOf(ctx.now());
  const a = listAssignments(ctx, { day }).find((x) => x.id === id);
  if (!a) throw notFound('Поручение');
  const table: ReportTable = {
    sheet: 'Исполнение',
    caption: 'Исполнение поручения по школам',
    columns: [
      { key: 'n', header: '№', width: 5 }, { key: 'school', header: 'Школа', width: 36 }, { key: 'mark', header: 'Исполнение', width: 18 },
      { key: 'on', header: 'Дата', width: 12 }, { key: 'note', header: 'Примечание школы', width: 40 }, { key: 'late', header: 'Срок истёк', width: 11 },
    ],
    rows: a.marks.map((m, i) => [i + 1, m.school_name, m.status ? ASSIGNMENT_MARK[m.status] : 'Нет отметки', m.done_on ? formatDate(m.done_on) : '', m.note, m.overdue ? 'да' : '']),
  };
  const title = `Исполнение поручения${a.position_no ? ` № ${a.position_no}` : ''}`;
  const s = getReportSettings(ctx);
  const doc: ReportDoc = {
    requisites: { organisation: [s.organisation], kind: 'Сведения', date: day, number: '', place: s.place, title: `об исполнении поручения${a.position_no ? ` № ${a.position_no}` : ''}` },
    blocks: [
      { kind: 'paragraph', text: `Поручение: ${a.text}`, noIndent: true },
      { kind: 'paragraph', text: [a.due_on ? `Срок: до ${formatDate(a.due_on)}.` : 'Без срока.', a.event_topic ? `Мероприятие: ${a.event_topic}.` : '', a.responsible ? `Ответственный: ${a.responsible}.` : ''].filter(Boolean).join(' '), noIndent: true },
      { kind: 'paragraph', text: `Отметки школ на ${formatDate(day)} — по последним принятым файлам обмена. Выполнено: ${a.done} из ${a.concerned}; не выполнено в срок: ${a.overdue}.`, noIndent: true },
      { kind: 'table', table },
    ],
    subject: title,
  };
  const fileName = `${safeFileName(`${title} на ${formatDate(day)}`, 'Исполнение поручения', 80)}.${format}`;
  return format === 'docx'
    ? { fileName, mime: MIME.docx, bytes: await renderDocx(doc) }
    : { fileName, mime: MIME.xlsx, bytes: await renderXlsx([table], title) };
}
