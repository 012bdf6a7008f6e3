/**
 * Bringing what a school already has into the app (main/services/onboarding): its programme from Word, its
 * staff and pupil lists from Excel or CSV. Everything goes through a preview the person confirms; the
 * confirmation re-reads the same file with the choices made, so nothing in the preview is trusted as data.
 */
import { z } from 'zod';
import { base64Bytes, type ByteLimit } from './bytes.js';
import { call } from './define.js';

/** Where a block of the document goes; `unknown`: not understood, shown as it stands in the document. */
export const IMPORT_SECTIONS = ['task', 'problem', 'direction', 'activity', 'indicator', 'local_act', 'unknown'] as const;
export type ImportSection = (typeof IMPORT_SECTIONS)[number];
export type RowChange = 'new' | 'same' | 'changed';

export interface ImportRow {
  /** The row as it stands in the document. */
  source: string;
  number: string | null;
  text: string;
  /** Section-specific values as found: timing_text, responsible, completion_mark, direction, adopted_on, order_number, unit, values. */
  fields: Record<string, string | null>;
  change: RowChange;
  /** What the programme holds now, when the row changes it. */
  was: string | null;
  /** A remark for the person: a factor found in the catalogue, a timing not understood. */
  note: string | null;
}

export interface ImportBlock {
  id: string;
  section: ImportSection;
  /** «Задачи», «План мероприятий (таблица 1)». */
  title: string;
  /** Where in the document: «абзацы 12–18», «таблица 2, строки 3–40». */
  where: string;
  rows: ImportRow[];
}

export interface ProgrammeHead {
  title: string;
  year_from: number;
  year_to: number;
  approval_number: string | null;
  approval_date: string | null;
  goal: string | null;
  /** The programme this document updates (same title), or null for a new one. */
  existingId: string | null;
  /** Remarks: years not found, approval not found. */
  notes: string[];
}

export interface ProgrammePreview {
  head: ProgrammeHead;
  blocks: ImportBlock[];
  /** Rows by what would happen: new, changed, unchanged. */
  totals: Record<RowChange, number>;
}

/** Per block: take as found, skip, or put into another section. */
export type BlockChoice = 'take' | 'skip' | ImportSection;

export interface ProgrammeImportResult {
  programmeId: string;
  created: number;
  updated: number;
  unchanged: number;
}

export type ListKind = 'staff' | 'pupils';
/** What a column of a list can be: the fields a staff or pupil record has, and «not used». */
export const LIST_FIELDS = ['full_name', 'last_name', 'first_name', 'middle_name', 'position', 'subjects', 'category', 'education', 'experience_years', 'birth_date', 'class_name', 'sex', 'hired_on'] as const;
export type ListField = (typeof LIST_FIELDS)[number];

export interface ListColumn { index: number; header: string; field: ListField | null }
export interface ListRowPreview {
  /** 1-based line of the file. */
  line: number;
  values: Record<string, string | null>;
  change: RowChange | 'duplicate' | 'error';
  /** Why the row cannot be taken, or what it duplicates — by line numbers, never by name. */
  note: string | null;
}
export interface ListPreview {
  kind: ListKind;
  columns: ListColumn[];
  /** The mapping came from the last file of this kind. */
  remembered: boolean;
  rows: ListRowPreview[];
  totals: Record<ListRowPreview['change'], number>;
}

export const IMPORT_FILE_LIMIT: ByteLimit = { maxBytes: 20 * 1024 * 1024, tooLarge: 'Файл больше 20 МБ — так много программа или список не занимают. Удалите из копии рисунки и сканы и загрузите её.' };

const fileName = z.string().trim().min(1).max(300);
const choices = z.record(z.string().max(20), z.union([z.literal('take'), z.literal('skip'), z.enum(IMPORT_SECTIONS)]));
const mapping = z.array(z.union([z.enum(LIST_FIELDS), z.null()])).max(200);

export const onboardingInputs = {
  programmePreview: z.strictObject({ fileName, dataBase64: base64Bytes(IMPORT_FILE_LIMIT) }),
  programmeApply: z.strictObject({ fileName, dataBase64: base64Bytes(IMPORT_FILE_LIMIT), choices }),
  listPreview: z.strictObject({ fileName, dataBase64: base64Bytes(IMPORT_FILE_LIMIT), kind: z.enum(['staff', 'pupils']), mapping: mapping.optional() }),
  listApply: z.strictObject({ fileName, dataBase64: base64Bytes(IMPORT_FILE_LIMIT), kind: z.enum(['staff', 'pupils']), mapping: mapping.optional() }),
};

export const onboardingCalls = {
  /** What the document holds and where it would go; nothing is saved. */
  'onboarding.programmePreview': call<ProgrammePreview>('school')(onboardingInputs.programmePreview),
  /** The same file with a choice per block, saved all or nothing. */
  'onboarding.programmeApply': call<ProgrammeImportResult>('school')(onboardingInputs.programmeApply),
  'onboarding.listPreview': call<ListPreview>('school')(onboardingInputs.listPreview),
  'onboarding.listApply': call<ListImportResult>('school')(onboardingInputs.listApply),
};

export interface ListImportResult { created: number; updated: number; unchanged: number; skipped: number }
