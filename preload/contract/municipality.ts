/**
 * Inputs and outputs of the municipality workspace and the reports: the roster and its Excel import,
 * partner groups, curators, the coordination group, the roadmap, the dashboard and drill-down, charts,
 * report jobs with progress, and Excel of any table on screen. Registered in index.ts.
 */
import { z } from 'zod';
import { id, text, optText, optDate, date, oneOf, optInt, rangeOk } from './fields.js';
import { LEVEL_CODES, type LevelCode } from '../../common/roster-labels.js';
import { roadmapActivityStatus } from '../../common/labels.js';
import { base64Bytes, LIMITS } from './bytes.js';
import type { Row, RoadmapActivityStatus } from './types.js';
import type { MarkCounts } from '../../common/mark-counts.js';

const groupNo = (label: string) => optInt(label, 0, 100);
const year = (label: string) => z.number({ message: `Укажите ${label.toLowerCase()}` })
  .int({ message: `${label} — целое число, например 2021` })
  .min(2000, { message: `${label} — не раньше 2000` }).max(2100, { message: `${label} — не позже 2100` });
const flag01 = z.union([z.boolean(), z.literal(0), z.literal(1)]).transform((b) => (b ? 1 : 0)).default(0);

export const rosterSchoolInput = z.strictObject({
  /** The school's id (municipality_school.id); absent to add a school to the roster. */
  id: id.optional(),
  name: text('Наименование ОО', 500),
  short_name: optText('Краткое наименование', 200),
  cluster: groupNo('Кластер'),
  quality_group: groupNo('Группа качества'),
  quality_level: oneOf('Уровень по ГК', LEVEL_CODES).default('no_info'),
  social_group: groupNo('Группа по ИСБШ'),
  social_level: oneOf('Уровень по ГИСБШ', LEVEL_CODES).default('no_info'),
  is_nor: flag01,
  is_nsu: flag01,
  is_pilot: flag01,
  base_site: optText('Базовая площадка', 500),
  partner_group_id: id.nullable().default(null),
  is_resource_centre: flag01,
  curator_id: id.nullable().default(null),
  roster_note: optText('Примечание', 2000),
});

export const partnerGroupInput = z.strictObject({
  id: id.optional(),
  number: z.number({ message: 'Укажите номер группы' }).int({ message: 'Номер группы — целое число' })
    .min(1, { message: 'Номер группы — от 1' }).max(999, { message: 'Номер группы — не больше 999' }),
  title: optText('Название', 300),
  territory: optText('Территория', 300),
  note: optText('Примечание', 2000),
});

export const curatorInput = z.strictObject({
  id: id.optional(),
  // A curator may be an organisation or a school («школа-куратор») with no person named.
  full_name: optText('ФИО куратора', 200),
  position: optText('Должность', 300),
  organisation: optText('Организация', 500),
  phone: optText('Телефон', 100),
  email: optText('Эл. почта', 200),
  note: optText('Примечание', 2000),
}).refine((v) => !!v.full_name.trim() || !!v.organisation.trim(), { message: 'Укажите ФИО куратора или организацию (школу-куратора)', path: ['full_name'] });

export const coordinationInput = z.strictObject({
  id: id.optional(),
  // Left empty, the member goes last in its order: an empty optional number is not an error (issue 11).
  position_no: optInt('Порядок', 0, 999).transform((v) => v ?? 0),
  full_name: text('ФИО', 200),
  position: optText('Должность', 300),
  organisation: optText('Организация', 500),
  role: oneOf('Роль', ['head', 'deputy', 'secretary', 'member']).default('member'),
});

export const roadmapInput = z.strictObject({
  id: id.optional(),
  title: text('Название дорожной карты', 1000),
  year_from: year('Год начала'),
  year_to: year('Год окончания'),
  approval_number: optText('Номер приказа', 100),
  approval_date: optDate('Дата приказа'),
  goals: optText('Цели'),
  tasks: optText('Задачи'),
}).refine((v) => v.year_to >= v.year_from, { message: 'Год окончания раньше года начала', path: ['year_to'] });

