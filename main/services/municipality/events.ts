/**
 * The municipality's event journal: совещания, видеоконференции, семинары, методические дни … with the schools
 * invited (and whether each took part), other participants by name, the agenda, numbered conclusions (each for
 * every participant or for the schools it names) and proposals to parties. A meeting is saved whole, as the
 * methodologist edits it; what goes down to schools follows from the registry's audience.
 */
import type { z } from 'zod';
import type { ServiceContext } from '../core/context.js';
import { removeWithBin } from '../core/recycle-bin.js';
import type { RemoveResult } from '../../../preload/contract/index.js';
import type { EventCard, EventListRow, eventSaveInput, eventListInput } from '../../../preload/contract/meetings.js';
import { requireMunicipality } from '../core/municipality-profile.js';
import { liveRow, tombstoneRow, writeRow, type Row } from '../core/writer.js';
import { AppError, notFound } from '../core/errors.js';
import { schoolLinks, syncChildren, syncSchoolLinks } from '../core/children.js';
import { listAssignments } from './assignments.js';
import { listGroups } from './groups.js';
import { dayOf } from '../../../db/rules.js';
import { PARTICIPATION } from '../../../db/registry/meetings.js';

export function listEvents(ctx: ServiceContext, f: z.output<typeof eventListInput>): EventListRow[] {
  const search = f.search.trim().toLowerCase();
  const rows = ctx.raw.prepare(`SELECT e.id, e.kind, e.level, e.format, e.date_from, e.date_to, e.topic, e.organiser, e.organiser_body,
      (SELECT COUNT(*) FROM mun_event_school s WHERE s.event_id = e.id AND s.deleted_at IS NULL) AS invited,
      (SELECT COUNT(*) FROM mun_event_school s WHERE s.event_id = e.id AND s.deleted_at IS NULL AND s.status = 'present') AS present,
      (SELECT COUNT(*) FROM mun_event_school s WHERE s.event_id = e.id AND s.deleted_at IS NULL AND s.status = 'absent') AS absent,
      (SELECT COUNT(*) FROM mun_conclusion c WHERE c.event_id = e.id AND c.deleted_at IS NULL) AS conclusions,
      (SELECT COUNT(*) FROM mun_assignment a WHERE a.event_id = e.id AND a.deleted_at IS NULL) AS assignments,
      (SELECT COUNT(*) FROM mun_event_attachment f WHERE f.event_id = e.id AND f.deleted_at IS NULL) AS files,
      (SELECT group_concat(x.text, ' ') FROM (SELECT text FROM mun_conclusion c WHERE c.event_id = e.id AND c.deleted_at IS NULL
        UNION ALL SELECT title FROM mun_agenda_item i WHERE i.event_id = e.id AND i.deleted_at IS NULL) x) AS body
    FROM mun_event e WHERE e.deleted_at IS NULL
      AND (@kind IS NULL OR e.kind = @kind) AND (@from IS NULL OR COALESCE(e.date_to, e.date_from) >= @from) AND (@to IS NULL OR e.date_from <= @to)
    ORDER BY e.date_from DESC, e.created_at DESC`).all({ kind: f.kind, from: f.from, to: f.to }) as (EventListRow & { body: string | null })[];
  const overdue = new Map<string, number>();
  for (const a of listAssignments(ctx)) if (a.event_id) overdue.set(a.event_id, (overdue.get(a.event_id) ?? 0) + a.overdue);
  // Search in memory: lower() in SQLite folds only Latin letters, and a journal holds a few hundred meetings.
  return rows
    .filter((r) => !search || `${r.topic} ${r.organiser} ${r.body ?? ''}`.toLowerCase().includes(search))
    .map(({ body: _b, ...r }) => ({ ...r, overdue: overdue.get(r.id) ?? 0 }));
}

