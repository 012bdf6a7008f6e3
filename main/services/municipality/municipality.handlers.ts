/**
 * municipality.*: the roster and its Excel import, partner groups, curators, the coordination group, the
 * roadmap, the summary and drill-down, charts and the requisites of справки. Only a municipality's
 * workspace reaches these: the contract says so and `dispatch` checks it before any of them runs.
 */
import { defineArea } from '../core/area-handlers.js';
import * as roster from './roster.js';
import { previewRosterImport, applyRosterImport } from './roster-import.js';
import { getRoadmap, saveRoadmap, saveRoadmapActivity, removeRoadmapActivity } from './roadmap.js';
import { municipalityDashboard, schoolDrillDown, municipalityCharts } from './overview.js';
import { getReportSettings, saveReportSettings } from './report-settings.js';
import { addCuratorComment } from '../exchange/municipal.js';
import { asBuffer } from '../core/bytes.js';
import { setGroupSchools } from './group-schools.js';

const removed = { removed: true as const };

export const municipalityHandlers = defineArea({
  'municipality.roster.list': (env) => roster.listRoster(env.ctx()),
  'municipality.roster.save': (env, input) => roster.saveRosterSchool(env.ctx(), input),
  'municipality.roster.remove': (env, input) => (roster.removeRosterSchool(env.ctx(), input.id), removed),
  'municipality.roster.importPreview': (env, input) => previewRosterImport(env.ctx(), asBuffer(input.bytes)),
  'municipality.roster.importApply': (env, input) => applyRosterImport(env.ctx(), asBuffer(input.bytes)),
  'municipality.groups.list': (env) => roster.listPartnerGroups(env.ctx()),
  'municipality.groups.save': (env, input) => roster.savePartnerGroup(env.ctx(), input),
  'municipality.groups.setSchools': (env, input) => setGroupSchools(env.ctx(), input.groupId, input.schoolIds, input.resourceCentreIds),
  'municipality.groups.remove': (env, input) => (roster.removePartnerGroup(env.ctx(), input.id), removed),
  'municipality.curators.list': (env) => roster.listCurators(env.ctx()),
  'municipality.curators.save': (env, input) => roster.saveCurator(env.ctx(), input),
  'municipality.curators.remove': (env, input) => (roster.removeCurator(env.ctx(), input.id), removed),
  'municipality.coordination.list': (env) => roster.listCoordination(env.ctx()),
  'municipality.coordination.save': (env, input) => roster.saveCoordination(env.ctx(), input),
  'municipality.coordination.remove': (env, input) => (roster.removeCoordination(env.ctx(), input.id), removed),
  'municipality.roadmap.get': (env, input) => getRoadmap(env.ctx(), input.today),
  'municipality.roadmap.save': (env, input) => saveRoadmap(env.ctx(), input),
  'municipality.roadmap.saveActivity': (env, input) => saveRoadmapActivity(env.ctx(), input),
  'municipality.roadmap.removeActivity': (env, input) => (removeRoadmapActivity(env.ctx(), input.id), removed),
  'municipality.dashboard': (env, input) => municipalityDashboard(env.ctx(), input.today),
  'municipality.school': (env, input) => schoolDrillDown(env.ctx(), input.schoolId, input.today),
  'municipality.comment': (env, input) => ({
    id: addCuratorComment(env.ctx(), { schoolId: input.schoolId, targetId: input.schoolId, targetTable: 'school', text: input.text, author: input.author }),
  }),
  'municipality.charts': (env, input) => municipalityCharts(env.ctx(), input),
  'municipality.reportSettings.get': (env) => getReportSettings(env.ctx()),
  'municipality.reportSettings.save': (env, input) => saveReportSettings(env.ctx(), input),
});
