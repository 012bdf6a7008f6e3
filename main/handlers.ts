/**
 * The door of main: every area's handlers joined into one map, and `dispatch`, the one place where a call's
 * role is checked, its input validated, its bytes encoded and every failure turned into a value with a
 * Russian message. The Electron shell, the browser host and the tests all call `dispatch`.
 */
import { z } from 'zod';
import { contract, ANY_ROLE, type CallName, type CallResult, type Role } from '../preload/contract/index.js';
import { AppError } from './services/core/errors.js';
import { zodToAppError } from './services/core/validation.js';
import { knownError } from './services/core/db-errors.js';
import { getRole } from './services/core/school-profile.js';
import type { HandlerEnv } from './services/core/context.js';
import { joinAreas, type Handlers } from './services/core/area-handlers.js';
import { workspaceHandlers } from './services/school/workspace.handlers.js';
import { recordsHandlers } from './services/records/records.handlers.js';
import { riskGroupHandlers } from './services/school/risk-group.handlers.js';
import { attachmentsHandlers } from './services/school/attachments.handlers.js';
import { dashboardHandlers } from './services/school/dashboard.handlers.js';
import { fromMunicipalityHandlers } from './services/school/from-municipality.handlers.js';
import { municipalityHandlers } from './services/municipality/municipality.handlers.js';
import { meetingsHandlers } from './services/municipality/meetings.handlers.js';
import { reportsHandlers } from './services/reports/reports.handlers.js';
import { exchangeHandlers } from './services/exchange/exchange.handlers.js';
import { backupHandlers } from './services/backup/backup.handlers.js';
import { privacyHandlers } from './services/privacy/privacy.handlers.js';
import { childPapersHandlers } from './services/reports/child-papers.handlers.js';
import { recycleBinHandlers } from './services/records/recycle-bin.handlers.js';
import { documentsHandlers } from './services/reports/documents.handlers.js';
import { searchHandlers } from './services/records/search.handlers.js';
import { updateHandlers } from './services/update/update.handlers.js';
import { onboardingHandlers } from './services/school/onboarding/onboarding.handlers.js';

export type { Handlers } from './services/core/area-handlers.js';

/** Every call of the contract has exactly one handler: a missing one does not compile, a duplicate does not start. */
export const handlers: Handlers = joinAreas(
  workspaceHandlers, recordsHandlers, riskGroupHandlers, attachmentsHandlers, dashboardHandlers, fromMunicipalityHandlers,
  municipalityHandlers, meetingsHandlers, reportsHandlers, exchangeHandlers, backupHandlers, privacyHandlers, childPapersHandlers, recycleBinHandlers,
  documentsHandlers, searchHandlers, updateHandlers, onboardingHandlers,
);

/** Top-level call inputs refuse unknown keys: a renderer that sends more than the contract says is wrong. */
const strictInputs = new Map<string, z.ZodType>(
  Object.entries(contract).map(([name, def]) => [name, def.input instanceof z.ZodObject ? (def.input as z.ZodObject).strict() : def.input]),
);

/**
 * The handler of a call named at run time. Its input is what the call's own schema has just produced, which
 * TypeScript cannot pair with the name: the one place where the typed map is called untyped.
 */
function run(name: CallName, env: HandlerEnv, input: unknown): unknown {
  const handler = handlers[name] as (env: HandlerEnv, input: unknown) => unknown;
  return handler(env, input);
}

/** Why a workspace of this role may not make a call declared for `allowed`. */
function roleRefusal(allowed: readonly Role[], role: Role): AppError | null {
  if (allowed.includes(role)) return null;
  if (role === 'none') return new AppError('no_workspace', 'Сначала создайте рабочее место: школы или муниципалитета.');
  return allowed.includes('school')
    ? new AppError('not_school', 'Это действие доступно только на рабочем месте школы.')
    : new AppError('not_municipality', 'Это действие доступно только на рабочем месте муниципалитета.');
}

function failure(e: AppError): CallResult<never> {
  return { ok: false, code: e.code, message: e.message, ...(e.fieldErrors ? { fieldErrors: e.fieldErrors } : {}) };
}

/** Checks the role, validates, runs, encodes; turns every failure into a Russian message. Never throws. */
export async function dispatch(env: HandlerEnv, name: string, input: unknown, log: (e: unknown) => void = console.error): Promise<CallResult<unknown>> {
  if (!Object.hasOwn(contract, name)) return { ok: false, code: 'unknown_call', message: 'Неизвестная команда. Обновите программу.' };
  const def = contract[name as CallName];
  try {
    // Before the input is even decoded: a call this workspace may not make gets no further.
    const refused = def.roles.length === ANY_ROLE.length ? null : roleRefusal(def.roles, getRole(env.ctx()));
    if (refused) return failure(refused);
    const parsed = strictInputs.get(name)!.safeParse(input ?? {});
    if (!parsed.success) return failure(zodToAppError(parsed.error, def.fieldsAt));
    const value = await run(name as CallName, env, parsed.data);
    return { ok: true, value: def.output ? z.encode(def.output, value) : value };
  } catch (e) {
    const known = knownError(e);
    if (known) return failure(known);
    log(e);
    return { ok: false, code: 'internal', message: 'Внутренняя ошибка программы. Данные не изменены. Повторите действие; если ошибка повторится, сообщите разработчикам.' };
  }
}
