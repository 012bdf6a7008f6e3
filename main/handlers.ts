/**
 * The map from contract names to service functions, and the one place where input is validated and
 * errors become values. The Electron shell, the browser host and the tests all call `dispatch`.
 */
import { z } from 'zod';
import { contract, type CallName, type CallParsed, type CallOutput, type CallResult, type WorkspaceState } from '../preload/contract/index.js';
import { AppError } from './services/errors.js';
import { zodToAppError } from './services/validation.js';
import type { Workspace } from './workspace.js';
import { listRecords, saveRecord, removeRecord, getRecord } from './services/records.js';
import { createSchool, getRole, getSchoolProfile, updateSchoolProfile } from './services/school.js';
import { includePupil, changeStatus, riskGroupSummary } from './services/risk-group.js';
import { includeGifted } from './services/gifted.js';
import { addAttachment, readAttachment, listAttachments, removeFilesOfDeleted } from './services/attachments.js';
import { schoolDashboard } from './services/dashboard.js';
import { generateDemo } from './services/demo.js';
import { NewerSchemaError, NotADatabaseError } from '../db/open.js';
// reports and municipality
import * as roster from './services/municipality/roster.js';
import { previewRosterImport, applyRosterImport, rosterTable } from './services/municipality/roster-import.js';
import { getRoadmap, saveRoadmap, saveRoadmapActivity, removeRoadmapActivity } from './services/municipality/roadmap.js';
import { municipalityDashboard, schoolDrillDown, municipalityCharts } from './services/municipality/overview.js';
import { getReportSettings, saveReportSettings } from './services/reports/municipality.js';
import { startReportJob, reportProgress, reportResult } from './services/reports/jobs.js';
import { tableToXlsx, MIME } from './services/reports/index.js';
import { renderXlsx } from './services/reports/xlsx.js';
import { addCuratorComment } from './services/exchange/municipal.js';
import { fromMunicipality, markFromMunicipality } from './services/from-municipality.js';
import { requireMunicipality as requireMunicipalityRole } from './services/municipality-core.js';

// exchange
import * as exchange from './services/exchange/index.js';
import { initMunicipality, municipalityInfo } from './services/municipality-core.js';

z.config(z.locales.ru());

type Handler<K extends CallName> = (ws: Workspace, input: CallParsed<K>) => Promise<CallOutput<K>> | CallOutput<K>;
export type Handlers = { [K in CallName]: Handler<K> };

function state(ws: Workspace): WorkspaceState {
  const ctx = ws.ctx();
  const role = getRole(ctx);
  // A municipality's file holds merged school profiles too; its own name is what the header shows.
  return {
    role, demo: ws.kind === 'demo', dataPath: ws.dbPath(ws.kind),
    school: role === 'school' ? getSchoolProfile(ctx) : null,
    municipalityName: municipalityInfo(ctx)?.name ?? null,
  };
}

// exchange helpers
function xctx(ws: Workspace): exchange.ExchangeContext {
  return { ...ws.ctx(), secretBox: ws.secretBox };
}

function enrollmentFile(f: exchange.EnrollmentFile) {
  return { schoolId: f.schoolId, fileName: f.fileName, dataBase64: f.bytes.toString('base64'), size: f.bytes.length, recipientName: f.schoolName, sequence: 0, encrypted: false };
}

function exchangeState(ws: Workspace) {
  const ctx = xctx(ws);
  const role = getRole(ctx);
  const id = exchange.publicIdentity(ctx);
  const last = ctx.raw.prepare('SELECT at, path, seq FROM exchange_export ORDER BY id DESC LIMIT 1').get() as { at: string; path: string; seq: number } | undefined;
  return {
    role,
    fingerprintDisplay: id ? exchange.displayFingerprint(id.fingerprint) : null,
    enrollment: role === 'school' ? exchange.enrollmentState(ctx) : null,
    municipality: municipalityInfo(ctx),
    quarantine: exchange.listQuarantine(ctx).length,
    conflicts: exchange.conflictCount(ctx),
    folderDialog: !!ws.pickFolder,
    lastExport: last ?? null,
  };
}

