/**
 * The municipality's requisites printed on its справки (organisation, place, who signs, executor, the letterhead's
 * contact and registration block), kept in meta. They live with the municipality, below the reports, so the demo
 * municipality can fill them in.
 */
import type { ServiceContext } from '../core/context.js';
import { getMeta, setMeta } from '../core/clock.js';
import type { MetaKey } from '../core/meta.js';

export interface ReportSettings {
  organisation: string;
  parent: string;
  /** A subordinate body that issues documents and organises events (МБУ «Методический центр»). */
  centre: string;
  place: string;
  headPosition: string;
  headName: string;
  executor: string;
  address: string;
  phone: string;
  fax: string;
  email: string;
  site: string;
  ogrn: string;
  okpo: string;
  innKpp: string;
}

const KEYS: Record<keyof ReportSettings, MetaKey> = {
  organisation: 'report.organisation', parent: 'report.parent', centre: 'report.centre', place: 'report.place',
  headPosition: 'report.head_position', headName: 'report.head_name', executor: 'report.executor',
  address: 'report.address', phone: 'report.phone', fax: 'report.fax', email: 'report.email', site: 'report.site',
  ogrn: 'report.ogrn', okpo: 'report.okpo', innKpp: 'report.inn_kpp',
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
    address: g('address'), phone: g('phone'), fax: g('fax'), email: g('email'), site: g('site'),
    ogrn: g('ogrn'), okpo: g('okpo'), innKpp: g('innKpp'),
  };
}

/**
 * The contact and registration block under the names on a letterhead, as departments print it:
 * «ул. Ленина, д. 1, г. Ирбит, 623850», «Тел.: …, факс: …», «E-mail: …, сайт: …», «ОГРН …, ОКПО …, ИНН/КПП …».
 */
export function letterheadLines(s: ReportSettings): string[] {
  const join = (parts: string[]) => parts.filter(Boolean).join(', ');
  const t = (x: string) => x.trim();
  return [
    t(s.address),
    join([t(s.phone) ? `тел.: ${t(s.phone)}` : '', t(s.fax) ? `факс: ${t(s.fax)}` : '']),
    join([t(s.email) ? `e-mail: ${t(s.email)}` : '', t(s.site) ? `сайт: ${t(s.site)}` : '']),
    join([t(s.ogrn) ? `ОГРН ${t(s.ogrn)}` : '', t(s.okpo) ? `ОКПО ${t(s.okpo)}` : '', t(s.innKpp) ? `ИНН/КПП ${t(s.innKpp)}` : '']),
  ].filter(Boolean).map((l) => l[0]!.toUpperCase() + l.slice(1));
}

export function saveReportSettings(ctx: ServiceContext, s: ReportSettings): ReportSettings {
  ctx.raw.transaction(() => {
    for (const k of Object.keys(KEYS) as (keyof ReportSettings)[]) setMeta(ctx.raw, KEYS[k], s[k] ?? '');
  })();
  return getReportSettings(ctx);
}
