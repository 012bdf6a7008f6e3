/**
 * A programme from a Word document: the preview (what was found, where it goes, what it changes in the
 * programme already kept) and the import itself, all or nothing, through the one writer. Importing the same
 * document again changes nothing: rows are matched by number and text; a newer version updates what changed.
 */
import type { ServiceContext } from '../../core/context.js';
import type { Row } from '../../core/writer.js';
import { writeRow, liveRows } from '../../core/writer.js';
import { parseTiming } from '../../../../common/timing.js';
import { readDocx } from './docx-reader.js';
import { recogniseProgramme } from './programme-recognise.js';
import { ImportRefused } from './errors.js';
import { matchFactor } from './factors.js';
import type { BlockChoice, ImportBlock, ImportRow, ImportSection, ProgrammeImportResult, ProgrammePreview, RowChange } from '../../../../preload/contract/onboarding.js';

/** Text compared as a person would: case, «ё», spaces, punctuation and a leading number do not matter. */
export const same = (s: string | null | undefined) => String(s ?? '').toLowerCase().replace(/ё/g, 'е').replace(/^\s*\d+(\.\d+)*[.)]?\s+/, '').replace(/[^\p{L}\p{N}]+/gu, '');

function blankPreview(fileName: string, bytes: Uint8Array, ctx: ServiceContext) {
  const doc = readDocx(bytes);
  const r = recogniseProgramme(doc);
  const useful = r.blocks.some((b) => b.section !== 'unknown' && b.rows.length) || !!r.goal;
  if (!r.title && !useful) throw new ImportRefused('not_programme');
  const notes: string[] = [];
  const thisYear = ctx.now().getFullYear();
  if (!r.title) notes.push('Название программы в документе не найдено — указано по имени файла; его можно исправить после загрузки.');
  if (r.yearFrom === null) notes.push(`Годы реализации в документе не найдены — указаны ${thisYear}–${thisYear + 3}; исправьте их после загрузки.`);
  if (!r.approvalDate && !r.approvalNumber) notes.push('Приказ об утверждении в документе не найден.');
  const title = r.title ?? fileName.replace(/\.docx$/i, '');
  const existing = liveRows(ctx, 'programme', 'created_at').find((p) => same(String(p.title)) === same(title));
  return {
    head: {
      title, year_from: r.yearFrom ?? thisYear, year_to: Math.max(r.yearTo ?? thisYear + 3, r.yearFrom ?? thisYear), approval_number: r.approvalNumber,
      approval_date: r.approvalDate, goal: r.goal, existingId: existing ? String(existing.id) : null, notes,
    },
    blocks: r.blocks,
  };
}

/** The rows a programme already has in one section. */
function existingRows(ctx: ServiceContext, programmeId: string | null, section: ImportSection): Row[] {
  if (!programmeId) return [];
  const table = TABLE[section];
  if (!table) return [];
  return ctx.raw.prepare(`SELECT * FROM ${table} WHERE programme_id = ? AND deleted_at IS NULL ORDER BY created_at`).all(programmeId) as Row[];
}

const TABLE: Partial<Record<ImportSection, string>> = {
  task: 'programme_task', problem: 'programme_problem', direction: 'direction', activity: 'activity', indicator: 'indicator', local_act: 'local_act',
};
const TEXT: Record<string, string> = { programme_task: 'text', programme_problem: 'description', direction: 'title', activity: 'title', indicator: 'title', local_act: 'title' };

/** The kept row this document row is: by number where the section has numbers, else by text. */
function counterpart(section: ImportSection, r: ImportRow, position: number, rows: Row[], taken: Set<string>): Row | undefined {
  const table = TABLE[section]!;
  const free = rows.filter((x) => !taken.has(String(x.id)));
  const byText = free.find((x) => same(String(x[TEXT[table]!] ?? '')) === same(r.text));
  if (byText) return byText;
  if (section === 'activity' && r.number) return free.find((x) => String(x.number ?? '') === r.number);
  // A task or direction reworded in a newer version keeps its place in the list.
  if (section === 'task' || section === 'direction') return free.find((x) => Number(x.position) === position);
  return undefined;
}

