/**
 * «Что хранится о ребёнке»: everything Опора keeps about one pupil, for a parent's request (152-ФЗ art. 14)
 * — personal data, every risk-group and gifted-list record with its history and measures, consents, what
 * of it leaves the computer (and in which form), when the name will be erased, and who looked.
 */
import type { ServiceContext } from '../core/context.js';
import { notFound } from '../core/errors.js';
import { dayOf } from '../../../db/rules.js';
import { revealRow, revealRows } from '../privacy/vault.js';
import { getSchoolProfile } from '../core/school-profile.js';
import { formatDate } from '../../../common/format.js';
import { riskCategory, riskStatus } from '../../../common/labels.js';
import { pupilCodes } from '../privacy/people.js';
import { accessLog } from '../privacy/access-log.js';
import { erasurePlan } from '../privacy/erasure.js';
import type { ReportDoc, Block } from './model.js';

type R = Record<string, unknown>;
const s = (v: unknown) => (v === null || v === undefined ? '' : String(v));
const d = (v: unknown) => (v ? formatDate(String(v)) : '—');
const cats = (v: unknown) => {
  try { return (JSON.parse(s(v)) as string[]).map((c) => riskCategory.labels[c as keyof typeof riskCategory.labels] ?? c).join(', '); } catch { return ''; }
};

