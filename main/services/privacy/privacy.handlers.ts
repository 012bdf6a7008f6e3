/** privacy.*: the lock, the password and its recovery code (services in vault.ts). */
import { defineArea } from '../area-handlers.js';
import type { ServiceContext } from '../context.js';
import type { PrivacyState } from '../../../preload/contract/index.js';
import { AppError } from '../errors.js';
import { vaultStatus, unlock, lockNow, touch, setPassword, changePassword, recover, setIdleMinutes, hasPassword } from './vault.js';

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
});