/** The values a row of the document gives its table. */
function valuesOf(ctx: ServiceContext, section: ImportSection, r: ImportRow, position: number, yearFrom: number): Record<string, unknown> {
  switch (section) {
    case 'task': return { text: r.text.slice(0, 2000), position };
    case 'direction': return { title: r.text.slice(0, 500), position };
    case 'problem': {
      const f = matchFactor(ctx, r.text);
      return { description: r.text, risk_factor_id: f?.id ?? null, kind: f?.kind ?? 'internal' };
    }
    case 'activity': {
      const timing = r.fields.timing_text ?? '';
      const t = timing ? parseTiming(timing, yearFrom) : { kind: 'none' as const, dateFrom: null, dateTo: null };
      const mark = r.fields.completion_mark ?? '';
      return {
        number: r.number?.slice(0, 20) ?? '', title: r.text.slice(0, 2000), timing_text: timing.slice(0, 300), timing_kind: t.kind, date_from: t.dateFrom, date_to: t.dateTo,
        responsible: (r.fields.responsible ?? '').slice(0, 1000), completion_mark: mark.slice(0, 10000), ...(/^выполнен/i.test(mark) ? { status: 'done' } : {}),
      };
    }
    case 'indicator': return { title: r.text.slice(0, 1000), unit: r.fields.unit?.slice(0, 50) ?? '' };
    case 'local_act': return { title: r.text.slice(0, 1000), adopted_on: r.fields.adopted_on ?? null, order_number: r.fields.order_number ?? '' };
    default: return {};
  }
}

const differs = (row: Row, v: Record<string, unknown>) => Object.entries(v).some(([k, x]) => k !== 'position' && k !== 'kind' && k !== 'timing_kind' && k !== 'risk_factor_id' && String(row[k] ?? '') !== String(x ?? ''));

/** Rows of a block as they would go into `section`: marked new, same or changed against the programme. */
function mark(ctx: ServiceContext, programmeId: string | null, section: ImportSection, rows: ImportRow[], yearFrom: number, taken: Set<string>) {
  const kept = existingRows(ctx, programmeId, section);
  return rows.map((r, i) => {
    if (section === 'unknown') return { r: { ...r, change: 'new' as RowChange }, match: undefined };
    const match = counterpart(section, r, i + 1, kept, taken);
    if (match) taken.add(String(match.id));
    const v = valuesOf(ctx, section, r, i + 1, yearFrom);
    const change: RowChange = !match ? 'new' : differs(match, v) ? 'changed' : 'same';
    const note = section === 'problem' && v.risk_factor_id ? `Фактор риска из каталога: «${matchFactor(ctx, r.text)!.title}»` : r.note;
    return { r: { ...r, change, was: change === 'changed' ? String(match![TEXT[TABLE[section]!]!] ?? '') : null, note }, match };
  });
}

export function previewProgramme(ctx: ServiceContext, fileName: string, bytes: Uint8Array): ProgrammePreview {
  const { head, blocks } = blankPreview(fileName, bytes, ctx);
  const taken = new Set<string>();
  const marked: ImportBlock[] = blocks.map((b) => ({ ...b, rows: mark(ctx, head.existingId, b.section, b.rows, head.year_from, taken).map((m) => m.r) }));
  const totals: Record<RowChange, number> = { new: 0, same: 0, changed: 0 };
  for (const b of marked) if (b.section !== 'unknown') for (const r of b.rows) totals[r.change]++;
  return { head, blocks: marked, totals };
}

