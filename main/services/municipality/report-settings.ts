/**
 * The municipality's requisites printed on its справки (organisation, place, who signs, executor), kept in
 * meta. They live with the municipality, below the reports, so the demo municipality can fill them in.
 */
import type { ServiceContext } from '../context.js';
import { getMeta, setMeta } from '../clock.js';
import type { MetaKey } from '../meta.js';

export interface ReportSettings {
  organisation: string;
  parent: string;
  /** A subordinate body that issues documents and organises events (МБУ «Методический центр»). */
  centre: string;
  place: string;
  headPosition: string;
  headName: string;
  executor: string;
}

const KEYS: Record<keyof ReportSettings, MetaKey> = {
  organisation: 'report.organisation', parent: 'report.parent', centre: 'report.centre', place: 'report.place',
  headPosition: 'report.head_position', headName: 'report.head_name', executor: 'report.executor',
};

export function getReportSettings(ctx: ServiceContext): ReportSettings {
  const g = (k: keyof ReportSettings) => getMeta(ctx.raw, KEYS[k]) ?? '';
  return {
    organisation: g('organisation') || getMeta(ctx.raw, 'municipality_name') || 'Управление образования',
    parent: g('parent'),
    centre: g('centre'),
    place: g('place'),
    headPosition: g('headPosition') || 'Начальник управления образования',
    headName: g('headName'),
    executor: g('executor'),
  };
}

export function saveReportSettings(ctx: ServiceContext, s: ReportSettings): ReportSettings {
  ctx.raw.transaction(() => {
    for (const k of Object.keys(KEYS) as (keyof ReportSettings)[]) setMeta(ctx.raw, KEYS[k], s[k]);
  })();
  return getReportSettings(ctx);
}
