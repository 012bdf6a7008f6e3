/**
 * The municipality's справки: the roadmap's results with the schools' completion marks, and the schools by
 * groups with partner groups, curators and the coordination group; the report settings and the frame
 * (requisites, signature) they share with the quarterly monitoring (monitoring.ts).
 */
import type { ServiceContext } from '../core/context.js';
import { groupText, levelShort, coordinationRole } from '../../../common/roster-labels.js';
import { getReportSettings } from '../municipality/report-settings.js';
import { type Block, type Period, type ReportDoc } from './model.js';
import { signatureOf, NOUNS } from './text.js';
import { count } from '../../../common/format.js';
import { compareSchools } from '../../../common/sort.js';
import { listRoster, listPartnerGroups, listCurators, listCoordination } from '../municipality/roster.js';
import { roadmapBody, type RoadmapOptions } from './roadmap.js';
import type { RosterRow } from '../../../preload/contract/municipality.js';
import type { MeetingGroup } from './documents/model.js';
import { groupBlocks } from './documents/meeting.js';

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

export type { RoadmapOptions } from './roadmap.js';

/** The roadmap справка from the reports screen: its body (roadmap.ts) in the settings' frame. */
export async function roadmapReport(ctx: ServiceContext, period: Period, today: string, progress?: Progress, opts: RoadmapOptions = {}): Promise<ReportDoc> {
  await progress?.(0, 1, 'Сбор отметок о выполнении');
  await tick();
  const { blocks, title, count: n } = roadmapBody(ctx, period, today, opts);
  await progress?.(n, n, 'Сбор отметок о выполнении');
  const doc = frame(ctx, today, 'Информационная справка об итогах реализации муниципальной дорожной карты', title, blocks);
  if (opts.addressees?.length) doc.requisites.addressees = opts.addressees.filter(Boolean);
  if (opts.number !== undefined) doc.requisites.number = opts.number;
  if (opts.date !== undefined) doc.requisites.date = opts.date ?? '';
  return doc;
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
        // A school-curator with no person named: the organisation stands in the first column, once.
        rows: curators.map((c) => [String(c.full_name || c.organisation), [c.position, c.full_name ? c.organisation : ''].filter(Boolean).join(', '),
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
