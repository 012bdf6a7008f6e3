/**
 * The roster of the municipality's schools with their classification (seed 004), partner groups with
 * their resource centres, curators and the coordination group.
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { ServiceContext } from '../core/context.js';
import { AppError, notFound } from '../core/errors.js';
import type { RosterRow, PartnerGroupView, CuratorView, rosterSchoolInput, partnerGroupInput, curatorInput, coordinationInput } from '../../../preload/contract/municipality.js';
import { requireMunicipality } from '../core/municipality-profile.js';
import { liveRows, tombstoneRow, writeRow, type Row } from '../core/writer.js';
import { removeWithBin } from '../core/recycle-bin.js';
import { setSchoolClassification } from '../exchange/municipal.js';
import { levelShort } from '../../../common/roster-labels.js';

const ROSTER_SELECT = `SELECT s.id, s.name, s.short_name, s.status, s.enrolled_at, s.cluster, s.quality_group, s.quality_level, s.social_group,
  s.social_level, s.is_nor, s.is_nsu, s.is_pilot, s.base_site, s.partner_group_id, g.number AS partner_group_number, s.is_resource_centre,
  s.curator_id, COALESCE(NULLIF(c.full_name, ''), c.organisation) AS curator_name, s.roster_note
  FROM municipality_school s
  LEFT JOIN partner_group g ON g.id = s.partner_group_id AND g.deleted_at IS NULL
  LEFT JOIN curator c ON c.id = s.curator_id AND c.deleted_at IS NULL`;

/** Statuses of municipality_school that are not in the roster any more. */
const GONE = "('removed', 'deleted')";

export function listRoster(ctx: ServiceContext): RosterRow[] {
  return ctx.raw.prepare(`${ROSTER_SELECT} WHERE s.status NOT IN ${GONE} ORDER BY school_key(s.name), s.name`).all() as RosterRow[];
}

export function getRosterSchool(ctx: ServiceContext, id: string): RosterRow | null {
  return (ctx.raw.prepare(`${ROSTER_SELECT} WHERE s.id = ?`).get(id) as RosterRow | undefined) ?? null;
}

type RosterInput = z.output<typeof rosterSchoolInput>;
const ROSTER_COLS = ['name', 'short_name', 'cluster', 'quality_group', 'quality_level', 'social_group', 'social_level', 'is_nor', 'is_nsu', 'is_pilot',
  'base_site', 'partner_group_id', 'is_resource_centre', 'curator_id', 'roster_note'] as const;

/**
 * Saves a school's classification; without an id adds a school to the roster (status «listed»: known to the
 * municipality, not yet enrolled). Enrollment (issue 4) keeps the row and its id.
 */
export function saveRosterSchool(ctx: ServiceContext, input: RosterInput): RosterRow {
  requireMunicipality(ctx);
  return ctx.raw.transaction(() => {
    if (input.partner_group_id && !ctx.raw.prepare('SELECT 1 FROM partner_group WHERE id = ? AND deleted_at IS NULL').get(input.partner_group_id)) {
      throw new AppError('bad_reference', 'Партнёрская группа не найдена или удалена.', { partner_group_id: 'Группа не найдена' });
    }
    if (input.curator_id && !ctx.raw.prepare('SELECT 1 FROM curator WHERE id = ? AND deleted_at IS NULL').get(input.curator_id)) {
      throw new AppError('bad_reference', 'Куратор не найден или удалён.', { curator_id: 'Куратор не найден' });
    }
    const dup = ctx.raw.prepare(`SELECT id FROM municipality_school WHERE lower_ru(name) = lower_ru(?) AND id <> ? AND status NOT IN ${GONE}`).get(input.name, input.id ?? '');
    if (dup) throw new AppError('duplicate', `Школа «${input.name}» уже есть в реестре.`, { name: 'Уже есть в реестре' });
    const now = ctx.now().toISOString();
    const values: Record<string, unknown> = { roster_updated_at: now };
    for (const c of ROSTER_COLS) values[c] = input[c];
    let id = input.id;
    if (id) {
      if (!ctx.raw.prepare('SELECT 1 FROM municipality_school WHERE id = ?').get(id)) throw notFound('Школа');
      ctx.raw.prepare(`UPDATE municipality_school SET ${Object.keys(values).map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`).run({ ...values, id });
    } else {
      id = randomUUID();
      const all = { id, status: 'listed', created_at: now, ...values };
      ctx.raw.prepare(`INSERT INTO municipality_school (${Object.keys(all).join(', ')}) VALUES (${Object.keys(all).map((c) => '@' + c).join(', ')})`).run(all);
    }
    const row = getRosterSchool(ctx, id)!;
    sendClassificationDown(ctx, id);
    return row;
  })();
}

/**
 * The part of the roster a school sees travels down in school_classification (issue 4's synced table):
 * written here on every roster save so the next bundle for the school carries it.
 */
