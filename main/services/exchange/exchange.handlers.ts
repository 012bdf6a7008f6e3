/**
 * exchange.*: bundles on a flash drive between a school and its municipality, enrollment, quarantine and
 * conflicts. The services are this folder's modules; these handlers only add the workspace around them.
 */
import type { ExchangeState } from '../../../preload/contract/index.js';
import type { HandlerEnv } from '../core/context.js';
import { defineArea } from '../core/area-handlers.js';
import { workspaceState, leaveDemo } from '../core/workspace-state.js';
import { getRole } from '../core/school-profile.js';
import { initMunicipality, municipalityInfo } from '../core/municipality-profile.js';
import { AppError } from '../core/errors.js';
import { asBuffer } from '../core/bytes.js';
import * as exchange from './index.js';

function xctx(env: HandlerEnv): exchange.ExchangeContext {
  return { ...env.ctx(), secretBox: env.secretBox };
}

function enrollmentFile(f: exchange.EnrollmentFile) {
  return { schoolId: f.schoolId, code: f.code, codeDisplay: exchange.displayCode(f.code), fileName: f.fileName, bytes: f.bytes, size: f.bytes.length, recipientName: f.schoolName, sequence: 0, encrypted: false };
}

function exchangeState(env: HandlerEnv): ExchangeState {
  const ctx = xctx(env);
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
    folderDialog: !!env.pickFolder,
    lastExport: last ?? null,
  };
}

export const exchangeHandlers = defineArea({
  'exchange.state': (env) => exchangeState(env),
  'exchange.initMunicipality': async (env, input) => {
    await leaveDemo(env);
    initMunicipality(env.ctx(), input.name);
    exchange.ensureIdentity(xctx(env));
    return workspaceState(env);
  },
  'exchange.previewEnrollment': (env, input) => {
    const { sealed: _s, signKey: _k, encryptKey: _e, sha256: _h, ...info } = exchange.readEnrollment(asBuffer(input.bytes));
    return { ...info, pinned: exchange.pinnedMunicipality(xctx(env)) };
  },
  'exchange.reEnroll': (env, input) => {
    const r = exchange.reEnroll(xctx(env), asBuffer(input.bytes), input.code, input.confirmFingerprint);
    return { state: workspaceState(env), enrollment: r.enrollment };
  },
  'exchange.openEnrollment': async (env, input) => {
    await leaveDemo(env);
    const r = exchange.openEnrollment(xctx(env), asBuffer(input.bytes), input.code, input.schoolName ? { name: input.schoolName } : undefined);
    return { state: workspaceState(env), enrollment: r.enrollment };
  },
  'exchange.import': (env, input) => exchange.importBuffers(xctx(env), input.files.map((f) => ({ fileName: f.fileName, bytes: asBuffer(f.bytes) })), { dryRun: input.dryRun }),
  'exchange.exportToFolder': async (env, input) => {
    if (!env.pickFolder) throw new AppError('no_dialog', 'Выбор папки доступен в приложении «Опора»; в браузере файлы скачиваются.');
    const folder = await env.pickFolder();
    if (!folder) return { cancelled: true, written: [] };
    const written = exchange.exportToFolder(xctx(env), folder, { forSchool: input.forSchool });
    return { cancelled: false, written: written.map((w) => ({ path: w.path, size: w.size, recipientName: w.recipientName, sequence: w.sequence, encrypted: w.encrypted })) };
  },
  'exchange.rotateMunicipalityKey': async (env) => {
    if (!env.pickFolder) throw new AppError('no_dialog', 'Смена ключа выполняется в приложении «Опора»: файлы смены ключа записываются в выбранную папку.');
    const folder = await env.pickFolder();
    if (!folder) return { cancelled: true, fingerprintDisplay: null, written: [] };
    return { cancelled: false, ...exchange.rotateMunicipalityKey(xctx(env), folder) };
  },
  'exchange.replacePupilNames': (env) => {
    const ctx = xctx(env);
    return { replaced: exchange.replacePupilMentions(ctx, exchange.ensureIdentity(ctx).ownerId) };
  },
  'exchange.review': (env) => {
    const ctx = xctx(env);
    return exchange.outgoingReview(ctx, exchange.ensureIdentity(ctx).ownerId);
  },
  'exchange.replaceInValue': (env, input) => {
    const ctx = xctx(env);
    return exchange.replaceInValue(ctx, exchange.ensureIdentity(ctx).ownerId, input);
  },
  'exchange.exportDownload': (env, input) =>
    exchange.exportForDownload(xctx(env), { forSchool: input.forSchool }).map((b) => ({
      fileName: b.fileName, bytes: b.bytes, size: b.bytes.length, recipientName: b.recipientName, sequence: b.sequence, encrypted: b.encrypted,
    })),
  'exchange.history': (env) => exchange.importHistory(xctx(env)),
  'exchange.sentFiles': (env) => exchange.sentFiles(xctx(env)),
  'exchange.quarantine': (env) => exchange.listQuarantine(xctx(env)),
  'exchange.quarantineDecide': (env, input) => {
    if (input.accept) return exchange.acceptQuarantined(xctx(env), input.id, input.fingerprintStart);
    exchange.refuseQuarantined(xctx(env), input.id);
    return { refused: true as const };
  },
  'exchange.conflicts': (env) => exchange.listConflicts(xctx(env)),
  'exchange.resolveConflict': (env, input) => {
    exchange.resolveConflict(xctx(env), input.table, input.id, input.keepHlc);
    return { resolved: true as const };
  },
  'exchange.conflictDecisions': (env) => exchange.listDecisions(xctx(env)),
  'exchange.undoConflict': (env, input) => {
    exchange.undoDecision(xctx(env), input.table, input.id);
    return { undone: true as const };
  },
  'exchange.schools': (env) => exchange.rosterView(xctx(env)),
  'exchange.updatesNeeded': (env) => exchange.updatesNeeded(xctx(env)),
  'exchange.enrollSchool': (env, input) => enrollmentFile(exchange.enrollSchool(xctx(env), input.name)),
  'exchange.reissueEnrollment': (env, input) => enrollmentFile(exchange.reissueEnrollment(xctx(env), input.schoolId)),
});