/** The choices applied to the same file, in one transaction: the programme, then its sections, parents first. */
export function applyProgramme(ctx: ServiceContext, fileName: string, bytes: Uint8Array, choices: Record<string, BlockChoice>): ProgrammeImportResult {
  const { head, blocks } = blankPreview(fileName, bytes, ctx);
  const target = (b: ImportBlock): ImportSection | null => {
    const c = choices[b.id] ?? (b.section === 'unknown' ? 'skip' : 'take');
    if (c === 'skip') return null;
    const s = c === 'take' ? b.section : c;
    return s === 'unknown' ? null : s;
  };
  const order: ImportSection[] = ['direction', 'task', 'problem', 'activity', 'indicator', 'local_act'];
  return ctx.raw.transaction(() => {
    const res = { programmeId: '', created: 0, updated: 0, unchanged: 0 };
    const pv = { title: head.title.slice(0, 1000), year_from: head.year_from, year_to: head.year_to,
      ...(head.approval_number ? { approval_number: head.approval_number } : {}), ...(head.approval_date ? { approval_date: head.approval_date } : {}), ...(head.goal ? { goal: head.goal } : {}) };
    const p = head.existingId ? writeRow(ctx, 'programme', pv, { id: head.existingId }) : writeRow(ctx, 'programme', pv);
    res.programmeId = String(p.id);
    const taken = new Set<string>();
    const directions = new Map<string, string>();
    for (const d of existingRows(ctx, res.programmeId, 'direction')) directions.set(same(String(d.title)), String(d.id));
    for (const section of order) {
      for (const b of blocks.filter((x) => target(x) === section)) {
        const marked = mark(ctx, res.programmeId, section, b.rows, head.year_from, taken);
        marked.forEach(({ r, match }, i) => {
          if (!r.text.trim()) return;
          const v: Record<string, unknown> = { ...valuesOf(ctx, section, r, i + 1, head.year_from), programme_id: res.programmeId };
          if (section === 'activity' && r.fields.direction) {
            const key = same(r.fields.direction);
            if (!directions.has(key)) directions.set(key, String(writeRow(ctx, 'direction', { programme_id: res.programmeId, title: r.fields.direction.slice(0, 500), position: directions.size + 1 }).id));
            v.direction_id = directions.get(key);
          }
          if (r.change === 'same' && !(section === 'activity' && match && v.direction_id && match.direction_id !== v.direction_id)) { res.unchanged++; return; }
          const w = match ? writeRow(ctx, TABLE[section]!, v, { id: String(match.id) }) : writeRow(ctx, TABLE[section]!, v);
          if (section === 'direction') directions.set(same(r.text), String(w.id));
          if (section === 'indicator') writeValues(ctx, String(w.id), r.fields.values ?? '');
          if (match) res.updated++; else res.created++;
        });
      }
    }
    return res;
  })();
}

/** «2021=55; 2022 план=60» → one value per period: the year, target unless the header says «факт» or «базов». */
function writeValues(ctx: ServiceContext, indicatorId: string, values: string) {
  const kept = ctx.raw.prepare('SELECT * FROM indicator_value WHERE indicator_id = ? AND deleted_at IS NULL').all(indicatorId) as Row[];
  for (const part of values.split('; ').filter(Boolean)) {
    const [header, raw] = [part.slice(0, part.lastIndexOf('=')), part.slice(part.lastIndexOf('=') + 1)];
    const n = Number(raw.replace(/\s|%/g, '').replace(',', '.'));
    if (!Number.isFinite(n) || raw.trim() === '') continue;
    const period = /(20\d\d(?:\s*[-–/]\s*20?\d\d)?)/.exec(header)?.[1] ?? header.slice(0, 100);
    const field = /факт/i.test(header) ? 'actual' : /базов|исходн/i.test(header) ? 'baseline' : 'target';
    const row = kept.find((k) => String(k.period) === period);
    if (row && Number(row[field]) === n) continue;
    if (row) writeRow(ctx, 'indicator_value', { [field]: n }, { id: String(row.id) });
    else kept.push(writeRow(ctx, 'indicator_value', { indicator_id: indicatorId, period, [field]: n }));
  }
}
