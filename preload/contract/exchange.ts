/** The bundle exchange across the process boundary: output shapes (plain JSON) and input schemas. */
import { z } from 'zod';
import { incomingFileNameProblem } from '../../common/file-names.js';
import { id } from './fields.js';
import { base64Bytes, base64Size, bytes, fromBase64, toBase64, LIMITS } from './bytes.js';
import type { Role } from './define.js';

export interface ExchangeCounts { new: number; updated: number; unchanged: number; deleted: number; conflicts: number }

export interface ExchangeImportResult {
  file: string;
  status: 'accepted' | 'rejected' | 'quarantined';
  reasonCode?: string;
  reason?: string;
  counts?: ExchangeCounts;
  byTable?: Record<string, ExchangeCounts>;
  kind?: string;
  issuer?: { id: string; name: string; fingerprint: string; fingerprintDisplay: string };
  sequence?: number;
  repeated?: boolean;
  quarantineId?: string;
  /** Said beside the result: the file came from a newer version and what this one left aside. */
  note?: string;
  dryRun: boolean;
}

export interface ExchangeHistoryItem {
  id: number; at: string; file_name: string; kind: string; issuer_id: string; issuer_name: string; seq: number | null;
  status: 'accepted' | 'rejected' | 'quarantined'; reason: string; counts: Partial<ExchangeCounts>;
}

/** A file this workspace wrote, and the department's receipt for it once its next file has brought one. */
export interface SentFileItem {
  id: number; at: string; path: string; seq: number;
  received_at: string | null; received_records: number | null; received_conflicts: number | null;
}

/** A school whose app could not read the file the department would write for it now. */
export interface UpdateNeeded { schoolId: string; name: string; appVersion: string; needVersion: string }

export interface ExchangeQuarantineItem {
  id: string; received_at: string; file_name: string; issuer_id: string; issuer_name: string; issuer_role: string;
  fingerprint: string; fingerprintDisplay: string; reason_code: string; reason: string; status: string;
  /** Why accepting is impossible (a key already another school's; a municipality key at a school), in words. */
  warning?: string;
  /** What happened, in words: which file, when written, how many records, which key is pinned now and since when. */
  explanation: string;
  /** The key pinned for that sender now (a key change), for the confirmation beside the new one. */
  pinnedFingerprintDisplay: string | null;
}

/** One new or changed outgoing text, with the spans that look like a pupil's name or birth date. */
export interface ReviewItem {
  table: string; id: string; column: string;
  /** «Мероприятие журнала «Совет профилактики»», «Запись … (удалённая)»: the record in words. */
  record: string;
  field: string;
  text: string;
  marks: { start: number; end: number; kind: 'name' | 'birth_date' }[];
  /**
   * The pupils the marks point at, by code («обучающийся № 5»), each with the record that holds the pupil
   * (risk-group entry or gifted list) so the message opens it; `open` is null when the pupil is in neither.
   */
  pupils?: { code: string; open: { table: 'risk_entry' | 'gifted_pupil'; id: string } | null }[];
}

/** What the school's next file carries that the last one did not: every such text, flagged first. */
export interface OutgoingReview {
  /** No file was written yet: every text is new. */
  firstFile: boolean;
  total: number;
  flagged: number;
  items: ReviewItem[];
}

export interface ExchangeConflict {
  table: string; id: string; detected_at: string;
  /** The record's kind (registry title), its own title, and the school it belongs to — in words. */
  kindTitle: string; title: string; school: string | null;
  /** Only the fields whose values differ: the Russian label and one formatted value per version. */
  fields: { label: string; values: string[] }[];
  /** changedBy: which copy of which database made the version, in words; changedAt: when (ISO moment). */
  versions: { hlc: string; origin: string; current: boolean; data: Record<string, unknown>; changedAt: string; changedBy: string }[];
}

/** A decision taken on a conflict, for the history of decisions (undoable while the record is unchanged). */
export interface ExchangeConflictDecision {
  table: string; id: string; at: string;
  kindTitle: string; title: string; school: string | null;
  keptBy: string; keptAt: string;
  undoable: boolean;
}

export interface ExchangeState {
  role: Role;
  /** This workspace's key fingerprint (made at the first exchange), for reading aloud. */
  fingerprintDisplay: string | null;
  /** School: the municipality it is enrolled with. */
  enrollment: { enrolled: boolean; municipalityId: string | null; municipalityName: string; pendingProof: boolean } | null;
  /** Municipality: its own id and name. */
  municipality: { id: string; name: string } | null;
  quarantine: number;
  conflicts: number;
  /** The desktop app can open a folder dialog; in a browser tab bundles are downloaded instead. */
  folderDialog: boolean;
  lastExport: { at: string; path: string; seq: number } | null;
}

export interface ExchangeEnrollmentInfo {
  schoolId: string; schoolName: string; municipalityId: string; municipalityName: string; fingerprint: string; fingerprintDisplay: string;
  /** Preview at an enrolled school: the municipality key pinned now, to show beside the file's. */
  pinned?: { municipalityName: string; fingerprintDisplay: string } | null;
}

const exchangeFileFields = { fileName: z.string(), size: z.number(), recipientName: z.string(), sequence: z.number(), encrypted: z.boolean() };

