/**
 * What a programme document holds, recognised by words and shape rather than by position: headings that
 * open a section («Задачи:», «…проблемы…:», «…направленные на:»), the list items under them (numbered by
 * Word or typed as «1.», «1.1», «-»), and tables told apart by their header words. Every non-empty paragraph
 * and table row ends up in some block — what is not understood goes to an «unknown» block as it stands.
 */
import type { DocBlock, DocRow, DocTable } from './docx-reader.js';
import type { ImportBlock, ImportRow, ImportSection } from '../../../../preload/contract/onboarding.js';
import { parseRuDate } from '../../../../common/format.js';

export interface Recognised {
  title: string | null;
  yearFrom: number | null;
  yearTo: number | null;
  approvalNumber: string | null;
  approvalDate: string | null;
  goal: string | null;
  blocks: ImportBlock[];
}

const ITEM = /^(?:(\d{1,2}(?:\.\d{1,2})*)[.)]?\s+|[-–—•·*▪●]\s*)(.*)$/s;
const YEARS = /(?<!\d)(20\d\d)\s*(?:[-–—]|по|\/)\s*(20\d\d|\d\d)(?!\d)/;

const W = '(?![а-яё])';

/** What a heading opens; a long paragraph counts by its words before the first colon («…является: текст»). */
function headingOf(text: string): ImportSection | 'goal' | 'plan' | 'skip' | null {
  const colon = text.indexOf(':');
  // «…выявлены следующие проблемы…:» — a paragraph that ends in a colon introduces what follows, however long.
  const head = /:\s*$/.test(text) && text.length < 500 ? text : colon >= 0 && colon < 200 ? text.slice(0, colon + 1) : text;
  if (head.length >= 500 || (head.length >= 200 && !/:\s*$/.test(head))) return null;
  const t = head.toLowerCase();
  if (/^цели и задачи\.?$/.test(t)) return 'skip';
  if (new RegExp(`^(стратегическ\\S* )?цел[ьи]${W}|^основн\\S* цел`).test(t)) return 'goal';
  if (/^(основн\S* )?задач|задачами .*являются|задачи программы/.test(t)) return 'task';
  if (/локальн\S* (нормативн\S* )?акт/.test(t)) return 'local_act';
  if (/показател|индикатор/.test(t) && !/мероприяти/.test(t)) return 'indicator';
  if (/проблем|причин\S* низк|факторы? риска/.test(t) && /:\s*$|^проблем|^причин|^факторы/.test(t)) return 'problem';
  if (/направлени\S* (программы|работы|деятельности)|^направлени|направленные на:?\s*$/.test(t)) return 'direction';
  if (/^план\b|план (методических )?мероприятий|мероприяти\S*:?\s*$|необходимо:\s*$|реализованы следующие/.test(t)) return 'plan';
  return null;
}

const norm = (s: string) => s.replace(/[\s\u00a0]+/g, ' ').trim();
const stripEnd = (s: string) => s.replace(/[;.,:]\s*$/, '').trim();

/** A date written in the text: «21.01.2020», «21 января 2020 г.». */
export function dateIn(text: string): string | null {
  const m = /(\d{1,2}\.\d{1,2}\.\d{2,4})|(\d{1,2}\s+[а-яё]+\s+\d{4})/i.exec(text);
  return m ? parseRuDate(m[0]) : null;
}

function approvalOf(text: string): { number: string | null; date: string | null } | null {
  if (!/приказ|утвержд/i.test(text)) return null;
  const date = dateIn(text);
  const num = /№\s*([\dА-Яа-яЁёA-Za-z][\wА-Яа-яЁё\-/.]*)/.exec(text);
  if (!date && !num) return null;
  return { number: num ? num[1]!.replace(/[.,]$/, '') : null, date };
}

interface Draft { section: ImportSection; title: string; from: number; to: number; rows: ImportRow[] }

const row = (source: string, text: string, number: string | null = null, fields: ImportRow['fields'] = {}, note: string | null = null): ImportRow =>
  ({ source, number, text, fields, change: 'new', was: null, note });

const TITLES: Record<ImportSection, string> = {
  task: 'Задачи', problem: 'Проблемы и их причины', direction: 'Направления', activity: 'Мероприятия',
  indicator: 'Показатели', local_act: 'Локальные акты', unknown: 'Не распознано',
};

