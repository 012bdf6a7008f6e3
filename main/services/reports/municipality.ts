/**
 * The municipality's справки: the roadmap's results with the schools' completion marks (seed 002), the
 * schools by groups with partner groups, curators and the coordination group (seed 004), and the quarterly
 * monitoring summary across schools. Every figure about pupils is an aggregate.
 */
import type { ServiceContext } from '../context.js';
import { formatDate } from '../../../common/format.js';
import { activityStatus, riskCategory } from '../../../common/labels.js';
import { groupText, levelShort, coordinationRole } from '../../../common/roster-labels.js';
import { getMeta, setMeta } from '../clock.js';
import { type Block, type Cell, type Period, type ReportDoc } from './model.js';
import { periodText, share, signatureName, NOUNS, ofN } from './text.js';
import { count } from '../../../common/format.js';
import { listRoster, listPartnerGroups, listCurators, listCoordination } from '../municipality/roster.js';
import { getRoadmap } from '../municipality/roadmap.js';
import { lastBundles, quarterOf } from '../municipality/overview.js';
import type { RosterRow, ReportSettings } from '../../../preload/contract/municipality.js';

export type Progress = (done: number, total: number, stage: string) => void | Promise<void>;

export type { ReportSettings };

const KEYS: Record<keyof ReportSettings, string> = {
  organisation: 'report.organisation', parent: 'report.parent', place: 'report.place',
  headPosition: 'report.head_position', headName: 'report.head_name', executor: 'report.executor',
};

export function getReportSettings(ctx: ServiceContext): ReportSettings {
  const g = (k: keyof ReportSettings) => getMeta(ctx.raw, KEYS[k]) ?? '';
  return {
    organisation: g('organisation') || getMeta(ctx.raw, 'municipality_name') || 'Управление образования',
    parent: g('parent'),
    place: g('place'),
    headPosition: g('headPosition') || 'Начальник управления образования',
    headName: g('headName'),
    executor: g('executor'),
  };
}

export function saveReportSettings(ctx: ServiceContext, s: ReportSettings): ReportSettings {
  ctx.raw.transaction(() => {
    for (const k of Object.keys(KEYS) as (keyof ReportSettings)[]) setMeta(ctx.raw, KEYS[k], s[k]);
  })();
  return getReportSettings(ctx);
}

function frame(ctx: ServiceContext, today: string, subject: string, title: string, blocks: Block[]): ReportDoc {
  const s = getReportSettings(ctx);
  return {
    subject,
    requisites: { organisation: [s.parent, s.organisation].filter(Boolean), kind: 'Информационная справка', date: today, number: '', place: s.place, title },
    blocks,
    signature: { position: s.headPosition, name: s.headName ? signatureName(s.headName) : '' },
    executor: s.executor ? `Исполнитель: ${s.executor}` : undefined,
  };
}

const tick = () => new Promise<void>((r) => setImmediate(r));
const short = (r: Pick<RosterRow, 'name' | 'short_name'>) => r.short_name || r.name;

// ───── roadmap (seed 002) ─────

