/** privacy.*: the lock, the password and its recovery code (services in vault.ts). */
import { defineArea } from '../core/area-handlers.js';
import type { ServiceContext } from '../core/context.js';
import type { PrivacyState } from '../../../preload/contract/index.js';
import { AppError } from '../core/errors.js';
import { consentMissingCount } from './consent.js';
import { erasurePlan, setRetentionYears, eraseOnRequest } from './erasure.js';
import { logAccess, accessLog } from './access-log.js';
import { vaultStatus, requireUnlocked, unlock, lockNow, touch, setPassword, changePassword, recover, setIdleMinutes, hasPassword, openClosedKeyring, isClosedByPassword } from './vault.js';
import type { HandlerEnv } from '../core/context.js';

export function privacyState(ctx: ServiceContext): PrivacyState {
  const s = vaultStatus(ctx.raw);
  const pupils = ctx.raw.prepare("SELECT COUNT(*) FROM pupil WHERE deleted_at IS NULL AND full_name <> ''").pluck().get() as number;
  return { ...s, suggestPassword: !s.hasPassword && pupils > 0 };
}

/** The open file's context, or null while the file stays closed behind the password (its key opens only with it). */
function openCtx(env: HandlerEnv): ServiceContext | null {
  try {
    return env.ctx();
  } catch (e) {
    if (isClosedByPassword(e) && env.keyring) return null;
    throw e;
  }
}

/** The lock screen's state of a file not yet opened: locked, with a password (nothing else is known before it opens). */
function closedState(env: HandlerEnv): PrivacyState {
  return { locked: true, lost: false, hasPassword: true, keyStore: env.keyring!().store.kind, idleMinutes: 15, suggestPassword: false };
}

export const privacyHandlers = defineArea({
  'privacy.state': (env, input) => {
    const ctx = openCtx(env);
    if (!ctx) return closedState(env);
    if (input.windowOpened && hasPassword(ctx.raw)) lockNow(ctx.raw);
    return privacyState(ctx);
  },
  'privacy.unlock': (env, input) => {
    const ctx = openCtx(env);
    if (!ctx) {
      // The password opens the keyring, and with it the file.
      openClosedKeyring(env.keyring!(), 'password', input.password);
      return privacyState(env.ctx());
    }
    unlock(ctx.raw, input.password);
    return privacyState(ctx);
  },
  'privacy.lock': (env) => {
    const ctx = openCtx(env);
    if (!ctx) return closedState(env);
    lockNow(ctx.raw);
    return privacyState(ctx);
  },
  'privacy.touch': (env) => {
    const ctx = openCtx(env);
    if (!ctx) return closedState(env);
    touch(ctx.raw);
    return privacyState(ctx);
  },
  'privacy.setPassword': (env, input) => {
    const raw = env.ctx().raw;
    if (hasPassword(raw)) {
      if (!input.current) throw new AppError('invalid_input', 'Введите текущий пароль.', { current: 'Введите текущий пароль' });
      return changePassword(raw, input.current, input.password);
    }
    return setPassword(raw, input.password);
  },
  'privacy.recover': (env, input) => {
    const ctx = openCtx(env);
    if (ctx) return recover(ctx.raw, input.code, input.password);
    openClosedKeyring(env.keyring!(), 'recovery', input.code);
    return setPassword(env.ctx().raw, input.password);
  },
  'privacy.setIdle': (env, input) => {
    setIdleMinutes(env.ctx().raw, input.idleMinutes);
    return privacyState(env.ctx());
  },

  'privacy.consentMissing': (env) => ({ count: consentMissingCount(env.ctx()) }),

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
