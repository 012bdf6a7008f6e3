/**
 * «Информационная справка о реализации программы повышения качества образования» for one school and a
 * period: goals and tasks, the activity table, mentoring and teacher development, the risk group (aggregate
 * figures only — never a pupil's name, birth date or class), events and decisions, indicators with dynamics.
 * The sections are in reports/school/; the figures they print are the school's figures (figures.ts) as of
 * the end of the period, or today when the period has not ended.
 *
 * Works on a school's own database, and on the municipality's merged copy of a school's records (pass the
 * school's id as `owner`: every query is then limited to that school's rows).
 */
import { reportDay } from '../../../common/periods.js';
import { schoolFigures, type SchoolFigures } from '../school/figures.js';
import type { Block, Period, ReportDoc } from './model.js';
import { periodText, placeOf, signatureOf } from './text.js';
import { OWNED, reportQuery, s, type R, type Section, type SchoolSource } from './school/common.js';
import { programmesOf, programmeSection } from './school/programme.js';
import { activitiesSection } from './school/activities.js';
import { staffSection } from './school/staff.js';
import { riskSection } from './school/risk.js';
import { eventsSection } from './school/events.js';
import { indicatorsSection, localActsSection } from './school/indicators.js';

export type { SchoolSource };
import type { SchoolReportSection } from '../../../preload/contract/municipality.js';

/** The school's справка as a report model, with the figures it prints. */
export function schoolReport(src: SchoolSource, period: Period, sections?: readonly SchoolReportSection[]): { doc: ReportDoc; facts: SchoolFigures } {
  const day = reportDay(period, src.today);
  const q = reportQuery(src, period, day);
  const facts = schoolFigures(src, src.owner ?? null, { day, from: period.from, to: period.to });
  const programmes = programmesOf(q, period, day);
  const section: Section = { src, q, period, day, facts, programme: programmes[0] ?? null, programmes };
  const parts: [SchoolReportSection, (x: Section) => Block[]][] = [
    ['programme', programmeSection], ['activities', activitiesSection], ['staff', staffSection], ['risk', riskSection],
    ['events', eventsSection], ['indicators', indicatorsSection], ['acts', localActsSection],
  ];
  // Only the sections asked for are built at all: a short справка of a large school is quick as well as short.
  let n = 0;
  const blocks: Block[] = parts.filter(([k]) => !sections || sections.includes(k)).flatMap(([, build]) => {
    const b = build(section);
    const head = b[0];
    // Sections are numbered as printed: a short справка of three sections reads 1, 2, 3.
    if (head?.kind === 'heading' && /^\d+\. /.test(head.text)) b[0] = { ...head, text: head.text.replace(/^\d+\./, `${++n}.`) };
    return b;
  });
  const profile = q(`SELECT t.* FROM school_profile t WHERE t.deleted_at IS NULL AND ${OWNED} ORDER BY t.created_at LIMIT 1`)[0] ?? null;
  return { doc: document(src, period, profile, blocks), facts };
}

/** The requisites, the text and the signature of the director. */
function document(src: SchoolSource, p: Period, profile: R | null, blocks: Block[]): ReportDoc {
  return {
    subject: 'Информационная справка о реализации программы повышения качества образования',
    requisites: {
      organisation: [s(profile?.municipality), s(profile?.name) || 'Образовательная организация'].filter(Boolean),
      kind: 'Информационная справка',
      date: src.today,
      number: '',
      place: placeOf(s(profile?.address), s(profile?.municipality)),
      title: `о реализации программы повышения качества образования за период ${periodText(p)}`,
    },
    blocks,
    signature: { position: 'Директор', name: profile?.director ? signatureOf(s(profile.director)) : '' },
    executor: profile?.deputy ? `Исполнитель: ${s(profile.deputy)}, заместитель директора по УВР${profile.phone ? `, тел. ${s(profile.phone)}` : ''}` : undefined,
  };
}
