/**
 * One search across everything (the header's «Поиск», Ctrl+K): every table whose registry entry has a list
 * spec is searched by that spec's own search expressions (titles, names, numbers — what its list searches),
 * so a new table with a list is found without a line here. At the municipality, the roster of schools
 * comes first and each merged record names its school.
 */
import type { ServiceContext } from '../core/context.js';
import type { SearchHit } from '../../../preload/contract/types.js';
import { allTables } from '../../../db/registry/index.js';
import { getRole } from '../core/school-profile.js';
import { dayOf, rule } from '../../../db/rules.js';
import { PUPIL_CODE_QUERY } from './records.js';
import { recordTitle, ownerName } from '../core/record-words.js';

const PER_TABLE = 5;

export function searchAll(ctx: ServiceContext, query: string, limit = 40): SearchHit[] {
  const q = query.trim().toLowerCase();
  if (q.length < 2) return [];
  const like = '%' + q.replace(/[\\%_]/g, (c) => '\\' + c) + '%';
  const role = getRole(ctx);
  const hits: SearchHit[] = [];
  if (role === 'municipality') {
    const schools = ctx.raw.prepare("SELECT id, name FROM municipality_school WHERE lower_ru(name) LIKE ? ESCAPE '\\' ORDER BY name LIMIT ?").all(like, PER_TABLE * 2) as { id: string; name: string }[];
    for (const s of schools) hits.push({ table: 'municipality_school', kindTitle: 'Школа', id: s.id, title: s.name, school: null });
  }
  if (role === 'school') hits.push(...pupilByCode(ctx, q));
  for (const spec of allTables()) {
    const list = spec.list;
    if (!list || !list.search.length) continue;
    const sql = `SELECT t.* FROM ${spec.name} t ${list.joins ?? ''} WHERE t.deleted_at IS NULL AND (${list.search.map((e) => `lower_ru(${e}) LIKE @q ESCAPE '\\'`).join(' OR ')}) LIMIT ${PER_TABLE}`;
    const params: Record<string, unknown> = { q: like };
    if (sql.includes('@day')) params.day = dayOf(ctx.now());
    const rows = ctx.raw.prepare(sql).all(params) as Record<string, unknown>[];
    for (const row of rows) {
      hits.push({
        table: spec.name, kindTitle: spec.title, id: String(row.id), title: recordTitle(ctx.raw, spec.name, row),
        school: role === 'municipality' ? ownerName(ctx.raw, row.owner) : null,
      });
    }
    if (hits.length >= limit) break;
  }
  return hits.slice(0, limit);
}

/**
 * «№ 5», «обучающийся № 5» — the code the exchange's messages say instead of a name: the pupil's risk-group and
 * gifted-list records, said by the code (the name is not put in a search result for a code).
 */
function pupilByCode(ctx: ServiceContext, q: string): SearchHit[] {
  const m = PUPIL_CODE_QUERY.exec(q);
  if (!m) return [];
  const n = Number(m[1]);
  const pupil = ctx.raw.prepare(`SELECT p.id FROM pupil p WHERE ${rule.pupilNumber('p')} = ?`).pluck().get(n) as string | undefined;
  if (!pupil) return [];
  const rows = ctx.raw.prepare(`SELECT 'risk_entry' AS tbl, id FROM risk_entry WHERE pupil_id = ? AND deleted_at IS NULL
    UNION ALL SELECT 'gifted_pupil', id FROM gifted_pupil WHERE pupil_id = ? AND deleted_at IS NULL`).all(pupil, pupil) as { tbl: string; id: string }[];
  return rows.map((r) => ({ table: r.tbl, kindTitle: r.tbl === 'risk_entry' ? 'Запись группы риска' : 'Одарённый обучающийся', id: r.id, title: `обучающийся № ${n}`, school: null }));
}
