/**
 * A group of the municipality's register (listGroups) as the printed documents show it: the meeting справка
 * lists the groups its event created, the schools-by-group справка every current group. One mapping for both.
 */
import type { GroupView } from '../../../../preload/contract/meetings.js';
import { nameFrom } from '../../municipality/documents.js';
import { GROUP_KINDS } from '../../../../db/registry/meetings.js';
import type { MeetingGroup } from './model.js';

/** @schoolName names a member's school of the roster when the member's organisation is left empty. */
export function meetingGroupOf(g: GroupView, schoolName: (id: string) => string): MeetingGroup {
  return {
    title: g.title, kindLabel: GROUP_KINDS[g.kind], period: { from: g.date_from, to: g.date_to },
    members: g.members.map((m) => ({
      name: nameFrom(m, ''), text: m.surname, position: m.position, organisation: m.organisation || (m.school_id ? schoolName(m.school_id) : ''), role: m.role_note, leader: m.leader === 1,
    })),
  };
}