export async function roadmapReport(ctx: ServiceContext, period: Period, today: string, progress?: Progress): Promise<ReportDoc> {
  const view = getRoadmap(ctx, today);
  const roster = listRoster(ctx);
  const blocks: Block[] = [];
  const rm = view.roadmap;
  const lines = (t: unknown) => String(t ?? '').split('\n').map((x) => x.replace(/^\s*(\d+[.)]|[-–—•])\s*/, '').trim()).filter(Boolean);
  if (rm && lines(rm.goals).length) {
    blocks.push({ kind: 'paragraph', italic: true, text: `Основными целями работы со школами с низкими образовательными результатами и школами, функционирующими в неблагоприятных социальных условиях, на период ${periodText(period)} стали:` });
    blocks.push({ kind: 'list', numbered: true, items: lines(rm.goals) });
  }
  if (rm && lines(rm.tasks).length) {
    blocks.push({ kind: 'paragraph', bold: true, text: 'Задачи:' });
    blocks.push({ kind: 'list', numbered: true, items: lines(rm.tasks) });
  }
  const acts = view.activities.filter((a) => {
    const from = a.date_from ?? a.date_to;
    const to = a.date_to ?? a.date_from;
    return !from || !to || (from <= period.to && to >= period.from);
  });
  /** The schools an activity concerns, and any other school that marked it anyway. */
  const concerned = (a: (typeof acts)[number]) => new Set([...(a.all_schools ? roster.map((r) => r.id) : a.school_ids), ...a.marks.map((m) => m.school_id)]).size;
  blocks.push({ kind: 'paragraph', text: `За период ${periodText(period)} со школами проведена работа по следующим направлениям:` });
  const rows: Cell[][] = [];
  const marksRows: Cell[][] = [];
  for (let i = 0; i < acts.length; i++) {
    const a = acts[i]!;
    const done = a.marks.filter((m) => m.status === 'done').length;
    const notDone = a.marks.filter((m) => m.status === 'not_done');
    const own = a.completion_mark || (a.overdue ? `Срок истёк ${formatDate(a.date_to)}, отметки о выполнении нет` : activityStatus.labels[a.status as keyof typeof activityStatus.labels] ?? '');
    const summary = a.marks.length
      ? `Отметки школ: выполнено — ${done} из ${concerned(a)}${notDone.length ? `; не выполнено — ${notDone.length} (${notDone.map((m) => m.school_name).join(', ')})` : ''}.`
      : '';
    rows.push([a.number || String(i + 1), a.title, a.timing_text, a.responsible,
      a.status === 'not_done' || a.overdue ? { text: [own, summary].filter(Boolean).join('\n'), italic: true } : [own, summary].filter(Boolean).join('\n')]);
    for (const m of a.marks) {
      marksRows.push([a.number || String(i + 1), m.school_name,
        m.status === 'not_done' ? { text: m.completion_mark || 'Не выполнено', italic: true } : m.completion_mark || (activityStatus.labels[m.status as keyof typeof activityStatus.labels] ?? '')]);
    }
    if (i % 20 === 0) {
      await progress?.(i, acts.length, 'Сбор отметок о выполнении');
      await tick();
    }
  }
  blocks.push({
    kind: 'table',
    table: {
      sheet: 'Дорожная карта',
      caption: 'Выполнение мероприятий муниципальной дорожной карты',
      columns: [
        { key: 'number', header: '№', width: 7, align: 'center' },
        { key: 'title', header: 'Мероприятие', width: 27 },
        { key: 'timing', header: 'Сроки', width: 15 },
        { key: 'responsible', header: 'Ответственные', width: 20 },
        { key: 'mark', header: 'Отметка о выполнении', width: 31 },
      ],
      rows,
      empty: 'Мероприятий дорожной карты, относящихся к периоду, нет.',
    },
  });
  if (marksRows.length) {
    blocks.push({ kind: 'paragraph', text: 'Отметки о выполнении, представленные общеобразовательными организациями:' });
    blocks.push({
      kind: 'table',
      table: {
        sheet: 'Отметки школ',
        caption: 'Отметки школ о выполнении мероприятий дорожной карты',
        fontSize: 11,
        columns: [
          { key: 'number', header: '№ мероприятия', width: 15, align: 'center' },
          { key: 'school', header: 'Образовательная организация', width: 33 },
          { key: 'mark', header: 'Отметка о выполнении', width: 52 },
        ],
        rows: marksRows,
      },
    });
  }
  const done = acts.filter((a) => a.status === 'done').length;
  const failed = acts.filter((a) => a.status === 'not_done' || a.overdue);
  if (acts.length) blocks.push({
    kind: 'paragraph',
    text: `${ofN(acts.length, 'activity').replace(/^и/, 'И')} дорожной карты выполнено ${done} (${share(done, acts.length)})` +
      (failed.length ? `; не выполнены или выполнены не в срок: ${failed.map((a) => a.number || a.title).join(', ')}. Причины и меры отражены в отметках о выполнении.` : '; все мероприятия периода выполнены.'),
  });
  await progress?.(acts.length, acts.length, 'Сбор отметок о выполнении');
  const title = rm
    ? `об итогах реализации муниципальной дорожной карты «${String(rm.title)}» за период ${periodText(period)}`
    : `об итогах реализации муниципальной дорожной карты за период ${periodText(period)}`;
  return frame(ctx, today, 'Информационная справка об итогах реализации муниципальной дорожной карты', title, blocks);
}

