/**
 * What the municipality's reports take from its document register and groups (issue 10): the roadmap справка
 * its conclusions, addressees, number and date from a справка about the roadmap in the register; the
 * schools-by-group справка the groups in force on the day. Without such records the reports print as before.
 */
import type { ServiceContext } from '../core/context.js';
import type { RoadmapOptions } from './municipality.js';
import type { MeetingGroup } from './documents/model.js';
import { listGroups } from '../municipality/groups.js';
import { currentRoadmap } from '../municipality/roadmap.js';
import { lines } from '../municipality/documents.js';
import { meetingGroupOf } from './documents/groups.js';

/**
 * The register's справка about the current roadmap: a registered one (number and date) before a draft, the
 * latest of each. Its `closing` text is the conclusions paragraph.
 */
export function roadmapOptionsFromRegister(ctx: ServiceContext): RoadmapOptions {
  const rm = currentRoadmap(ctx);
  if (!rm) return {};
  const d = ctx.raw.prepare(`SELECT number, doc_date, addressees, closing FROM mun_document
    WHERE deleted_at IS NULL AND kind = 'spravka' AND roadmap_id = ?
    ORDER BY (number <> '' AND doc_date IS NOT NULL) DESC, doc_date DESC, created_at DESC LIMIT 1`).get(rm.id) as
    { number: string; doc_date: string | null; addressees: string; closing: string } | undefined;
  if (!d) return {};
  return { conclusions: d.closing, addressees: lines(d.addressees), number: d.number, date: d.doc_date };
}

/** Groups whose period has not ended on @today (a group without an end date is in force). */
export function groupsInForce(ctx: ServiceContext, today: string): MeetingGroup[] {
  const roster = new Map((ctx.raw.prepare("SELECT id, COALESCE(NULLIF(short_name, ''), name) AS name FROM municipality_school").all() as { id: string; name: string }[]).map((r) => [r.id, r.name]));
  return listGroups(ctx)
    .filter((g) => !g.date_to || g.date_to >= today)
    .map((g) => meetingGroupOf(g, (id) => roster.get(id) ?? 'школа удалена из реестра'));
}
