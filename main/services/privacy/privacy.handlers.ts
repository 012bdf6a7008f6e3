/** privacy.*: the lock, the password and its recovery code (services in vault.ts). */
import { defineArea } from '../area-handlers.js';
import type { ServiceContext } from '../context.js';
import type { PrivacyState } from '../../../preload/contract/index.js';
import { AppError } from '../errors.js';
import { renderDocx } from '../reports/docx.js';
import { MIME } from '../reports/index.js';
import { consentFormDoc, consentMissingCount } from './consent.js';
import { pupilReportDoc } from './pupil-report.js';
import { erasurePlan, setRetentionYears, eraseOnRequest } from './erasure.js';
import { logAccess, accessLog } from './access-log.js';
import { vaultStatus, requireUnlocked, unlock, lockNow, touch, setPassword, changePassword, recover, setIdleMinutes, hasPassword } from './vault.js';

export function privacyState(ctx: ServiceContext): PrivacyState {
  const s = vaultStatus(ctx.raw);
  const pupils = ctx.raw.prepare("SELECT COUNT(*) FROM pupil WHERE deleted_at IS NULL AND full_name <> ''").pluck().get() as number;
  return { ...s, suggestPassword: !s.hasPassword && pupils > 0 };
}

export const privacyHandlers = defineArea({
  'privacy.state': (env, input) => {
    if (input.windowOpened && hasPassword(env.ctx().raw)) lockNow(env.ctx().raw);
    return privacyState(env.ctx());
  },
  'privacy.unlock': (env, input) => {
    unlock(env.ctx().raw, input.password);
    return privacyState(env.ctx());
  },
  'privacy.lock': (env) => {
    lockNow(env.ctx().raw);
    return privacyState(env.ctx());
  },
  'privacy.touch': (env) => {
    touch(env.ctx().raw);
    return privacyState(env.ctx());
  },
  'privacy.setPassword': (env, input) => {
    const raw = env.ctx().raw;
    if (hasPassword(raw)) {
      if (!input.current) throw new AppError('invalid_input', 'Введите текущий пароль.', { current: 'Введите текущий пароль' });
      return changePassword(raw, input.current, input.password);
    }
    return setPassword(raw, input.password);
  },
  'privacy.recover': (env, input) => recover(env.ctx().raw, input.code, input.password),
  'privacy.setIdle': (env, input) => {
    setIdleMinutes(env.ctx().raw, input.idleMinutes);
    return privacyState(env.ctx());
  },
  'privacy.consentForm': async (env, input) => {
    const ctx = env.ctx();
    const { doc, pupilId } = consentFormDoc(ctx, input.entryId);
    logAccess(ctx, 'print', pupilId, 'бланк согласия');
    return { fileName: 'Согласие_на_обработку_сведений_о_здоровье.docx', mime: MIME.docx, bytes: await renderDocx(doc) };
  },
  'privacy.consentMissing': (env) => ({ count: consentMissingCount(env.ctx()) }),
  'privacy.pupilReport': async (env, input) => {
    const ctx = env.ctx();
    const doc = pupilReportDoc(ctx, input.pupilId);
    logAccess(ctx, 'print', input.pupilId, '«Что хранится о ребёнке»');
    return { fileName: 'Что_хранится_о_ребёнке.docx', mime: MIME.docx, bytes: await renderDocx(doc) };
  },
  'privacy.erasure.plan': (env) => erasurePlan(env.ctx()),
  'privacy.erasure.setRetention': (env, input) => {
    requireUnlocked(env.ctx().raw);
    setRetentionYears(env.ctx(), input.years);
    return erasurePlan(env.ctx());
  },
  'privacy.erasure.erase': (env, input) => {
    requireUnlocked(env.ctx().raw);
    eraseOnRequest(env.ctx(), input.pupilId);
    return erasurePlan(env.ctx());
  },
  'privacy.accessLog': (env) => {
    requireUnlocked(env.ctx().raw);
    return accessLog(env.ctx());
  },
});
