/** municipality.events/workGroups/assignments/documents.*: the municipality's own work (issue 10). */
import { defineArea } from '../core/area-handlers.js';
import { listEvents, getEvent, saveEvent, removeEvent } from './events.js';
import { listGroups, saveGroup, removeGroup } from './groups.js';
import { listAssignments, saveAssignment, removeAssignment, markMember } from './assignments.js';
import * as documents from './documents.js';

export const meetingsHandlers = defineArea({
  'municipality.events.list': (env, input) => listEvents(env.ctx(), input),
  'municipality.events.get': (env, input) => getEvent(env.ctx(), input.id),
  'municipality.events.save': (env, input) => saveEvent(env.ctx(), input),
  'municipality.events.remove': (env, input) => removeEvent(env.ctx(), input.id),
  'municipality.workGroups.list': (env, input) => listGroups(env.ctx(), input),
  'municipality.workGroups.save': (env, input) => saveGroup(env.ctx(), input),
  'municipality.workGroups.remove': (env, input) => removeGroup(env.ctx(), input.id),
  'municipality.assignments.list': (env, input) => listAssignments(env.ctx(), input),
  'municipality.assignments.save': (env, input) => saveAssignment(env.ctx(), input),
  'municipality.assignments.remove': (env, input) => removeAssignment(env.ctx(), input.id),
  'municipality.assignments.markMember': (env, input) => markMember(env.ctx(), input),
  'municipality.documents.list': (env) => documents.listDocuments(env.ctx()),
  'municipality.documents.get': (env, input) => documents.getDocument(env.ctx(), input.id),
  'municipality.documents.save': (env, input) => documents.saveDocument(env.ctx(), input),
  'municipality.documents.remove': (env, input) => documents.removeDocument(env.ctx(), input.id),
  'municipality.documents.blank': (env, input) => documents.blankDocument(env.ctx(), input.kind, input),
  'municipality.documents.fromEvent': (env, input) => documents.draftFromEvent(env.ctx(), input.eventId),
  'municipality.documents.order': (env, input) => documents.draftOrder(env.ctx(), input.approvesId),
  'municipality.documents.fromRoadmap': (env) => documents.draftFromRoadmap(env.ctx()),

});