export function sendClassificationDown(ctx: ServiceContext, schoolId: string): void {
  const r = ctx.raw.prepare(`SELECT s.cluster, s.quality_group, s.quality_level, g.number AS group_number, g.title AS group_title, g.territory AS group_territory, s.is_resource_centre,
      COALESCE(NULLIF(c.full_name, ''), c.organisation) AS curator_name, c.position AS curator_position
    FROM municipality_school s
    LEFT JOIN partner_group g ON g.id = s.partner_group_id AND g.deleted_at IS NULL
    LEFT JOIN curator c ON c.id = s.curator_id AND c.deleted_at IS NULL
    WHERE s.id = ?`).get(schoolId) as Record<string, string | number | null> | undefined;
  if (!r) return;
  const group = r.group_number == null ? '' : `${r.group_title || `${r.group_number} группа`}${r.group_territory ? ` (${r.group_territory})` : ''}${r.is_resource_centre ? ', ресурсный центр' : ''}`;
  setSchoolClassification(ctx, schoolId, {
    cluster: r.cluster == null ? '' : String(r.cluster),
    quality_group: r.quality_group == null || r.quality_group === '' ? '' : `${r.quality_group}${r.quality_level ? ` (${levelShort(String(r.quality_level))})` : ''}`,
    partner_group: group,
    curator: r.curator_name ? `${r.curator_name}${r.curator_position ? `, ${r.curator_position}` : ''}` : '',
  });
}

/** Takes a school that never enrolled off the roster; enrolled schools are left to the exchange. */
export function removeRosterSchool(ctx: ServiceContext, id: string): void {
  requireMunicipality(ctx);
  const row = getRosterSchool(ctx, id);
  if (!row) throw notFound('Школа');
  if (row.status !== 'listed') throw new AppError('enrolled', 'Школа подключена к обмену данными; исключить её можно в разделе «Обмен данными».');
  ctx.raw.prepare('DELETE FROM municipality_school WHERE id = ?').run(id);
}

// ───── partner groups, curators, coordination group ─────

export function listPartnerGroups(ctx: ServiceContext): PartnerGroupView[] {
  const groups = liveRows(ctx, 'partner_group', 'number, created_at');
  const schools = ctx.raw.prepare(`SELECT id, name, is_resource_centre, partner_group_id FROM municipality_school WHERE partner_group_id IS NOT NULL AND status NOT IN ${GONE}
    ORDER BY is_resource_centre DESC, school_key(name), name`).all() as { id: string; name: string; is_resource_centre: number; partner_group_id: string }[];
  return groups.map((g) => ({
    id: g.id, number: Number(g.number), title: String(g.title ?? ''), territory: String(g.territory ?? ''), note: String(g.note ?? ''),
    schools: schools.filter((s) => s.partner_group_id === g.id).map(({ partner_group_id: _p, ...s }) => s),
  }));
}

export function savePartnerGroup(ctx: ServiceContext, input: z.output<typeof partnerGroupInput>): Row {
  requireMunicipality(ctx);
  const dup = ctx.raw.prepare('SELECT id FROM partner_group WHERE number = ? AND id <> ? AND deleted_at IS NULL').get(input.number, input.id ?? '');
  if (dup) throw new AppError('duplicate', `Группа № ${input.number} уже есть.`, { number: 'Номер занят' });
  return writeRow(ctx, 'partner_group', { ...input, title: input.title || `${input.number} группа` });
}

export function removePartnerGroup(ctx: ServiceContext, id: string): void {
  requireMunicipality(ctx);
  ctx.raw.transaction(() => {
    removeWithBin(ctx, [['partner_group', id]]);
    ctx.raw.prepare('UPDATE municipality_school SET partner_group_id = NULL, is_resource_centre = 0 WHERE partner_group_id = ?').run(id);
  })();
}

export function listCurators(ctx: ServiceContext): CuratorView[] {
  return ctx.raw.prepare(`SELECT c.*, (SELECT COUNT(*) FROM municipality_school s WHERE s.curator_id = c.id AND s.status NOT IN ${GONE}) AS schools
    FROM curator c WHERE c.deleted_at IS NULL ORDER BY COALESCE(NULLIF(c.full_name, ''), c.organisation) COLLATE NOCASE`).all() as CuratorView[];
}

export function saveCurator(ctx: ServiceContext, input: z.output<typeof curatorInput>): Row {
  requireMunicipality(ctx);
  return writeRow(ctx, 'curator', input);
}

export function removeCurator(ctx: ServiceContext, id: string): void {
  requireMunicipality(ctx);
  ctx.raw.transaction(() => {
    removeWithBin(ctx, [['curator', id]]);
    ctx.raw.prepare('UPDATE municipality_school SET curator_id = NULL WHERE curator_id = ?').run(id);
  })();
}

export function listCoordination(ctx: ServiceContext): Row[] {
  return liveRows(ctx, 'coordination_member', "CASE role WHEN 'head' THEN 0 WHEN 'deputy' THEN 1 WHEN 'secretary' THEN 2 ELSE 3 END, position_no, full_name");
}

export function saveCoordination(ctx: ServiceContext, input: z.output<typeof coordinationInput>): Row {
  requireMunicipality(ctx);
  return writeRow(ctx, 'coordination_member', input);
}

export function removeCoordination(ctx: ServiceContext, id: string): void {
  requireMunicipality(ctx);
  removeWithBin(ctx, [['coordination_member', id]]);
}
