/**
 * The roster as an Excel table laid out like seed 004's («ОО | Кластер | Группа качества (ГК) | Группа по
 * Индексу социального благополучия школы (ГИСБШ) | Уровень по ГК | Уровень по ГИСБШ», optionally НОР, НСУ,
 * pilot and base site, partner group, resource centre, curator): export, and import with a preview of what
 * will change and an error per row and column. Import is all or nothing: one bad row and nothing is written.
 */
import ExcelJS from 'exceljs';
import type { ServiceContext } from '../core/context.js';
import { AppError } from '../core/errors.js';
import { parseLevel, groupText, levelShort, type LevelCode } from '../../../common/roster-labels.js';
import type { RosterImportPreview, RosterImportChange, RosterRow } from '../../../preload/contract/municipality.js';
import type { ReportTable } from '../core/table.js';
import { listRoster, saveRosterSchool } from './roster.js';
import { requireMunicipality } from '../core/municipality-profile.js';
import { liveRows, writeRow } from '../core/writer.js';

type Field = 'name' | 'short_name' | 'cluster' | 'quality_group' | 'social_group' | 'quality_level' | 'social_level' | 'is_nor' | 'is_nsu'
  | 'is_pilot' | 'base_site' | 'partner_group' | 'is_resource_centre' | 'curator';