// ───── schools by groups (seed 004) ─────

export async function schoolsReport(ctx: ServiceContext, today: string, progress?: Progress): Promise<ReportDoc> {
  const roster = listRoster(ctx).sort((a, b) => short(a).localeCompare(short(b), 'ru'));
  await progress?.(0, roster.length, 'Реестр школ');
  const blocks: Block[] = [];
  const low = roster.filter((r) => r.quality_level === 'low' || r.quality_level === 'below');
  const groups = new Map<number, number>();
  for (const r of roster) if (r.quality_group !== null) groups.set(r.quality_group, (groups.get(r.quality_group) ?? 0) + 1);
  const byGroup = [...groups.entries()].sort((a, b) => a[0] - b[0]).map(([g, k]) => `к ${g} группе — ${count(k, ['ОО', 'ОО', 'ОО'])}`);
  blocks.push({
    kind: 'paragraph',
    text: `В реестре — ${count(roster.length, ['общеобразовательная организация', 'общеобразовательные организации', 'общеобразовательных организаций'])}. ` +
      `По результатам идентификации по качеству общеобразовательной подготовки обучающихся к группе школ с низкими результатами (уровень «н» и «н/с») относятся ${count(low.length, NOUNS.school)}` +
      (byGroup.length ? `; по группам качества: ${byGroup.join(', ')}.` : '.'),
  });
  const nor = roster.filter((r) => r.is_nor).length;
  const nsu = roster.filter((r) => r.is_nsu).length;
  if (nor || nsu) blocks.push({ kind: 'paragraph', text: `Школ с низкими образовательными результатами (НОР) — ${nor}, функционирующих в неблагоприятных социальных условиях (НСУ) — ${nsu}.` });
  blocks.push({
    kind: 'table',
    table: {
      sheet: 'Школы по группам',
      caption: 'Распределение общеобразовательных организаций по группам',
      fontSize: 11,
      columns: [
        { key: 'name', header: 'ОО', width: 25 },
        { key: 'cluster', header: 'Кластер', width: 11, align: 'center' },
        { key: 'qg', header: 'Группа качества (ГК)', width: 15, align: 'center' },
        { key: 'sg', header: 'Группа по индексу социального благополучия школы (ГИСБШ)', width: 17, align: 'center' },
        { key: 'ql', header: 'Уровень по ГК', width: 16, align: 'center' },
        { key: 'sl', header: 'Уровень по ГИСБШ', width: 16, align: 'center' },
      ],
      rows: roster.map((r) => [short(r), r.cluster, r.quality_group ?? groupText(null, r.quality_level), r.social_group ?? groupText(null, r.social_level),
        levelShort(r.quality_level), levelShort(r.social_level)]),
      empty: 'Реестр школ пуст.',
    },
  });
  blocks.push({ kind: 'paragraph', italic: true, noIndent: true, text: 'Уровни: н — низкий, н/с — ниже среднего, с — средний, в/с — выше среднего, в — высокий.' });

  const pg = listPartnerGroups(ctx);
  if (pg.length) {
    const inGroups = pg.reduce((a, g) => a + g.schools.length, 0);
    blocks.push({ kind: 'heading', text: 'Партнёрские группы' });
    blocks.push({ kind: 'paragraph', text: `Организовано партнёрское взаимодействие ${count(inGroups, NOUNS.organisation)} в ${count(pg.length, ['группе', 'группах', 'группах'])} по территориальному признаку; в каждой группе определён ресурсный центр.` });
    blocks.push({
      kind: 'table',
      table: {
        sheet: 'Партнёрские группы',
        caption: 'Партнёрские группы и ресурсные центры',
        columns: [
          { key: 'group', header: '№ группы', width: 18 },
          { key: 'schools', header: 'Образовательные организации', width: 82 },
        ],
        rows: pg.map((g) => [`${g.number} группа${g.territory ? `\n${g.territory}` : ''}`, g.schools.map((s) => `${s.name}${s.is_resource_centre ? ' — ресурсный центр' : ''}`).join('\n')]),
      },
    });
  }
  const pilots = roster.filter((r) => r.is_pilot);
  for (const p of pilots) {
    blocks.push({ kind: 'paragraph', text: `${p.name} — пилотная площадка${p.base_site ? `; базовая площадка — ${p.base_site}` : ''}.` });
  }
  const curators = listCurators(ctx);
  if (curators.length) {
    blocks.push({ kind: 'heading', text: 'Кураторы' });
    blocks.push({
      kind: 'table',
      table: {
        sheet: 'Кураторы',
        caption: 'Кураторы школ',
        columns: [
          { key: 'name', header: 'Куратор', width: 28 },
          { key: 'position', header: 'Должность, организация', width: 36 },
          { key: 'schools', header: 'Курируемые школы', width: 36 },
        ],
        rows: curators.map((c) => [String(c.full_name), [c.position, c.organisation].filter(Boolean).join(', '),
          roster.filter((r) => r.curator_id === c.id).map(short).join('\n')]),
      },
    });
  }
  const coord = listCoordination(ctx);
  if (coord.length) {
    blocks.push({ kind: 'heading', text: 'Муниципальная координационная группа' });
    blocks.push({
      kind: 'list',
      numbered: true,
      items: coord.map((m) => `${m.full_name}${m.position || m.organisation ? `, ${[m.position, m.organisation].filter(Boolean).join(', ')}` : ''}${m.role !== 'member' ? ` (${(coordinationRole.labels[String(m.role)] ?? '').toLowerCase()})` : ''}`),
    });
  }
  await progress?.(roster.length, roster.length, 'Реестр школ');
  return frame(ctx, today, 'Информационная справка о распределении школ по группам', 'о распределении общеобразовательных организаций по группам качества образования и социального благополучия', blocks);
}

