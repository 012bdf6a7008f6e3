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
import { addAttachment, readAttachment, listAttachments } from './services/attachments.js';
import { schoolDashboard } from './services/dashboard.js';
import { generateDemo } from './services/demo.js';
import { NewerSchemaError, NotADatabaseError } from '../db/open.js';

z.config(z.locales.ru());

type Handler<K extends CallName> = (ws: Workspace, input: CallParsed<K>) => Promise<CallOutput<K>> | CallOutput<K>;
export type Handlers = { [K in CallName]: Handler<K> };

function state(ws: Workspace): WorkspaceState {
  const ctx = ws.ctx();
  return { role: getRole(ctx), demo: ws.kind === 'demo', school: getSchoolProfile(ctx), dataPath: ws.dbPath(ws.kind) };
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
    return { removed: removeRecord(ws.ctx(), input.entity, input.id) };
  },

  'riskGroup.include': (ws, input) => includePupil(ws.ctx(), input.pupil, input.entry),
  'riskGroup.changeStatus': (ws, input) => changeStatus(ws.ctx(), input),
  'riskGroup.summary': (ws) => riskGroupSummary(ws.ctx()),
  'gifted.include': (ws, input) => includeGifted(ws.ctx(), input.pupil, input.gifted),

  'attachments.add': (ws, input) => addAttachment(ws.ctx(), input),
  'attachments.read': (ws, input) => readAttachment(ws.ctx(), input.id),
  'attachments.list': (ws, input) => listAttachments(ws.ctx(), input.eventId),
  'attachments.remove': (ws, input) => ({ removed: removeRecord(ws.ctx(), 'attachment', input.id) }),

  'dashboard.school': (ws, input) => schoolDashboard(ws.ctx(), input.today),
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
