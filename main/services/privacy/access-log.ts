/**
 * Who looked (152-ФЗ, the operator's own control): opening a pupil's card, printing or exporting personal
 * data. A local table (access_log, migration 0050), not a synced one: it is never exported, merged or sent.
 * The user is the OS account name, since Опора has no accounts of its own.
 */
import { userInfo } from 'node:os';
import type { ServiceContext } from '../core/context.js';
import type { AccessLogEntry } from '../../../preload/contract/privacy.js';

export type AccessAction = AccessLogEntry['action'];

export function osUser(): string {
  try {
    return userInfo().username || 'неизвестный пользователь';
  } catch {
    return 'неизвестный пользователь';
  }
}

export function logAccess(ctx: ServiceContext, action: AccessAction, pupilId: string | null, detail = ''): void {
  const at = ctx.now().toISOString();
  const user = osUser();
  // A card reloads after every save: one line per card and user per minute says who looked, not how often it redrew.
  if (action === 'open_card') {
    const last = ctx.raw.prepare('SELECT at, user_name, action, pupil_id FROM access_log ORDER BY id DESC LIMIT 1').get() as { at: string; user_name: string; action: string; pupil_id: string | null } | undefined;
    if (last && last.action === action && last.pupil_id === pupilId && last.user_name === user && Date.parse(at) - Date.parse(last.at) < 60_000) return;
  }
  ctx.raw.prepare('INSERT INTO access_log (at, user_name, action, pupil_id, detail) VALUES (?, ?, ?, ?, ?)')
    .run(at, user, action, pupilId, detail);
}

/** The newest first; `pupil` is the pupil's code (обучающийся № N), never the name. */
export function accessLog(ctx: ServiceContext, limit = 500): AccessLogEntry[] {
  const codes = new Map((ctx.raw.prepare('SELECT id FROM pupil ORDER BY created_at, id').pluck().all() as string[]).map((id, i) => [id, `обучающийся № ${i + 1}`]));
  return (ctx.raw.prepare('SELECT at, user_name, action, pupil_id, detail FROM access_log ORDER BY id DESC LIMIT ?').all(limit) as { at: string; user_name: string; action: AccessAction; pupil_id: string | null; detail: string }[])
    .map((r) => ({ at: r.at, user: r.user_name, action: r.action, pupil: r.pupil_id ? codes.get(r.pupil_id) ?? '' : '', detail: r.detail }));
}