export const handlers: Handlers = {
  'workspace.state': (ws) => state(ws),
  'workspace.createSchool': async (ws, input) => {
    if (ws.kind === 'demo') await ws.switchTo('main');
    createSchool(ws.ctx(), input);
    return state(ws);
  },
  'workspace.openDemo': async (ws, input) => {
    const ctx = await ws.switchTo('demo', { fresh: true });
    generateDemo(ctx, { size: input.size, seed: 1 });
    return state(ws);
  },
  'workspace.leaveDemo': async (ws) => {
    await ws.switchTo('main');
    return state(ws);
  },

  'records.list': (ws, input) => listRecords(ws.ctx(), input),
  'records.get': (ws, input) => getRecord(ws.ctx(), input.entity, input.id),
  'records.save': (ws, input) =>
    input.entity === 'school_profile' ? updateSchoolProfile(ws.ctx(), input.value as never) : saveRecord(ws.ctx(), input.entity, input.value),
  'records.remove': (ws, input) => {
    if (input.entity === 'school_profile') throw new AppError('forbidden', 'Профиль школы удалить нельзя.');
    const removed = removeRecord(ws.ctx(), input.entity, input.id);
    if (input.entity === 'event') removeFilesOfDeleted(ws.ctx(), input.id);
    return { removed };
  },

  'riskGroup.include': (ws, input) => includePupil(ws.ctx(), input.pupil, input.entry),
  'riskGroup.changeStatus': (ws, input) => changeStatus(ws.ctx(), input),
  'riskGroup.summary': (ws) => riskGroupSummary(ws.ctx()),
  'gifted.include': (ws, input) => includeGifted(ws.ctx(), input.pupil, input.gifted),

  'attachments.add': (ws, input) => addAttachment(ws.ctx(), input),
  'attachments.read': (ws, input) => readAttachment(ws.ctx(), input.id),
  'attachments.list': (ws, input) => listAttachments(ws.ctx(), input.eventId),
  'attachments.remove': (ws, input) => {
    const removed = removeRecord(ws.ctx(), 'attachment', input.id);
    removeFilesOfDeleted(ws.ctx(), input.id);
    return { removed };
  },

  'dashboard.school': (ws, input) => schoolDashboard(ws.ctx(), input.today),

  // reports and municipality
  'municipality.roster.list': (ws) => roster.listRoster(ws.ctx()),
  'municipality.roster.save': (ws, input) => roster.saveRosterSchool(ws.ctx(), input),
  'municipality.roster.remove': (ws, input) => (roster.removeRosterSchool(ws.ctx(), input.id), { removed: true as const }),
  'municipality.roster.importPreview': (ws, input) => previewRosterImport(ws.ctx(), Buffer.from(input.dataBase64, 'base64')),
  'municipality.roster.importApply': (ws, input) => applyRosterImport(ws.ctx(), Buffer.from(input.dataBase64, 'base64')),
  'municipality.roster.xlsx': async (ws) => {
    requireMunicipalityRole(ws.ctx());
    const data = await renderXlsx([rosterTable(roster.listRoster(ws.ctx()))], 'Реестр школ');
    return { fileName: 'Реестр_школ.xlsx', mime: MIME.xlsx, dataBase64: data.toString('base64') };
  },
  'municipality.groups.list': (ws) => roster.listPartnerGroups(ws.ctx()),
  'municipality.groups.save': (ws, input) => roster.savePartnerGroup(ws.ctx(), input),
  'municipality.groups.remove': (ws, input) => (roster.removePartnerGroup(ws.ctx(), input.id), { removed: true as const }),
  'municipality.curators.list': (ws) => roster.listCurators(ws.ctx()),
  'municipality.curators.save': (ws, input) => roster.saveCurator(ws.ctx(), input),
  'municipality.curators.remove': (ws, input) => (roster.removeCurator(ws.ctx(), input.id), { removed: true as const }),
  'municipality.coordination.list': (ws) => roster.listCoordination(ws.ctx()),
  'municipality.coordination.save': (ws, input) => roster.saveCoordination(ws.ctx(), input),
  'municipality.coordination.remove': (ws, input) => (roster.removeCoordination(ws.ctx(), input.id), { removed: true as const }),
  'municipality.roadmap.get': (ws, input) => getRoadmap(ws.ctx(), input.today),
  'municipality.roadmap.save': (ws, input) => saveRoadmap(ws.ctx(), input),
  'municipality.roadmap.saveActivity': (ws, input) => saveRoadmapActivity(ws.ctx(), input),
  'municipality.roadmap.removeActivity': (ws, input) => (removeRoadmapActivity(ws.ctx(), input.id), { removed: true as const }),
  'municipality.dashboard': (ws, input) => (requireMunicipalityRole(ws.ctx()), municipalityDashboard(ws.ctx(), input.today)),
  'municipality.school': (ws, input) => (requireMunicipalityRole(ws.ctx()), schoolDrillDown(ws.ctx(), input.schoolId, input.today)),
  'municipality.comment': (ws, input) => ({ id: addCuratorComment(ws.ctx(), { schoolId: input.schoolId, targetId: input.schoolId, targetTable: 'school', text: input.text, author: input.author }) }),
  'municipality.charts': (ws, input) => (requireMunicipalityRole(ws.ctx()), municipalityCharts(ws.ctx(), input)),
  'municipality.reportSettings.get': (ws) => getReportSettings(ws.ctx()),
  'municipality.reportSettings.save': (ws, input) => (requireMunicipalityRole(ws.ctx()), saveReportSettings(ws.ctx(), input)),
  'reports.start': (ws, input) => startReportJob(ws.ctx(), input),
  'reports.progress': (_ws, input) => reportProgress(input.jobId),
  'reports.result': (_ws, input) => reportResult(input.jobId),
  'reports.tableXlsx': async (_ws, input) => {
    const f = await tableToXlsx(input);
    return { fileName: f.fileName, mime: f.mime, dataBase64: f.data.toString('base64') };
  },

  // exchange: bundles between a school and its municipality (main/services/exchange)
  'fromMunicipality.get': (ws) => fromMunicipality(ws.ctx()),
  'fromMunicipality.mark': (ws, input) => markFromMunicipality(ws.ctx(), input),

  'exchange.state': (ws) => exchangeState(ws),
  'exchange.initMunicipality': async (ws, input) => {
    if (ws.kind === 'demo') await ws.switchTo('main');
    initMunicipality(ws.ctx(), input.name);
    exchange.ensureIdentity(xctx(ws));
    return state(ws);
  },
  'exchange.previewEnrollment': (ws, input) => {
    void ws;
    const { secret: _s, signKey: _k, encryptKey: _e, ...info } = exchange.readEnrollment(Buffer.from(input.dataBase64, 'base64'));
    return info;
  },
  'exchange.openEnrollment': async (ws, input) => {
    if (ws.kind === 'demo') await ws.switchTo('main');
    const r = exchange.openEnrollment(xctx(ws), Buffer.from(input.dataBase64, 'base64'), input.schoolName ? { name: input.schoolName } : undefined);
    return { state: state(ws), enrollment: r.enrollment };
  },
  'exchange.import': (ws, input) => exchange.importBundle(xctx(ws), { fileName: input.fileName, bytes: Buffer.from(input.dataBase64, 'base64'), dryRun: input.dryRun }),
  'exchange.exportToFolder': async (ws, input) => {
    if (!ws.pickFolder) throw new AppError('no_dialog', 'Выбор папки доступен в приложении «Опора»; в браузере файлы скачиваются.');
    const folder = await ws.pickFolder();
    if (!folder) return { cancelled: true, written: [] };
    const written = exchange.exportToFolder(xctx(ws), folder, { forSchool: input.forSchool });
    return { cancelled: false, written: written.map((w) => ({ path: w.path, size: w.size, recipientName: w.recipientName, sequence: w.sequence, encrypted: w.encrypted })) };
  },
  'exchange.exportDownload': (ws, input) =>
    exchange.exportForDownload(xctx(ws), { forSchool: input.forSchool }).map((b) => ({
      fileName: b.fileName, dataBase64: b.bytes.toString('base64'), size: b.bytes.length, recipientName: b.recipientName, sequence: b.sequence, encrypted: b.encrypted,
    })),
  'exchange.history': (ws) => exchange.importHistory(xctx(ws)),
  'exchange.quarantine': (ws) => exchange.listQuarantine(xctx(ws)),
  'exchange.quarantineDecide': (ws, input) => {
    if (input.accept) return exchange.acceptQuarantined(xctx(ws), input.id);
    exchange.refuseQuarantined(xctx(ws), input.id);
    return { refused: true as const };
  },
  'exchange.conflicts': (ws) => exchange.listConflicts(xctx(ws)),
  'exchange.resolveConflict': (ws, input) => {
    exchange.resolveConflict(xctx(ws), input.table, input.id, input.keepHlc);
    return { resolved: true as const };
  },
  'exchange.schools': (ws) => exchange.rosterView(xctx(ws)),
  'exchange.enrollSchool': (ws, input) => enrollmentFile(exchange.enrollSchool(xctx(ws), input.name)),
  'exchange.reissueEnrollment': (ws, input) => enrollmentFile(exchange.reissueEnrollment(xctx(ws), input.schoolId)),
};

