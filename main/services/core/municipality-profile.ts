/**
 * The municipality role, minimal: initialising a municipality database and its roster of schools (id, name,
 * enrollment state and pinned keys). Classification, partner groups and reports live elsewhere.
 */
import { randomUUID } from 'node:crypto';
import type { ServiceContext } from './context.js';
import type { ExchangeState } from '../../../preload/contract/index.js';
import { AppError } from './errors.js';
import { getMeta, setMeta, originId } from './clock.js';
import { getRole } from './school-profile.js';

export interface MunicipalitySchool {
  id: string;
  name: string;
  status: 'invited' | 'enrolled' | 'blocked';
  fingerprint: string | null;
  created_at: string;
  enrolled_at: string | null;
}

export function municipalityInfo(ctx: ServiceContext): ExchangeState['municipality'] {
  if (getRole(ctx) !== 'municipality') return null;
  return { id: getMeta(ctx.raw, 'owner_id')!, name: getMeta(ctx.raw, 'municipality_name') ?? '' };
}

/** Makes this (empty) database a municipality workspace. Returns the municipality's id. */
export function initMunicipality(ctx: ServiceContext, name: string): { id: string; name: string } {
  const clean = name.trim();
  if (!clean) throw new AppError('invalid_input', 'Укажите наименование муниципалитета (органа управления образованием).');
  if (clean.length > 500) throw new AppError('invalid_input', 'Наименование муниципалитета длиннее 500 символов — сократите его.');
  return ctx.raw.transaction(() => {
    if (getRole(ctx) !== 'none') throw new AppError('already_initialised', 'Рабочее место уже создано. Повторно создать его нельзя.');
    originId(ctx.raw);
    const id = randomUUID();
    setMeta(ctx.raw, 'role', 'municipality');
    setMeta(ctx.raw, 'owner_id', id);
    setMeta(ctx.raw, 'municipality_name', clean);
    return { id, name: clean };
  })();
}

export function requireMunicipality(ctx: ServiceContext): { id: string; name: string } {
  const m = municipalityInfo(ctx);
  if (!m) throw new AppError('not_municipality', 'Это действие доступно только в рабочем месте муниципалитета.');
  return m;
}


export function getSchool(ctx: ServiceContext, id: string) {
  return ctx.raw.prepare('SELECT * FROM municipality_school WHERE id = ?').get(id) as
    | (MunicipalitySchool & { short_name: string | null; sign_public: string | null; encrypt_public: string | null; secret_hash: string | null })
    | undefined;
}