export function getEvent(ctx: ServiceContext, id: string, day?: string): EventCard {
  const event = liveRow(ctx, 'mun_event', id);
  if (!event) throw notFound('Мероприятие');
  const rows = (table: string, order: string) => ctx.raw.prepare(`SELECT * FROM ${table} WHERE event_id = ? AND deleted_at IS NULL ORDER BY ${order}`).all(id) as Row[];
  const schools = ctx.raw.prepare(`SELECT p.id, p.school_id, COALESCE(NULLIF(s.short_name, ''), s.name, 'Школа удалена из реестра') AS name, p.status, p.note
    FROM mun_event_school p LEFT JOIN municipality_school s ON s.id = p.school_id WHERE p.event_id = ? AND p.deleted_at IS NULL ORDER BY school_key(COALESCE(NULLIF(s.short_name, ''), s.name))`).all(id) as EventCard['schools'];
  const conclusionLinks = schoolLinks(ctx, 'mun_conclusion_school', 'conclusion_id');
  const proposalLinks = schoolLinks(ctx, 'mun_proposal_school', 'proposal_id');
  return {
    event,
    schools: schools.map((s) => ({ ...s, status: s.status in PARTICIPATION ? s.status : 'invited' })),
    persons: rows('mun_event_person', 'surname, created_at'),
    agenda: rows('mun_agenda_item', 'position_no, created_at'),
    conclusions: rows('mun_conclusion', 'position_no, created_at').map((item) => ({ item, school_ids: conclusionLinks.get(item.id) ?? [] })),
    proposals: rows('mun_proposal', 'position_no, created_at').map((item) => ({ item, school_ids: proposalLinks.get(item.id) ?? [] })),
    groups: listGroups(ctx, { eventId: id }),
    assignments: listAssignments(ctx, { eventId: id, day: day ?? dayOf(ctx.now()) }),
    documents: ctx.raw.prepare('SELECT id, kind, number, doc_date, title FROM mun_document WHERE event_id = ? AND deleted_at IS NULL ORDER BY doc_date, created_at').all(id) as EventCard['documents'],
  };
}

export function saveEvent(ctx: ServiceContext, input: z.output<typeof eventSaveInput>): EventCard {
  requireMunicipality(ctx);
  const id = ctx.raw.transaction(() => {
    const known = ctx.raw.prepare('SELECT 1 FROM municipality_school WHERE id = ?');
    const allSchools = [...input.schools.map((s) => s.school_id), ...input.conclusions.flatMap((c) => c.school_ids), ...input.proposals.flatMap((p) => p.school_ids)];
    for (const s of allSchools) if (!known.get(s)) throw new AppError('not_found', 'Одна из выбранных школ удалена из реестра. Обновите экран и выберите школы заново.');
    const participants = new Set(input.schools.map((s) => s.school_id));
    for (const c of input.conclusions) {
      if (!c.item.all_participants && !c.school_ids.length) {
        throw new AppError('invalid_input', `Вывод № ${c.item.position_no || input.conclusions.indexOf(c) + 1}: выберите школы, которых он касается, или отметьте «Касается всех участников».`);
      }
      // A conclusion reaches a school through the event: one naming a school not on the list would reach nobody.
      if (c.school_ids.some((s) => !participants.has(s))) {
        throw new AppError('invalid_input', `Вывод № ${c.item.position_no || input.conclusions.indexOf(c) + 1} называет школу, которой нет среди участников. Добавьте её в участники или уберите из вывода.`);
      }
    }
    if (input.event.roadmap_activity_id && !liveRow(ctx, 'municipal_activity', input.event.roadmap_activity_id)) throw notFound('Мероприятие дорожной карты');
    const event = writeRow(ctx, 'mun_event', input.event);
    const existing = new Map((ctx.raw.prepare('SELECT id, school_id FROM mun_event_school WHERE event_id = ? AND deleted_at IS NULL').all(event.id) as { id: string; school_id: string }[]).map((r) => [r.school_id, r.id]));
    for (const [school, rowId] of existing) if (!participants.has(school)) tombstoneRow(ctx, 'mun_event_school', rowId);
    for (const s of input.schools) writeRow(ctx, 'mun_event_school', { event_id: event.id, ...s }, { id: existing.get(s.school_id) });
    syncChildren(ctx, 'mun_event_person', 'event_id', event.id, input.persons);
    syncChildren(ctx, 'mun_agenda_item', 'event_id', event.id, numbered(input.agenda));
    const conclusions = syncChildren(ctx, 'mun_conclusion', 'event_id', event.id, numbered(input.conclusions.map((c) => c.item)));
    conclusions.forEach((row, i) => syncSchoolLinks(ctx, 'mun_conclusion_school', 'conclusion_id', row.id, row.all_participants ? [] : input.conclusions[i]!.school_ids));
    const proposals = syncChildren(ctx, 'mun_proposal', 'event_id', event.id, numbered(input.proposals.map((p) => p.item)));
    proposals.forEach((row, i) => syncSchoolLinks(ctx, 'mun_proposal_school', 'proposal_id', row.id, row.addressee === 'some_schools' ? input.proposals[i]!.school_ids : []));
    return event.id;
  })();
  return getEvent(ctx, id);
}

/** Items numbered in the order given where the user left the number empty. */
function numbered<T extends { position_no?: number | null }>(items: T[]): T[] {
  return items.map((it, i) => ({ ...it, position_no: it.position_no || i + 1 }));
}

export function removeEvent(ctx: ServiceContext, id: string): RemoveResult {
  requireMunicipality(ctx);
  // To the recycle bin with what the registry's cascade takes, so «Отменить» and «Корзина» bring it back.
  return removeWithBin(ctx, [['mun_event', id]]);
}
