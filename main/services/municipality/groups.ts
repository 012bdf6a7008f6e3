/**
 * Groups of people the municipality forms — рабочая группа, координационная группа, РМО, творческая группа —
 * each created by an event or a приказ, with its members (a school of the roster or any other organisation)
 * and its leader. Saved with the member list as one record, as the person edits it.
 */
import type { z } from 'zod';
import type { ServiceContext } from '../core/context.js';
import { removeWithBin } from '../core/recycle-bin.js';
import type { RemoveResult } from '../../../preload/contract/index.js';
import type { GroupView, groupSaveInput } from '../../../preload/contract/meetings.js';
import { requireMunicipality } from '../core/municipality-profile.js';
import { liveRow, writeRow, type Row } from '../core/writer.js';
import { notFound } from '../core/errors.js';
import { syncChildren } from '../core/children.js';
import { GROUP_KINDS } from '../../../db/registry/meetings.js';
import { followGroupMembers, groupSchoolIds } from './assignments.js';

export function listGroups(ctx: ServiceContext, filter: { eventId?: string } = {}): GroupView[] {
  const groups = ctx.raw.prepare(`SELECT g.*, e.topic AS event_topic FROM mun_group g LEFT JOIN mun_event e ON e.id = g.event_id AND e.deleted_at IS NULL
    WHERE g.deleted_at IS NULL${filter.eventId ? ' AND g.event_id = @event' : ''} ORDER BY g.title, g.created_at`).all({ event: filter.eventId }) as Row[];
  const members = ctx.raw.prepare('SELECT * FROM mun_group_member WHERE group_id = ? AND deleted_at IS NULL ORDER BY leader DESC, position_no, surname, created_at');
  return groups.map((g) => ({
    id: g.id, kind: (String(g.kind) in GROUP_KINDS ? g.kind : 'other') as GroupView['kind'], title: String(g.title),
    event_id: (g.event_id as string | null) ?? null, document_id: (g.document_id as string | null) ?? null,
    date_from: (g.date_from as string | null) ?? null, date_to: (g.date_to as string | null) ?? null, note: String(g.note),
    members: members.all(g.id) as GroupView['members'], event_topic: (g.event_topic as string | null) ?? null,
  }));
}

export function saveGroup(ctx: ServiceContext, input: z.output<typeof groupSaveInput>): GroupView {
  requireMunicipality(ctx);
  const id = ctx.raw.transaction(() => {
    if (input.group.event_id && !liveRow(ctx, 'mun_event', input.group.event_id)) throw notFound('Мероприятие');
    if (input.group.document_id && !liveRow(ctx, 'mun_document', input.group.document_id)) throw notFound('Документ');
    const before = input.group.id ? groupSchoolIds(ctx, input.group.id) : [];
    const row = writeRow(ctx, 'mun_group', input.group);
    syncChildren(ctx, 'mun_group_member', 'group_id', row.id, input.members.map((m, i) => ({ ...m, position_no: m.position_no || i + 1 })));
    followGroupMembers(ctx, row.id, before);
    return row.id;
  })();
  return listGroups(ctx).find((g) => g.id === id)!;
}

export function removeGroup(ctx: ServiceContext, id: string): RemoveResult {
  requireMunicipality(ctx);
  // To the recycle bin with what the registry's cascade takes, so «Отменить» and «Корзина» bring it back.
  return removeWithBin(ctx, [['mun_group', id]]);
}