export function recogniseProgramme(doc: DocBlock[]): Recognised {
  const out: Recognised = { title: null, yearFrom: null, yearTo: null, approvalNumber: null, approvalDate: null, goal: null, blocks: [] };
  const drafts: Draft[] = [];
  let current: Draft | null = null;
  let mode: ImportSection | 'goal' | 'plan' | null = null;
  let direction: string | null = null;
  let tables = 0;
  const goal: string[] = [];
  const open = (section: ImportSection, at: number, title = TITLES[section]) => {
    current = { section, title, from: at, to: at, rows: [] };
    drafts.push(current);
    return current;
  };
  // Within one heading's reach, a section's rows stay in one block (directions and their measures interleave).
  let reach = new Map<ImportSection, Draft>();
  const add = (section: ImportSection, at: number, r: ImportRow) => {
    const d: Draft = current && (current as Draft).section === section ? current : reach.get(section) ?? open(section, at);
    reach.set(section, d);
    current = d;
    d.rows.push(r);
    d.to = at;
  };
  let par = 0;
  for (const b of doc) {
    if (b.kind === 'table') {
      tables++;
      for (const d of recogniseTable(b, tables, direction)) drafts.push(d);
      current = null;
      continue;
    }
    par++;
    const text = norm(b.text);
    if (!text || /^\[bookmark/i.test(text)) continue;
    if (!out.title && par <= 20 && /^[^а-яё]*([а-яё]+\s+){0,2}программа(?![а-яё])/i.test(text) && text.length < 600 && !ITEM.test(text)) {
      out.title = stripEnd(text.replace(/^\*+|\*+$/g, '').replace(/^(муниципальная|школьная)?\s*/i, (m) => m));
      const y = YEARS.exec(text);
      if (y) { out.yearFrom = Number(y[1]); out.yearTo = y[2]!.length === 2 ? 2000 + Number(y[2]) : Number(y[2]); }
      continue;
    }
    if (!out.approvalDate && !out.approvalNumber && par <= 40 && /приказ/i.test(text) && text.length < 300) {
      const a = approvalOf(text);
      if (a) { out.approvalNumber = a.number; out.approvalDate = a.date; continue; }
    }
    const h = headingOf(text);
    const tail = /:\s*(.{20,})$/s.exec(text)?.[1];
    if (h === 'goal') {
      mode = 'goal';
      current = null;
      if (tail) goal.push(stripEnd(tail));
      continue;
    }
    if (h && h !== 'skip' && !(ITEM.test(text) && mode && mode !== 'goal' && h !== 'task')) {
      mode = h === 'plan' ? 'activity' : h;
      direction = null;
      current = null;
      reach = new Map();
      if (tail && mode !== 'activity') add(mode, par, row(text, stripEnd(tail)));
      else if (mode !== 'unknown') open(mode, par, `${TITLES[mode]}: «${text.length > 80 ? text.slice(0, 80) + '…' : text}»`);
      continue;
    }
    if (h === 'skip') { current = null; continue; }
    const item = ITEM.exec(text);
    const listed = item || b.listed;
    if (mode === 'goal' && !listed && goal.length < 5) { goal.push(stripEnd(text)); continue; }
    if (mode === 'goal' && listed) { goal.push(stripEnd(item ? item[2]! : text)); continue; }
    if (mode && mode !== 'goal' && listed) {
      const number = item?.[1] ?? null;
      const body = stripEnd(item ? item[2]! : text);
      const dashed = !!item && !item[1];
      if (mode === 'direction' && dashed && direction) {
        add('activity', par, row(text, body, null, { direction }));
        continue;
      }
      if (mode === 'direction') { direction = body; add('direction', par, row(text, body, number)); continue; }
      const d = current as Draft | null;
      const prev = d?.rows[d.rows.length - 1];
      // «…разработаны макеты:» and the dashes under it are one item.
      if (mode === 'activity' && dashed && prev && /:\s*$/.test(prev.source)) {
        prev.text = `${prev.text}: ${prev.text.endsWith(':') ? '' : ''}${body}`.replace(/::/, ':');
        prev.source += `\n${text}`;
        d!.to = par;
        continue;
      }
      if (mode === 'local_act') {
        add('local_act', par, row(text, body, number, { adopted_on: dateIn(body), order_number: /№\s*([\w\-/]+)/.exec(body)?.[1] ?? null }));
        continue;
      }
      add(mode, par, row(text, body, number));
      continue;
    }
    // Prose ends a list: what follows is not understood unless a heading says what it is.
    if (mode !== 'goal' || goal.length >= 5) { mode = null; reach = new Map(); }
    current = reach.get('unknown') ?? null;
    add('unknown', par, row(text, text));
  }
  if (goal.length) out.goal = goal.join(' ');
  if (out.yearFrom === null) {
    // «План мероприятий на 2020-2021 учебный год», «…на 2020–2023 годы» elsewhere in the document.
    for (const b of doc) {
      const y = b.kind === 'p' ? /на\s+(20\d\d)\s*[-–—]\s*(20\d\d)\s*(уч\S*\s*)?(год|гг)/i.exec(b.text) : null;
      if (y) { out.yearFrom = Number(y[1]); out.yearTo = Number(y[2]); break; }
    }
  }
  out.blocks = drafts.filter((d) => d.rows.length).map((d, i) => ({
    id: `b${i + 1}`, section: d.section, title: d.title,
    where: d.from < 0 ? d.title : d.from === d.to ? `абзац ${d.from}` : `абзацы ${d.from}–${d.to}`, rows: d.rows,
  }));
  // Table blocks carry their own «where».
  for (const [i, d] of drafts.filter((x) => x.rows.length).entries()) if (d.from < 0) out.blocks[i]!.where = d.title.replace(/^.*\((.*)\)$/, '$1');
  return out;
}

// ---------------------------------------------------------------- tables

/** Header words of a column, in the order they are tried: «Сроки выполнения» is a timing, not a mark. */
const COLS = {
  number: /^№|^n\s|^номер|п\/п/i,
  timing: /срок|дата проведения|период/i,
  responsible: /ответствен|исполнител/i,
  mark: /отметк|выполнени|результат|примечан/i,
  direction: /^направлени/i,
  indicator: /показател|индикатор|критери/i,
  unit: /единиц|ед\.\s*изм/i,
  title: /мероприяти|содержание|наименование|вид работ/i,
};

type ColKey = keyof typeof COLS;

function headerDepth(t: DocTable): number {
  let h = 0;
  while (h < Math.min(3, t.rows.length)) {
    const r = t.rows[h]!;
    const words = r.cells.some((c) => Object.values(COLS).some((re) => re.test(c)) || /^(20\d\d|базов|целев|план|факт)/i.test(c.trim()));
    if (r.header || (words && !r.wide && !/^\d+\.?$/.test(r.cells[0]!.trim()))) h++;
    else if (h > 0 && r.cells.every((c) => !/[а-яё]{4,}/i.test(c) || /^(20\d\d|базов|целев|план|факт|начал|окончан)/i.test(c.trim()))) h++;
    else break;
  }
  return h;
}

function columnsOf(t: DocTable, depth: number): string[] {
  const width = t.rows[0]?.cells.length ?? 0;
  const names: string[] = [];
  for (let c = 0; c < width; c++) {
    const parts: string[] = [];
    for (let r = 0; r < depth; r++) {
      // A merged header spreads its words over the columns it covers.
      let v = t.rows[r]!.cells[c]!;
      if (!v) for (let k = c - 1; k >= 0 && !v; k--) { v = t.rows[r]!.cells[k]! ; if (v && r < depth - 1 && t.rows[r + 1]!.cells[c]) break; v = ''; }
      if (v && !parts.includes(v)) parts.push(v);
    }
    names.push(norm(parts.join(' ')));
  }
  return names;
}

const cellsKey = (r: DocRow) => r.cells.map((c) => norm(c).toLowerCase()).join('|');
const rowText = (r: DocRow) => r.cells.map(norm).filter(Boolean).filter((v, i, a) => a.indexOf(v) === i).join(' | ');

function recogniseTable(t: DocTable, n: number, outerDirection: string | null): Draft[] {
  const depth = headerDepth(t);
  const names = columnsOf(t, depth);
  const keyOf = names.map((h) => (Object.keys(COLS) as ColKey[]).find((k) => COLS[k].test(h)) ?? null);
  const cols = (k: ColKey) => keyOf.flatMap((x, i) => (x === k ? [i] : []));
  const col = Object.fromEntries((Object.keys(COLS) as ColKey[]).map((k) => [k, cols(k)[0] ?? -1])) as Record<ColKey, number>;
  const headerKeys = new Set(t.rows.slice(0, depth).map(cellsKey));
  const where = (a: number, b: number) => `таблица ${n}, ${a === b ? `строка ${a}` : `строки ${a}–${b}`}`;
  const unknown = (): Draft[] => {
    const rows = t.rows.map((r, i) => [r, i] as const).filter(([r]) => rowText(r)).map(([r]) => row(rowText(r), rowText(r)));
    return rows.length ? [{ section: 'unknown', title: `Таблица ${n} (${where(1, t.rows.length)})`, from: -1, to: -1, rows }] : [];
  };
  if (depth === 0) return unknown();
  const data = t.rows.map((r, i) => ({ r, line: i + 1 })).slice(depth)
    .filter(({ r }) => !headerKeys.has(cellsKey(r)) && !r.header)
    // «1 | 2 | 3 | 4»: the column numbers some tables print under the header.
    .filter(({ r }) => !r.cells.every((c, i) => norm(c) === String(i + 1) || !norm(c)) || r.cells.filter((c) => norm(c)).length < 2);
  // Two columns under one merged header («Сроки: начало | окончание») read as one value.
  const cell = (r: DocRow, k: ColKey) => [...new Set(cols(k).map((i) => norm(r.cells[i] ?? '')).filter(Boolean))].join(k === 'timing' ? ' – ' : '; ');

  if (col.title >= 0 && col.indicator < 0 && (col.timing >= 0 || col.responsible >= 0 || col.number >= 0)) {
    const acts: ImportRow[] = [];
    const dirs: ImportRow[] = [];
    let direction = outerDirection;
    let prevRaw = '';
    let first = Infinity;
    let last = 0;
    for (const { r, line } of data) {
      if (!rowText(r)) continue;
      first = Math.min(first, line); last = line;
      const filled = r.cells.map(norm).filter(Boolean);
      const unique = [...new Set(filled)];
      let title = cell(r, 'title');
      let number = cell(r, 'number').replace(/[.)]$/, '') || null;
      const timing = cell(r, 'timing');
      const resp = cell(r, 'responsible');
      if (r.wide || (unique.length === 1 && !timing && !resp && !number && !/^[а-яё]/.test(unique[0]!))) {
        direction = stripEnd(unique[0]!.replace(/^(направлени\S*\s*)?(\d+(\.\d+)*[.)]?\s*)?/i, (m) => (/^направлени/i.test(m) ? '' : m)).replace(/^\d+(\.\d+)*[.)]?\s*/, '').replace(/^[«"]|[»"]$/g, ''));
        dirs.push(row(rowText(r), direction, /^\s*(?:направлени\S*\s*)?(\d+(?:\.\d+)*)/i.exec(unique[0]!)?.[1] ?? null));
        continue;
      }
      const prev = acts[acts.length - 1];
      // A row continued on the next page: only the text column, going on from the row before.
      if (prev && !number && !timing && !resp && title && /^[а-яё(«"]/.test(title)) {
        prevRaw = `${prevRaw} ${title}`;
        prev.text = stripEnd(prevRaw);
        prev.source += `\n${rowText(r)}`;
        continue;
      }
      if (!number) {
        const m = /^(\d{1,2}(?:\.\d{1,2})*)[.)]?\s+(.+)$/s.exec(title);
        if (m) { number = m[1]!; title = m[2]!; }
      }
      if (!title) title = unique.find((v) => v !== number && v !== timing && v !== resp) ?? '';
      if (!title) { acts.push(row(rowText(r), rowText(r), number, {}, 'Нет названия мероприятия — строка не будет сохранена, если её не поправить в документе')); continue; }
      const dir = cell(r, 'direction') || direction;
      prevRaw = title;
      acts.push(row(rowText(r), stripEnd(title), number, { timing_text: timing || null, responsible: resp || null, completion_mark: cell(r, 'mark') || null, direction: dir }));
    }
    const span = Number.isFinite(first) ? where(first, last) : where(1, t.rows.length);
    const out: Draft[] = [];
    if (dirs.length) out.push({ section: 'direction', title: `Направления из таблицы ${n} (${span})`, from: -1, to: -1, rows: dirs });
    out.push({ section: 'activity', title: `План мероприятий, таблица ${n} (${span})`, from: -1, to: -1, rows: acts });
    return out;
  }
  const yearCols = names.map((h, i) => [h, i] as const).filter(([h, i]) => i !== col.indicator && /20\d\d|базов|целев|план|факт/i.test(h));
  if (col.indicator >= 0 && yearCols.length) {
    const rows: ImportRow[] = [];
    for (const { r } of data) {
      const title = cell(r, 'indicator');
      if (!rowText(r)) continue;
      if (!title) { rows.push(row(rowText(r), rowText(r), null, {}, 'Нет названия показателя')); continue; }
      const values = yearCols.map(([h, i]) => `${h}=${norm(r.cells[i] ?? '')}`).filter((v) => !/=$/.test(v)).join('; ');
      rows.push(row(rowText(r), stripEnd(title.replace(/^\d+(\.\d+)*[.)]?\s+/, '')), cell(r, 'number').replace(/[.)]$/, '') || null, { unit: cell(r, 'unit') || null, values }));
    }
    return [{ section: 'indicator', title: `Показатели, таблица ${n} (${where(depth + 1, t.rows.length)})`, from: -1, to: -1, rows }];
  }
  return unknown();
}