/** Top-level call inputs refuse unknown keys: a renderer that sends more than the contract says is wrong. */
const strictInputs = new Map<string, z.ZodType>(
  Object.entries(contract).map(([name, def]) => [name, def.input instanceof z.ZodObject ? (def.input as z.ZodObject).strict() : def.input]),
);

/** Validates, runs, and turns every failure into a Russian message. Never throws. */
export async function dispatch(ws: Workspace, name: string, input: unknown, log: (e: unknown) => void = console.error): Promise<CallResult<unknown>> {
  if (!Object.hasOwn(contract, name)) return { ok: false, code: 'unknown_call', message: 'Неизвестная команда. Обновите программу.' };
  const parsed = strictInputs.get(name)!.safeParse(input ?? {});
  if (!parsed.success) {
    const e = zodToAppError(parsed.error);
    return { ok: false, code: e.code, message: e.message, fieldErrors: e.fieldErrors };
  }
  try {
    const value = await (handlers[name as CallName] as Handler<CallName>)(ws, parsed.data as never);
    return { ok: true, value };
  } catch (e) {
    if (e instanceof AppError) return { ok: false, code: e.code, message: e.message, ...(e.fieldErrors ? { fieldErrors: e.fieldErrors } : {}) };
    if (e instanceof NewerSchemaError || e instanceof NotADatabaseError) return { ok: false, code: e.code, message: e.message };
    log(e);
    return { ok: false, code: 'internal', message: 'Внутренняя ошибка программы. Данные не изменены. Повторите действие; если ошибка повторится, сообщите разработчикам.' };
  }
}