/** Header text → field. Order matters: «Уровень по ГК» mentions ГК, so levels are tried first. */
const HEADERS: [RegExp, Field][] = [
  [/уровень.*(гисбш|гибсш|исб|социальн)/, 'social_level'],
  [/уровень.*(гк|качеств)/, 'quality_level'],
  [/кратк/, 'short_name'],
  [/^(оо|образовательн|наименование|школа|организация)/, 'name'],
  [/кластер/, 'cluster'],
  [/групп.*качеств|\(гк\)|^гк$/, 'quality_group'],
  [/гисбш|гибсш|индекс|благополуч/, 'social_group'],
  [/партн[её]р|№\s*группы|^группа$/, 'partner_group'],
  [/ресурсн/, 'is_resource_centre'],
  [/^(школ\S* с )?нор($|[\s(,.])|низк\S* (образоват|результ)/, 'is_nor'],
  [/^(школ\S* )?нсу($|[\s(,.])|неблагоприятн/, 'is_nsu'],
  [/пилот/, 'is_pilot'],
  [/базов/, 'base_site'],
  [/куратор/, 'curator'],
];

export const FIELD_LABELS: Record<Field, string> = {
  name: 'ОО', short_name: 'Краткое наименование', cluster: 'Кластер', quality_group: 'Группа качества (ГК)',
  social_group: 'Группа по индексу социального благополучия школы (ГИСБШ)', quality_level: 'Уровень по ГК', social_level: 'Уровень по ГИСБШ',
  is_nor: 'НОР', is_nsu: 'НСУ', is_pilot: 'Пилотная площадка', base_site: 'Базовая площадка', partner_group: 'Партнёрская группа',
  is_resource_centre: 'Ресурсный центр', curator: 'Куратор',
};

const yes = (b: number) => (b ? 'да' : '');

/** The longest text the roster form and the curator form accept, per column. */
const TEXT_MAX: Partial<Record<Field, number>> = { name: 500, short_name: 200, base_site: 500, curator: 200 };

/** The roster as the table the user sees, and as the sheet the import reads back. */
export function rosterTable(rows: RosterRow[]): ReportTable {
  const cols: [Field, number][] = [['name', 30], ['short_name', 18], ['cluster', 8], ['quality_group', 9], ['social_group', 11], ['quality_level', 10],
    ['social_level', 10], ['is_nor', 6], ['is_nsu', 6], ['is_pilot', 9], ['base_site', 18], ['partner_group', 10], ['is_resource_centre', 9], ['curator', 18]];
  return {
    sheet: 'Реестр школ',
    caption: 'Реестр общеобразовательных организаций',
    columns: cols.map(([key, width]) => ({ key, header: FIELD_LABELS[key], width })),
    rows: rows.map((r) => [
      r.name, r.short_name, r.cluster, r.quality_group ?? groupText(null, r.quality_level), r.social_group ?? groupText(null, r.social_level),
      levelShort(r.quality_level), levelShort(r.social_level), yes(r.is_nor), yes(r.is_nsu), yes(r.is_pilot), r.base_site,
      r.partner_group_number, yes(r.is_resource_centre), r.curator_name ?? '',
    ]),
  };
}

/** «МОУ «Пьянковская ООШ»» and «Пьянковская ООШ» are the same school. */
export function normaliseName(name: string): string {
  return name.toLowerCase().replace(/ё/g, 'е').replace(/[«»"'„“”]/g, ' ')
    .replace(/^\s*(филиал\s+)?(м[бак]?оу|мкоу|маоу|мбоу|моу|гбоу|оу)\s+/, ' ')
    .replace(/№\s*/g, '№').replace(/\s+/g, ' ').trim();
}

function cellString(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('result' in v) return cellString(v.result as ExcelJS.CellValue);
    if ('text' in v) return String(v.text);
    if (v instanceof Date) return v.toISOString().slice(0, 10);
  }
  return String(v).trim();
}

interface ParsedRow {
  row: number;
  name: string;
  values: Partial<Record<Field, string | number | null>>;
  present: Set<Field>;
}

interface Parsed {
  sheet: string;
  rows: ParsedRow[];
  errors: RosterImportPreview['errors'];
}

const FLAG_YES = /^(да|\+|1|✓|v|x|х|yes|пилотная|ресурсный центр|рц)$/i;
const FLAG_NO = /^(нет|-|—|0|no|)$/i;

/** Longer than 80 lines on purpose: one pass over the sheet's rows, cell by cell in the layout's column order, reads better than the same pass cut into pieces. */
async function parseSheet(data: Buffer): Promise<Parsed> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw new AppError('bad_file', 'Файл не удалось прочитать как книгу Excel (.xlsx). Сохраните таблицу в формате .xlsx и повторите.');
  }
  for (const ws of wb.worksheets) {
    // The header row: the first of the top 15 with a name column and at least two other known columns.
    for (let h = 1; h <= Math.min(15, ws.rowCount); h++) {
      const map = new Map<number, Field>();
      ws.getRow(h).eachCell({ includeEmpty: false }, (cell, col) => {
        const t = cellString(cell.value).toLowerCase().replace(/\s+/g, ' ');
        const f = HEADERS.find(([re]) => re.test(t))?.[1];
        if (f && ![...map.values()].includes(f)) map.set(col, f);
      });
      if (![...map.values()].includes('name') || map.size < 3) continue;
      const rows: ParsedRow[] = [];
      const errors: Parsed['errors'] = [];
      const seen = new Map<string, number>();
      for (let r = h + 1; r <= ws.rowCount; r++) {
        const row = ws.getRow(r);
        const values: ParsedRow['values'] = {};
        const present = new Set<Field>();
        let any = false;
        for (const [col, field] of map) {
          const text = cellString(row.getCell(col).value);
          if (text) any = true;
          present.add(field);
          const err = (message: string) => errors.push({ row: r, column: FIELD_LABELS[field], message });
          switch (field) {
            case 'cluster': case 'quality_group': case 'social_group': case 'partner_group': {
              if (!text || /^нет/i.test(text) || text === '—' || text === '-') {
                values[field] = null;
                if (field === 'quality_group' || field === 'social_group') {
                  const lvl: LevelCode | null = text ? parseLevel(text) : 'no_info';
                  values[field === 'quality_group' ? 'quality_level' : 'social_level'] ??= lvl;
                }
              } else {
                const m = /^(\d{1,3})(\s*группа)?$/i.exec(text);
                // The same limits as the roster form (cluster and groups 0–100, a partner group 1–999).
                const [min, max] = field === 'partner_group' ? [1, 999] : [0, 100];
                if (!m) err(`«${text}» — не номер. Укажите число${field === 'partner_group' || field === 'cluster' ? ' или оставьте пустым' : ' или «нет информации»'}.`);
                else if (Number(m[1]) < min || Number(m[1]) > max) err(`«${text}» — номер должен быть от ${min} до ${max}.`);
                else values[field] = Number(m[1]);
              }
              break;
            }
            case 'quality_level': case 'social_level': {
              const lvl = parseLevel(text);
              if (lvl === null) err(`«${text}» — не уровень. Допустимо: н, н/с, с, в/с, в, «нет информации».`);
              else if (text || values[field] === undefined) values[field] = lvl;
              break;
            }
            case 'is_nor': case 'is_nsu': case 'is_pilot': case 'is_resource_centre':
              if (FLAG_YES.test(text)) values[field] = 1;
              else if (FLAG_NO.test(text)) values[field] = 0;
              else err(`«${text}» — укажите «да» или оставьте пустым.`);
              break;
            default:
              if (text.length > (TEXT_MAX[field] ?? Infinity)) err(`Текст длиннее ${TEXT_MAX[field]} символов — сократите его.`);
              values[field] = text;
          }
        }
        if (!any) continue;
        const name = String(values.name ?? '').trim();
        // A name cell ending in «- ресурсный центр» (seed 004's partner groups) marks the resource centre.
        const rc = /\s*[-–—]\s*ресурсный центр\s*$/i;
        if (rc.test(name)) {
          values.name = name.replace(rc, '');
          values.is_resource_centre = 1;
          present.add('is_resource_centre');
        }
        if (!values.name) {
          errors.push({ row: r, column: FIELD_LABELS.name, message: 'Не указано наименование ОО.' });
          continue;
        }
        const key = normaliseName(String(values.name));
        if (seen.has(key)) errors.push({ row: r, column: FIELD_LABELS.name, message: `Школа уже указана в строке ${seen.get(key)}.` });
        else seen.set(key, r);
        rows.push({ row: r, name: String(values.name), values, present });
      }
      return { sheet: ws.name, rows, errors };
    }
  }
  throw new AppError('no_header', 'В файле не найдена таблица реестра: нужна строка заголовков со столбцами «ОО», «Кластер», «Группа качества (ГК)» и другими, как в реестре. Скачайте реестр в Excel и используйте его как образец.');
}

interface Plan {
  preview: RosterImportPreview;
  apply: () => void;
}

/** Longer than 80 lines on purpose: the preview and the apply step share every lookup they build; split, the two would drift. */
async function plan(ctx: ServiceContext, data: Buffer): Promise<Plan> {
  requireMunicipality(ctx);
  const parsed = await parseSheet(data);
  const roster = listRoster(ctx);
  const byName = new Map<string, RosterRow>();
  for (const r of roster) {
    byName.set(normaliseName(r.name), r);
    if (r.short_name) byName.set(normaliseName(r.short_name), r);
  }
  const groups = liveRows(ctx, 'partner_group', 'number');
  const groupNo = new Map(groups.map((g) => [Number(g.number), g.id]));
  const curators = liveRows(ctx, 'curator', 'full_name');
  const curatorBy = new Map(curators.map((c) => [String(c.full_name).toLowerCase().replace(/ё/g, 'е'), c.id]));
  const newGroups = new Set<number>();
  const newCurators = new Set<string>();
  const changes: RosterImportChange[] = [];
  const fieldsShown: Field[] = ['short_name', 'cluster', 'quality_group', 'social_group', 'quality_level', 'social_level', 'is_nor', 'is_nsu', 'is_pilot', 'base_site', 'partner_group', 'is_resource_centre', 'curator'];
  const show = (f: Field, v: unknown): string => {
    if (v === null || v === undefined || v === '') return f === 'quality_group' || f === 'social_group' ? 'нет информации' : '';
    if (f === 'quality_level' || f === 'social_level') return levelShort(String(v));
    if (f.startsWith('is_')) return v ? 'да' : 'нет';
    return String(v);
  };
  const current = (r: RosterRow | undefined, f: Field): unknown => {
    if (!r) return f.startsWith('is_') ? 0 : f.endsWith('_level') ? 'no_info' : null;
    if (f === 'partner_group') return r.partner_group_number;
    if (f === 'curator') return r.curator_name ?? '';
    return (r as unknown as Record<string, unknown>)[f];
  };
  for (const p of parsed.rows) {
    const existing = byName.get(normaliseName(p.name)) ?? (p.values.short_name ? byName.get(normaliseName(String(p.values.short_name))) : undefined);
    const diffs: RosterImportChange['changes'] = [];
    for (const f of fieldsShown) {
      if (!p.present.has(f) && !(f.endsWith('_level') && p.values[f] !== undefined)) continue;
      const to = p.values[f] ?? (f.startsWith('is_') ? 0 : null);
      const from = current(existing, f);
      if (show(f, from) !== show(f, to)) diffs.push({ field: f, label: FIELD_LABELS[f], from: existing ? show(f, from) : '', to: show(f, to) });
    }
    if (p.present.has('partner_group') && typeof p.values.partner_group === 'number' && !groupNo.has(p.values.partner_group)) newGroups.add(p.values.partner_group);
    const cur = String(p.values.curator ?? '').trim();
    if (p.present.has('curator') && cur && !curatorBy.has(cur.toLowerCase().replace(/ё/g, 'е'))) newCurators.add(cur);
    changes.push({ row: p.row, name: p.name, action: !existing ? 'create' : diffs.length ? 'update' : 'unchanged', schoolId: existing?.id ?? null, changes: diffs });
  }
  const preview: RosterImportPreview = {
    sheet: parsed.sheet,
    rows: parsed.rows.length,
    changes,
    errors: parsed.errors,
    newGroups: [...newGroups].sort((a, b) => a - b),
    newCurators: [...newCurators].sort(),
    summary: {
      create: changes.filter((c) => c.action === 'create').length,
      update: changes.filter((c) => c.action === 'update').length,
      unchanged: changes.filter((c) => c.action === 'unchanged').length,
    },
  };
  const apply = () => {
    ctx.raw.transaction(() => {
      for (const n of preview.newGroups) groupNo.set(n, writeRow(ctx, 'partner_group', { number: n, title: `${n} группа`, territory: '', note: '' }).id);
      for (const c of preview.newCurators) curatorBy.set(c.toLowerCase().replace(/ё/g, 'е'), writeRow(ctx, 'curator', { full_name: c, position: '', organisation: '', phone: '', email: '', note: '' }).id);
      for (const p of parsed.rows) {
        const ch = changes.find((c) => c.row === p.row)!;
        if (ch.action === 'unchanged') continue;
        const ex = ch.schoolId ? roster.find((r) => r.id === ch.schoolId) : undefined;
        const v = p.values;
        const pick = <T>(f: Field, fromRoster: T, conv: (x: string | number | null | undefined) => T): T => (p.present.has(f) || (f.endsWith('_level') && v[f] !== undefined) ? conv(v[f]) : fromRoster);
        const num = (x: unknown) => (typeof x === 'number' ? x : null);
        const str = (x: unknown) => (x === null || x === undefined ? '' : String(x));
        const flag = (x: unknown): 0 | 1 => (x ? 1 : 0);
        const curName = str(v.curator).trim().toLowerCase().replace(/ё/g, 'е');
        saveRosterSchool(ctx, {
          id: ex?.id,
          name: ex?.name ?? p.name,
          short_name: pick('short_name', ex?.short_name ?? '', str),
          cluster: pick('cluster', ex?.cluster ?? null, num),
          quality_group: pick('quality_group', ex?.quality_group ?? null, num),
          quality_level: pick('quality_level', (ex?.quality_level ?? 'no_info') as LevelCode, (x) => (x ?? 'no_info') as LevelCode),
          social_group: pick('social_group', ex?.social_group ?? null, num),
          social_level: pick('social_level', (ex?.social_level ?? 'no_info') as LevelCode, (x) => (x ?? 'no_info') as LevelCode),
          is_nor: pick('is_nor', flag(ex?.is_nor), flag),
          is_nsu: pick('is_nsu', flag(ex?.is_nsu), flag),
          is_pilot: pick('is_pilot', flag(ex?.is_pilot), flag),
          base_site: pick('base_site', ex?.base_site ?? '', str),
          partner_group_id: p.present.has('partner_group') ? (typeof v.partner_group === 'number' ? groupNo.get(v.partner_group) ?? null : null) : ex?.partner_group_id ?? null,
          is_resource_centre: pick('is_resource_centre', flag(ex?.is_resource_centre), flag),
          curator_id: p.present.has('curator') ? (curName ? curatorBy.get(curName) ?? null : null) : ex?.curator_id ?? null,
          roster_note: ex?.roster_note ?? '',
        });
      }
    })();
  };
  return { preview, apply };
}

export async function previewRosterImport(ctx: ServiceContext, data: Buffer): Promise<RosterImportPreview> {
  return (await plan(ctx, data)).preview;
}

/** Applies the file if and only if it has no errors; returns what was done. */
export async function applyRosterImport(ctx: ServiceContext, data: Buffer): Promise<RosterImportPreview> {
  const p = await plan(ctx, data);
  if (p.preview.errors.length) {
    throw new AppError('import_errors', `В файле ${p.preview.errors.length === 1 ? 'есть ошибка' : 'есть ошибки'} (${p.preview.errors.length}); реестр не изменён. Исправьте их и загрузите файл снова.`);
  }
  p.apply();
  return p.preview;
}
