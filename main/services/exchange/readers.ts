/**
 * Before the department writes its files: which schools could not read theirs until they update «Опора». Each
 * school's file is shaped as the export would shape it (versions.ts), and compared with the schema its app reads
 * (from its last file). A school that has not sent a file yet is not listed: its version is not known.
 */
import type { ExchangeContext } from './keys.js';
import { municipalityTables } from './export.js';
import { getMeta } from '../core/clock.js';
import { APP_VERSION } from './versions.js';
import type { UpdateNeeded } from '../../../preload/contract/exchange.js';

export function updatesNeeded(ctx: ExchangeContext): UpdateNeeded[] {
  const owner = getMeta(ctx.raw, 'owner_id');
  if (!owner) return [];
  const schools = ctx.raw.prepare(`SELECT id, name, app_version, reads_schema FROM municipality_school
    WHERE status = 'enrolled' AND encrypt_public IS NOT NULL AND reads_schema IS NOT NULL ORDER BY name, id`).all() as
    { id: string; name: string; app_version: string; reads_schema: number }[];
  const out: UpdateNeeded[] = [];
  for (const s of schools) {
    const { schema } = municipalityTables(ctx, owner, s.id);
    if (schema > s.reads_schema) out.push({ schoolId: s.id, name: s.name, appVersion: s.app_version, needVersion: APP_VERSION });
  }
  return out;
}