export const roadmapActivityInput = z.strictObject({
  id: id.optional(),
  roadmap_id: id,
  number: optText('№', 20),
  section: optText('Раздел', 300),
  title: text('Мероприятие', 2000),
  timing_text: optText('Сроки', 300),
  date_from: optDate('Начало'),
  date_to: optDate('Окончание'),
  responsible: optText('Ответственные', 1000),
  status: oneOf('Статус', roadmapActivityStatus.codes).default('planned'),
  /** The numbered row this one is a sub-row of. */
  parent_id: id.nullable().default(null),
  completion_mark: optText('Отметка о выполнении'),
  completed_on: optDate('Дата выполнения'),
  all_schools: flag01,
  /** The schools it concerns when not all. */
  school_ids: z.array(id).max(2000).default([]),
});

export const REPORT_KINDS = ['school', 'roadmap', 'schools', 'monitoring'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
export const reportKindLabels: Record<ReportKind, string> = {
  school: 'Справка о реализации программы повышения качества образования (школа)',
  roadmap: 'Справка об итогах реализации муниципальной дорожной карты',
  schools: 'Школы муниципалитета по группам',
  monitoring: 'Мониторинг по школам за квартал',
};

/** Sections of the school's справка a person may leave out (a large school's full справка runs to 150+ pages). */
export const SCHOOL_REPORT_SECTIONS = {
  programme: 'Цели и задачи программы', activities: 'Мероприятия программы', staff: 'Кадры и наставничество', risk: 'Группа риска (численность)',
  events: 'Мероприятия и поручения журнала', indicators: 'Показатели', acts: 'Локальные акты',
} as const;
export type SchoolReportSection = keyof typeof SCHOOL_REPORT_SECTIONS;

export const reportStartInput = z.strictObject({
  kind: z.enum(REPORT_KINDS, { message: 'Выберите вид отчёта' }),
  format: z.enum(['docx', 'xlsx']).default('docx'),
  from: date('Начало периода').optional(),
  to: date('Конец периода').optional(),
  schoolId: id.optional(),
  /** The school's справка: which sections to print (all when absent). */
  sections: z.array(z.enum(Object.keys(SCHOOL_REPORT_SECTIONS) as [SchoolReportSection, ...SchoolReportSection[]], { message: 'Неизвестный раздел справки' }))
    .min(1, { message: 'Выберите хотя бы один раздел справки' }).max(10).optional(),
}).refine((v) => rangeOk(v.from, v.to), { message: 'Начало периода позже его конца', path: ['to'] });

/** A table as on screen, for «Скачать в Excel». */
export const tableInput = z.strictObject({
  title: text('Название', 200),
  columns: z.array(z.strictObject({ key: z.string().max(64), header: z.string().max(200) })).min(1).max(60),
  rows: z.array(z.array(z.union([z.string().max(20000), z.number(), z.null()])).max(60)).max(20000),
});

// ───── outputs ─────

export interface RosterRow {
  id: string;
  name: string;
  short_name: string;
  status: string;
  enrolled_at: string | null;
  cluster: number | null;
  quality_group: number | null;
  quality_level: LevelCode;
  social_group: number | null;
  social_level: LevelCode;
  is_nor: number;
  is_nsu: number;
  is_pilot: number;
  base_site: string;
  partner_group_id: string | null;
  partner_group_number: number | null;
  is_resource_centre: number;
  curator_id: string | null;
  curator_name: string | null;
  roster_note: string;
}

export interface RosterImportChange {
  row: number;
  name: string;
  action: 'create' | 'update' | 'unchanged';
  schoolId: string | null;
  changes: { field: string; label: string; from: string; to: string }[];
}
export interface RosterImportPreview {
  sheet: string;
  rows: number;
  changes: RosterImportChange[];
  errors: { row: number; column: string; message: string }[];
  newGroups: number[];
  newCurators: string[];
  summary: { create: number; update: number; unchanged: number };
}

export interface RoadmapActivityRow {
  id: string;
  number: string;
  section: string;
  title: string;
  timing_text: string;
  date_from: string | null;
  date_to: string | null;
  responsible: string;
  status: RoadmapActivityStatus;
  completion_mark: string;
  completed_on: string | null;
  all_schools: number;
  /** The numbered row this one is a sub-row of (null: a row of its own). */
  parent_id: string | null;
  school_ids: string[];
  overdue: number;
  /** Marks the schools sent back. */
  marks: { school_id: string; school_name: string; status: string; completion_mark: string; completed_on: string | null }[];
  /** The schools it concerns by their mark: done, in progress, not done, no mark yet. */
  markCounts: MarkCounts;
}
export interface RoadmapView {
  roadmap: Row | null;
  activities: RoadmapActivityRow[];
}

export interface DashboardRow {
  schoolId: string;
  name: string;
  /** The short name or the distinctive part of the full one («СШ № 13»): a row of the summary stays one or two lines. */
  label: string;
  status: string;
  cluster: number | null;
  quality_group: number | null;
  quality_level: string;
  social_group: number | null;
  partner_group_number: number | null;
  curator_name: string | null;
  is_nor: number;
  is_nsu: number;
  lastBundleAt: string | null;
  bundleAgeDays: number | null;
  /** The school's «Опора», from its last file (null — no file yet); older than the department's: `appOutdated`. */
  appVersion: string | null;
  appOutdated: boolean;
  activitiesTotal: number;
  activitiesDone: number;
  activitiesOverdue: number;
  decisionsOverdue: number;
  /** Assignments of the municipality and roadmap activities addressed to the school, past their deadline and not done. */
  municipalOverdue: number;
  needMentor: number;
  withMentor: number;
  mentorShare: number | null;
  trainedThisYear: number;
  riskTotal: number;
  riskByCategory: Record<string, number>;
  eventsThisTerm: number;
  attention: string[];
}
export interface MunicipalityDashboard {
  today: string;
  term: { from: string; to: string; label: string };
  rows: DashboardRow[];
}

export interface SchoolDrillDown {
  /** The day the card's figures are as of. */
  today: string;
  row: DashboardRow;
  roster: RosterRow | null;
  /** The current programme (not finished, the latest): its indicators are the card's. */
  programme: Record<string, string | number | null> | null;
  /** Every programme the school sent, the current one first. */
  programmes: Record<string, string | number | null>[];
  /** The activities of all of them, by programme (programme_id) in that order: the card's totals count these. */
  activities: Record<string, string | number | null>[];
  staff: { total: number; young: number; arrived: number; withMentor: number; needMentor: number };
  courses: Record<string, string | number | null>[];
  riskByCategory: { category: string; count: number }[];
  events: Record<string, string | number | null>[];
  /** Files the school passed on with its journal, by event; their bytes are here (municipality.schoolFile). */
  files: { id: string; event_id: string; file_name: string; size: number }[];
  decisions: Record<string, string | number | null>[];
  indicators: { title: string; unit: string; values: { period: string; target: number | null; actual: number | null }[] }[];
  comments: Record<string, string | number | null>[];
  bundles: Record<string, string | number | null>[];
}

export interface ChartsData {
  /** Indicator titles that have values, for the picker. */
  indicators: string[];
  indicatorSeries: { period: string; [school: string]: number | string | null }[];
  indicatorSchools: string[];
  riskOverTime: { period: string; [category: string]: number | string }[];
  completionBySchool: { school: string; done: number; overdue: number; open: number }[];
}

export interface ReportJob {
  id: string;
  kind: ReportKind;
  format: 'docx' | 'xlsx';
  done: number;
  total: number;
  stage: string;
  finished: boolean;
  error: string | null;
  fileName: string | null;
}

export const reportSettingsInput = z.strictObject({
  organisation: text('Наименование органа управления образованием', 500),
  parent: optText('Вышестоящая организация', 500),
  centre: optText('Подведомственное учреждение (методический центр)', 500),
  place: optText('Место составления', 200),
  headPosition: optText('Должность руководителя', 300),
  headName: optText('ФИО руководителя', 200),
  executor: optText('Исполнитель', 500),
  // The letterhead's contact and registration block, printed under the names (ГОСТ Р 7.0.97: справочные данные об организации).
  address: optText('Почтовый адрес', 500),
  phone: optText('Телефон', 100),
  fax: optText('Факс', 100),
  email: optText('Электронная почта', 200),
  site: optText('Сайт', 200),
  ogrn: optText('ОГРН', 20),
  okpo: optText('ОКПО', 20),
  innKpp: optText('ИНН/КПП', 40),
});
export type ReportSettings = z.output<typeof reportSettingsInput>;

/** An Excel file of the roster, decoded here: the handler gets its bytes. */
export const fileInput = z.strictObject({
  fileName: optText('Имя файла', 255),
  dataBase64: base64Bytes(LIMITS.roster),
}).transform(({ dataBase64, ...rest }) => ({ ...rest, bytes: dataBase64 }));

/** A partner group with its schools, resource centres first. */
export type PartnerGroupView = {
  id: string; number: number; title: string; territory: string; note: string;
  schools: { id: string; name: string; is_resource_centre: number }[];
};
export type CuratorView = Row & { schools: number };
