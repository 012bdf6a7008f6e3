/**
 * The municipality's справки: the roadmap's results with the schools' completion marks, and the schools by
 * groups with partner groups, curators and the coordination group; the report settings and the frame
 * (requisites, signature) they share with the quarterly monitoring (monitoring.ts).
 */
import type { ServiceContext } from '../context.js';
import { formatDate } from '../../../common/format.js';
import { activityStatus } from '../../../common/labels.js';
import { groupText, levelShort, coordinationRole } from '../../../common/roster-labels.js';
import { getReportSettings } from '../municipality/report-settings.js';
import { type Block, type Cell, type Period, type ReportDoc } from './model.js';
import { expiredOn, periodText, share, signatureOf, NOUNS, ofN } from './text.js';
import { count } from '../../../common/format.js';
import { compareSchools } from '../../../common/sort.js';
import { listRoster, listPartnerGroups, listCurators, listCoordination } from '../municipality/roster.js';
import { getRoadmap } from '../municipality/roadmap.js';
import type { RosterRow } from '../../../preload/contract/municipality.js';
import type { MeetingGroup } from './documents/model.js';
import { groupBlocks } from './documents/meeting.js';
import { paragraphs } from './documents/requisites.js';

export type Progress = (done: number, total: number, stage: string) => void | Promise<void>;

// Settings are the municipality's own data; re-exported so the reports API stays in one place.
export { getReportSettings, saveReportSettings, type ReportSettings } from '../municipality/report-settings.js';

export function frame(ctx: ServiceContext, today: string, subject: string, title: string, blocks: Block[]): ReportDoc {
  const s = getReportSettings(ctx);
  return {
    subject,
    requisites: { organisation: [s.parent, s.organisation].filter(Boolean), kind: 'Информационная справка', date: today, number: '', place: s.place, title },
    blocks,
    signature: { position: s.headPosition, name: s.headName ? signatureOf(s.headName) : '' },
    executor: s.executor ? `Исполнитель: ${s.executor}` : undefined,
  };
}

export const tick = () => new Promise<void>((r) => setImmediate(r));
export const short = (r: Pick<RosterRow, 'name' | 'short_name'>) => r.short_name || r.name;

// ───── roadmap ─────

/** Longer than 80 lines on purpose: the справка's blocks follow the printed document top to bottom. */
/** What the user adds to the roadmap справка before printing (issue 10); all optional. */
export interface RoadmapOptions {
  /** Free-text conclusions, printed after the summary (one paragraph per line). */
  conclusions?: string;
  /** Адресат block («Руководителям МОУ», «Ирбитского МО»). */
  addressees?: string[];
  /** Registration number and date from the document register ('' / null: lines to fill in). */
  number?: string;
  date?: string | null;
}

export async function roadmapReport(ctx: ServiceContext, period: Period, today: string, progress?: Progress, opts: RoadmapOptions = {}): Promise<ReportDoc> {
  const view = getRoadmap(ctx, today, period);
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
  const acts = view.activities;
  /** The schools an activity concerns, and any other school that marked it anyway. */
  const concerned = (a: (typeof acts)[number]) => new Set([...(a.all_schools ? roster.map((r) => r.id) : a.school_ids), ...a.marks.map((m) => m.school_id)]).size;
  blocks.push({ kind: 'paragraph', text: `За период ${periodText(period)} со школами проведена работа по следующим направлениям:` });
  const rows: Cell[][] = [];
  const marksRows: Cell[][] = [];
  for (let i = 0; i < acts.length; i++) {
    const a = acts[i]!;
    const done = a.marks.filter((m) => m.status === 'done').length;
    const notDone = a.marks.filter((m) => m.status === 'not_done');
    const own = a.completion_mark || (a.overdue ? `Срок истёк ${formatDate(expiredOn(a.timing_text, a.date_to ?? '', today))}, отметки о выполнении нет` : activityStatus.labels[a.status as keyof typeof activityStatus.labels] ?? '');
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
  if (acts.length) blocks.push({ kind: 'paragraph', text: roadmapSummary(acts) });
  blocks.push(...paragraphs(opts.conclusions ?? ''));
  await progress?.(acts.length, acts.length, 'Сбор отметок о выполнении');
  const title = rm
    ? `об итогах реализации муниципальной дорожной карты «${unquoted(String(rm.title))}» за период ${periodText(period)}`
    : `об итогах реализации муниципальной дорожной карты за период ${periodText(period)}`;
  const doc = frame(ctx, today, 'Информационная справка об итогах реализации муниципальной дорожной карты', title, blocks);
  if (opts.addressees?.length) doc.requisites.addressees = opts.addressees.filter(Boolean);
  if (opts.number !== undefined) doc.requisites.number = opts.number;
  if (opts.date !== undefined) doc.requisites.date = opts.date ?? '';
  return doc;
}

/** «"Дорожная карта"» → «Дорожная карта»: the справка puts its own quotes round the title. */
const unquoted = (t: string) => t.trim().replace(/^[«"„“]+|[»"“”]+$/g, '');

/**
 * The sentence under the roadmap's table, counted from the table's rows: done, in work, not done (and
 * cancelled) add up to the rows; «все мероприятия периода выполнены» only when they all are.
 */
export function roadmapSummary(acts: { status: string; overdue: number; number: string; title: string }[]): string {
  const by = (st: string) => acts.filter((a) => a.status === st).length;
  const done = by('done');
  const notDone = by('not_done');
  const cancelled = by('cancelled');
  const open = acts.length - done - notDone - cancelled;
  const failed = acts.filter((a) => a.status === 'not_done' || (a.overdue && a.status !== 'cancelled'));
  const counts = `${ofN(acts.length, 'activity').replace(/^и/, 'И')} дорожной карты выполнено ${done} (${share(done, acts.length)}), в работе — ${open}, не выполнено — ${notDone}` +
    (cancelled ? `, отменено — ${cancelled}` : '');
  if (failed.length) {
    return `${counts}; не выполнены или срок истёк: ${failed.map((a) => (a.number || a.title).replace(/\.+$/, '')).join(', ')}. Причины и меры отражены в отметках о выполнении.`;
  }
  return `${counts}${done && done === acts.length - cancelled ? '; все мероприятия периода выполнены.' : '.'}`;
}

// ───── schools by groups ─────

/** Longer than 80 lines on purpose: the справка's blocks follow the printed document top to bottom. */
export async function schoolsReport(ctx: ServiceContext, today: string, progress?: Progress, workingGroups: MeetingGroup[] = []): Promise<ReportDoc> {
  const roster = listRoster(ctx).sort((a, b) => compareSchools(short(a), short(b)));
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
  // Working groups, creative groups, РМО… from the municipality's register, as the lead passes them.
  // Each group has a heading of its own («Рабочая группа «…»»); several get one above them.
  if (workingGroups.length > 1) blocks.push({ kind: 'heading', text: 'Рабочие группы' });
  blocks.push(...groupBlocks(workingGroups, false));
  await progress?.(roster.length, roster.length, 'Реестр школ');
  return frame(ctx, today, 'Информационная справка о распределении школ по группам', 'о распределении общеобразовательных организаций по группам качества образования и социального благополучия', blocks);
}