/** A bundle or an enrollment file to download: the handler returns `bytes`, the renderer receives `dataBase64`. */
export const exchangeFileOutput = z.codec(
  z.object({ ...exchangeFileFields, dataBase64: z.string() }),
  z.object({ ...exchangeFileFields, bytes: bytes }),
  {
    decode: ({ dataBase64, ...rest }) => ({ ...rest, bytes: fromBase64(dataBase64) }),
    encode: ({ bytes: b, ...rest }) => ({ ...rest, dataBase64: toBase64(b) }),
  },
);
export type ExchangeFile = z.input<typeof exchangeFileOutput>;

/** An enrollment file for one school, with the school's id (its roster row). */
export const enrollmentFileOutput = z.codec(
  z.object({ ...exchangeFileFields, schoolId: z.string(), code: z.string(), codeDisplay: z.string(), dataBase64: z.string() }),
  z.object({ ...exchangeFileFields, schoolId: z.string(), code: z.string(), codeDisplay: z.string(), bytes: bytes }),
  {
    decode: ({ dataBase64, ...rest }) => ({ ...rest, bytes: fromBase64(dataBase64) }),
    encode: ({ bytes: b, ...rest }) => ({ ...rest, dataBase64: toBase64(b) }),
  },
);
export interface ExchangeWritten { path: string; size: number; recipientName: string; sequence: number; encrypted: boolean }

export interface ExchangeSchool {
  id: string; name: string; short_name: string; status: string; fingerprint: string | null; fingerprintDisplay: string; enrolled_at: string | null; last_import: string | null;
  /** The short name, or the distinctive part of the full one («СШ № 13»): what lists show. */
  label: string;
  /** Whether the department's export writes a file for it now. */
  receives: boolean;
}

/** One file, read by the renderer with the File API; decoded here. */
const bundle = base64Bytes(LIMITS.bundle);
/** A bundle's name as the flash drive shows it: checked like an attached file's (common/file-names.ts). */
const fileName = z.string().min(1).max(255).superRefine((n, c) => {
  const p = incomingFileNameProblem(n);
  if (p) c.addIssue({ code: 'custom', message: p });
});

/** Files the import screen sends in one call: the department's next file is checked on the second core meanwhile. */
export const IMPORT_BATCH_FILES = 16;
/** A group's size is checked on the text, before anything is decoded: together no more than one largest file. */
const importGroup = z.array(z.strictObject({ fileName: z.string(), dataBase64: z.string() }), { message: 'Файлы не переданы' })
  .min(1, { message: 'Файлы не переданы' }).max(IMPORT_BATCH_FILES, { message: `За один раз передаётся не больше ${IMPORT_BATCH_FILES} файлов` })
  .refine((fs) => fs.reduce((n, f) => n + base64Size(f.dataBase64), 0) <= LIMITS.bundle.maxBytes, { message: LIMITS.bundle.tooLarge, abort: true })
  .pipe(z.array(z.strictObject({ fileName, dataBase64: bundle }).transform(({ dataBase64, ...rest }) => ({ ...rest, bytes: dataBase64 }))));

export const exchangeInputs = {
  importGroup: z.strictObject({ files: importGroup, dryRun: z.boolean().default(false) }),
  reviewItem: z.strictObject({ table: z.string().regex(/^[a-z_]{1,40}$/), id, column: z.string().regex(/^[a-z_]{1,40}$/) }),
  enrollmentFile: z.strictObject({ fileName: fileName.optional(), dataBase64: bundle })
    .transform(({ dataBase64, ...rest }) => ({ ...rest, bytes: dataBase64 })),
  openEnrollment: z.strictObject({
    fileName: fileName.optional(), dataBase64: bundle, schoolName: z.string().trim().max(500).optional(),
    /** The enrollment code from the municipality (printed or dictated), typed by a person. */
    code: z.string().trim().min(1, { message: 'Введите код подключения' }).max(40),
  })
    .transform(({ dataBase64, ...rest }) => ({ ...rest, bytes: dataBase64 })),
  reEnroll: z.strictObject({
    fileName: fileName.optional(), dataBase64: bundle,
    code: z.string().trim().min(1, { message: 'Введите код подключения' }).max(40),
    /** The first group of the new fingerprint, typed by the person who compared both. */
    confirmFingerprint: z.string().trim().min(1, { message: 'Введите первую группу нового отпечатка' }).max(20),
  }).transform(({ dataBase64, ...rest }) => ({ ...rest, bytes: dataBase64 })),
  initMunicipality: z.strictObject({ name: z.string().trim().min(1, { message: 'Укажите наименование муниципалитета' }).max(500, { message: 'Наименование длиннее 500 символов' }) }),
  exportInput: z.strictObject({ forSchool: z.union([id, z.literal('all')]).optional() }),
  /** Accepting a key needs the first group of its fingerprint, typed by the person who compared it by phone. */
  quarantineDecide: z.strictObject({ id, accept: z.boolean(), fingerprintStart: z.string().trim().max(20).optional() }),
  resolveConflict: z.strictObject({ table: z.string().regex(/^[a-z_]{1,64}$/), id: z.string().max(64), keepHlc: z.string().max(80) }),
  undoConflict: z.strictObject({ table: z.string().regex(/^[a-z_]{1,64}$/), id: z.string().max(64) }),
  enrollSchool: z.strictObject({ name: z.string().trim().min(1, { message: 'Укажите наименование школы' }).max(500) }),
  reissue: z.strictObject({ schoolId: id }),
};