// ───── quarterly monitoring ─────

export async function monitoringReport(ctx: ServiceContext, period: Period, today: string, progress?: Progress): Promise<ReportDoc> {
  const roster = listRoster(ctx);
  const asOf = period.to < today ? period.to : today;
  const grouped = (sql: string, ...p: unknown[]) => {
    const m = new Map<string, Record<string, number>>();
    for (const r of ctx.raw.prepare(sql).all(...p) as Record<string, number | string>[]) m.set(String(r.owner), r as Record<string, number>);
    return m;
  };
  await progress?.(0, roster.length, 'Сбор данных по школам');
  const acts = grouped(`SELECT owner, COUNT(*) AS total, SUM(status = 'done') AS done,
    SUM(status IN ('planned','in_progress') AND date_to < ?) AS overdue FROM activity
    WHERE deleted_at IS NULL AND status <> 'cancelled' AND (COALESCE(date_to, date_from) IS NULL OR (COALESCE(date_to, date_from) >= ? AND COALESCE(date_from, date_to) <= ?))
    GROUP BY owner`, asOf, period.from, period.to);
  const decisions = grouped(`SELECT owner, SUM(done_on IS NULL AND deadline < ?) AS overdue FROM decision WHERE deleted_at IS NULL GROUP BY owner`, asOf);
  const mentoring = grouped(`SELECT s.owner, COUNT(*) AS need,
      SUM(EXISTS (SELECT 1 FROM mentoring_pair p WHERE p.mentee_id = s.id AND p.deleted_at IS NULL AND p.started_on <= ? AND (p.ended_on IS NULL OR p.ended_on >= ?))) AS with_mentor
    FROM staff s WHERE s.deleted_at IS NULL AND (s.left_on IS NULL OR s.left_on > ?) AND (s.young_specialist = 1 OR s.newly_arrived = 1) GROUP BY s.owner`, asOf, asOf, asOf);
  const trained = grouped(`SELECT owner, COUNT(DISTINCT staff_id) AS n FROM course WHERE deleted_at IS NULL
    AND COALESCE(date_to, date_from) >= ? AND COALESCE(date_from, date_to) <= ? GROUP BY owner`, period.from, period.to);
  const events = grouped(`SELECT owner, COUNT(*) AS n FROM event WHERE deleted_at IS NULL AND date_from <= ? AND COALESCE(date_to, date_from) >= ? GROUP BY owner`, period.to, period.from);
  // In the group on asOf: the last status change up to that day (a pupil taken off and returned keeps every
  // change in risk_status_change; the entry holds only the first inclusion and the last removal).
  const inGroup = `r.included_on <= @d AND COALESCE((SELECT c.status FROM risk_status_change c WHERE c.entry_id = r.id AND c.deleted_at IS NULL AND c.changed_on <= @d
    ORDER BY c.changed_on DESC, c.hlc DESC LIMIT 1), CASE WHEN r.removed_on IS NOT NULL AND r.removed_on <= @d THEN 'removed' ELSE 'included' END) = 'included'`;
  const risk = grouped(`SELECT r.owner, COUNT(*) AS n FROM risk_entry r WHERE r.deleted_at IS NULL AND ${inGroup} GROUP BY r.owner`, { d: asOf });
  const riskCats = ctx.raw.prepare(`SELECT j.value AS category, COUNT(*) AS n, COUNT(DISTINCT r.owner) AS schools FROM risk_entry r, json_each(r.categories) j
    WHERE r.deleted_at IS NULL AND ${inGroup} GROUP BY j.value`).all({ d: asOf }) as { category: string; n: number; schools: number }[];
  const last = lastBundles(ctx);

  const rows: Cell[][] = [];
  const attention: Cell[][] = [];
  const tot = { total: 0, done: 0, overdue: 0, decisions: 0, need: 0, withMentor: 0, trained: 0, risk: 0, events: 0, received: 0 };
  for (let i = 0; i < roster.length; i++) {
    const s = roster[i]!;
    const a = acts.get(s.id);
    const m = mentoring.get(s.id);
    const lastAt = last.get(s.id);
    const v = {
      total: Number(a?.total ?? 0), done: Number(a?.done ?? 0), overdue: Number(a?.overdue ?? 0), decisions: Number(decisions.get(s.id)?.overdue ?? 0),
      need: Number(m?.need ?? 0), withMentor: Number(m?.with_mentor ?? 0), trained: Number(trained.get(s.id)?.n ?? 0),
      risk: Number(risk.get(s.id)?.n ?? 0), events: Number(events.get(s.id)?.n ?? 0),
    };
    (Object.keys(v) as (keyof typeof v)[]).forEach((k) => (tot[k] += v[k]));
    if (lastAt) tot.received++;
    rows.push([i + 1, short(s), lastAt ? formatDate(lastAt) : { text: 'нет данных', italic: true }, `${v.done} из ${v.total}`, v.overdue, v.decisions,
      v.need ? `${v.withMentor} из ${v.need}` : '—', v.trained, v.risk, v.events]);
    const why = [
      !lastAt ? 'данные не поступали' : '',
      v.overdue ? `просрочено ${count(v.overdue, NOUNS.activity)}` : '',
      v.decisions ? `просрочено ${count(v.decisions, NOUNS.decision)}` : '',
      v.need > v.withMentor ? `без наставника ${count(v.need - v.withMentor, NOUNS.teacher)}` : '',
    ].filter(Boolean);
    if (why.length) attention.push([short(s), why.join('; ')]);
    if (i % 25 === 0) {
      await progress?.(i, roster.length, 'Сбор данных по школам');
      await tick();
    }
  }
  rows.push(['', { text: 'Итого', bold: true }, `${tot.received} из ${roster.length}`, `${tot.done} из ${tot.total}`, tot.overdue, tot.decisions,
    tot.need ? `${tot.withMentor} из ${tot.need}` : '—', tot.trained, tot.risk, tot.events]);
  const q = quarterOf(period.from);
  const label = q.from === period.from && q.to === period.to ? `за ${q.label}` : `за период ${periodText(period)}`;
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      text: `Мониторинг проведён по данным, поступившим из общеобразовательных организаций на ${formatDate(asOf)}: данные представили ${tot.received} ${ofN(roster.length, 'school')}. ` +
        `${ofN(tot.total, 'activity').replace(/^и/, 'И')} программ, приходящихся на период, выполнено ${tot.done} (${share(tot.done, tot.total)}), просрочено ${tot.overdue}; ` +
        `поручений с истёкшим сроком — ${tot.decisions}. Наставник закреплён за ${tot.withMentor} ${ofN(tot.need, 'teacher')}, молодых и вновь прибывших (${share(tot.withMentor, tot.need)}). ` +
        `Курсы повышения квалификации прошли ${count(tot.trained, NOUNS.teacher)}. В группе риска — ${count(tot.risk, NOUNS.pupil)}; проведено ${count(tot.events, NOUNS.event)}.`,
    },
    {
      kind: 'table',
      table: {
        sheet: 'Мониторинг',
        caption: `Сводные данные мониторинга по школам ${label}`,
        fontSize: 11,
        columns: [
          { key: 'no', header: '№', width: 4, align: 'center' },
          { key: 'school', header: 'ОО', width: 18 },
          { key: 'last', header: 'Данные на', width: 10, align: 'center' },
          { key: 'acts', header: 'Мероприятия программы: выполнено', width: 11, align: 'center' },
          { key: 'overdue', header: 'Просрочено мероприятий', width: 10, align: 'center' },
          { key: 'decisions', header: 'Просрочено поручений', width: 9, align: 'center' },
          { key: 'mentors', header: 'Наставник у молодых и вновь прибывших', width: 11, align: 'center' },
          { key: 'trained', header: 'Прошли КПК, чел.', width: 8, align: 'center' },
          { key: 'risk', header: 'Группа риска, чел.', width: 8, align: 'center' },
          { key: 'events', header: 'Проведено мероприятий', width: 11, align: 'center' },
        ],
        rows,
        empty: 'Реестр школ пуст.',
      },
    },
    {
      kind: 'table',
      table: {
        sheet: 'Группа риска',
        caption: `Численность группы риска по категориям на ${formatDate(asOf)} (обезличенно)`,
        columns: [
          { key: 'category', header: 'Категория', width: 50 },
          { key: 'schools', header: 'Школ', width: 20, align: 'center' },
          { key: 'pupils', header: 'Обучающихся, чел.', width: 30, align: 'center' },
        ],
        rows: riskCategory.codes.map((c) => riskCats.find((r) => r.category === c)).filter((r): r is (typeof riskCats)[number] => !!r)
          .map((r) => [riskCategory.labels[r.category as keyof typeof riskCategory.labels], r.schools, r.n]),
        empty: 'Обучающихся в группе риска нет.',
      },
    },
    { kind: 'heading', text: 'Школы, требующие внимания' },
    {
      kind: 'table',
      table: {
        sheet: 'Требуют внимания',
        caption: 'Школы, требующие внимания куратора',
        columns: [
          { key: 'school', header: 'ОО', width: 35 },
          { key: 'why', header: 'Что требует внимания', width: 65 },
        ],
        rows: attention,
        empty: 'Школ, требующих внимания, нет.',
      },
    },
  ];
  await progress?.(roster.length, roster.length, 'Сбор данных по школам');
  return { ...frame(ctx, today, 'Информационная справка о результатах мониторинга', `о результатах мониторинга реализации программ повышения качества образования ${label}`, blocks), landscape: true };
}