export function pupilReportDoc(ctx: ServiceContext, pupilId: string): ReportDoc {
  const raw = ctx.raw;
  const pupil = raw.prepare('SELECT * FROM pupil WHERE id = ? AND deleted_at IS NULL').get(pupilId) as R | undefined;
  if (!pupil) throw notFound('Обучающийся');
  const p = revealRow(raw, pupil);
  const code = pupilCodes(ctx).get(pupilId) ?? '';
  const entries = revealRows(raw, raw.prepare('SELECT * FROM risk_entry WHERE pupil_id = ? AND deleted_at IS NULL ORDER BY included_on').all(pupilId) as R[]);
  const gifted = raw.prepare('SELECT * FROM gifted_pupil WHERE pupil_id = ? AND deleted_at IS NULL ORDER BY included_on').all(pupilId) as R[];
  const measures = (kind: string, id: unknown) => raw.prepare('SELECT * FROM support_measure WHERE target_kind = ? AND target_id = ? AND deleted_at IS NULL ORDER BY date_from').all(kind, id) as R[];
  const blocks: Block[] = [
    { kind: 'heading', text: '1. Персональные данные' },
    { kind: 'table', table: { sheet: 'Персональные данные', caption: 'Персональные данные обучающегося', columns: [{ key: 'f', header: 'Сведение', width: 2 }, { key: 'v', header: 'Значение', width: 3 }],
      rows: [['ФИО', s(p.full_name) || 'стёрто'], ['Дата рождения', d(p.birth_date)], ['Класс', s(p.class_name)], ['Код обучающегося (вместо ФИО в файлах для управления образования)', code]] } },
  ];
  entries.forEach((e, i) => {
    const history = raw.prepare('SELECT * FROM risk_status_change WHERE entry_id = ? AND deleted_at IS NULL ORDER BY changed_on, hlc').all(e.id) as R[];
    const consents = revealRows(raw, raw.prepare('SELECT * FROM consent WHERE entry_id = ? AND deleted_at IS NULL ORDER BY given_on').all(e.id) as R[]);
    blocks.push(
      { kind: 'heading', text: `2.${i + 1}. Группа риска: запись от ${d(e.included_on)}` },
      { kind: 'table', table: { sheet: `Группа риска ${i + 1}`, caption: `Запись группы риска от ${d(e.included_on)}`, columns: [{ key: 'f', header: 'Сведение', width: 2 }, { key: 'v', header: 'Значение', width: 3 }],
        rows: [['Категории', cats(e.categories)], ['Основание постановки', s(e.reason)], ['Ответственный педагог', s(e.responsible)],
          ['Статус', riskStatus.labels[e.status as 'included'] ?? s(e.status)], ['Снят с учёта', e.removed_on ? `${d(e.removed_on)}: ${s(e.removal_reason)}` : '—'],
          ['Сведения о здоровье', s(e.health_details) || '—']] } },
      { kind: 'paragraph', text: `История статуса: ${history.map((h) => `${d(h.changed_on)} — ${riskStatus.labels[h.status as 'included'] ?? s(h.status)}${h.reason ? ` (${s(h.reason)})` : ''}`).join('; ') || 'нет'}.` },
      { kind: 'paragraph', text: `Меры поддержки: ${measures('risk', e.id).map((m) => `${s(m.title)} (${d(m.date_from)}–${d(m.date_to)})`).join('; ') || 'нет'}.` },
      { kind: 'paragraph', text: `Согласия законного представителя: ${consents.map((c) => `${s(c.given_by)}, ${d(c.given_on)}, «${s(c.scope)}»${c.withdrawn_on ? `, отозвано ${d(c.withdrawn_on)}` : ''}`).join('; ') || 'нет'}.` },
    );
  });
  gifted.forEach((g, i) => {
    blocks.push(
      { kind: 'heading', text: `3.${i + 1}. Список одарённых детей: с ${d(g.included_on)}` },
      { kind: 'paragraph', text: `Направление: ${s(g.area)}. Ответственный: ${s(g.responsible) || '—'}. Достижения: ${s(g.achievements) || '—'}. План поддержки: ${s(g.support_plan) || '—'}.` },
      { kind: 'paragraph', text: `Меры поддержки: ${measures('gifted', g.id).map((m) => `${s(m.title)} (${d(m.date_from)}–${d(m.date_to)})`).join('; ') || 'нет'}.` },
    );
  });
  const due = erasurePlan(ctx).pupils.find((x) => x.pupilId === pupilId);
  const looked = accessLog(ctx, 10_000).filter((a) => a.pupil === code);
  blocks.push(
    { kind: 'heading', text: '4. Что передаётся за пределы школы' },
    { kind: 'paragraph', text: `В файлах обмена для управления образования записи уходят под кодом «${code}», без ФИО и даты рождения; сведения о здоровье и согласия не передаются. В отчётах — только общая численность.` },
    { kind: 'heading', text: '5. Срок хранения' },
    { kind: 'paragraph', text: due ? `ФИО и дата рождения будут стёрты после ${d(due.eraseAfter)} (обучающийся снят с учёта ${d(due.leftOn)}).` : 'Обучающийся состоит в группе риска или в списке одарённых: сведения хранятся, пока он в списке, и после снятия с учёта — до конца учебного года, следующего за ближайшим.' },
    { kind: 'heading', text: '6. Кто открывал сведения' },
    { kind: 'table', table: { sheet: 'Журнал доступа', caption: 'Кто и когда открывал сведения', empty: 'Записей нет.', columns: [{ key: 'a', header: 'Когда', width: 2 }, { key: 'u', header: 'Пользователь', width: 2 }, { key: 'w', header: 'Действие', width: 3 }],
      rows: looked.map((a) => [`${formatDate(a.at.slice(0, 10))} ${a.at.slice(11, 16)}`, a.user, ACTION[a.action] + (a.detail ? ` (${a.detail})` : '')]) } },
  );
  const school = getSchoolProfile(ctx);
  return {
    subject: 'Что хранится о ребёнке',
    requisites: { organisation: [s(school?.name)], kind: 'СПРАВКА', date: dayOf(ctx.now()), number: '', place: '', title: `о персональных данных, хранящихся в школе (обучающийся: ${s(p.full_name) || code})` },
    blocks,
  };
}

export const ACTION: Record<string, string> = {
  open_card: 'открыта карточка', print: 'напечатан документ', export: 'выгрузка файла обмена', erase: 'сведения стёрты',
};
