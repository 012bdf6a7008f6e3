/**
 * Backups and workspace files (main/services/backup): the types and input schemas of backup.* and the
 * workspace-file calls; the call entries themselves are in index.ts.
 */
import { z } from 'zod';
import { base64Bytes, type ByteLimit } from './bytes.js';
import { text } from './fields.js';
import type { Role } from './define.js';

/** Why a copy was made: every day, before an import, before a migration, by hand, or the file a restore replaced. */
export type BackupReason = 'daily' | 'import' | 'migration' | 'manual' | 'restore';

export interface BackupInfo {
  /** The copy's file name in the backups folder (it is how a restore names the copy). */
  name: string;
  /** When it was made (ISO moment; the screen formats it). */
  at: string;
  reason: BackupReason;
  size: number;
}

export interface BackupList {
  /** The folder holding the automatic copies (shown so a person can find them). */
  folder: string;
  items: BackupInfo[];
  /** The desktop app can write a copy to a folder the user picks; a browser tab downloads it. */
  folderDialog: boolean;
  /** The demo school keeps no copies: its data are regenerated. */
  demo: boolean;
}

/** What a database file on disk is. */
export interface WorkspaceFileInfo {
  role: Role;
  ownerId: string | null;
  /** The school's short name or the municipality's name. */
  name: string | null;
  /** Schema version (PRAGMA user_version). */
  version: number;
}

/** A workspace file the app knows (the user's own, others opened before, the demo). */
export interface WorkspaceFile {
  path: string;
  role: Role;
  name: string | null;
  active: boolean;
  demo: boolean;
  /** Set when the file cannot be read now (a flash drive taken out, a damaged file): why, in Russian. */
  problem: string | null;
}

export interface WorkspaceFiles {
  files: WorkspaceFile[];
  /** The desktop app can pick a file anywhere; a browser tab uploads a copy. */
  fileDialog: boolean;
}

/** Database files cross the door like bundles; a tab's request body is capped at 40 МБ, so about 29 МБ of file. */
export const BACKUP_LIMIT: ByteLimit = { maxBytes: 64 * 1024 * 1024, tooLarge: 'Файл больше 64 МБ — восстановите его в приложении «Опора» из папки резервных копий' };

export const backupInputs = {
  restore: z.strictObject({ name: z.string().regex(/^opora-[0-9a-z-]+\.sqlite$/, 'Неверное имя копии').max(100) }),
  upload: z.strictObject({
    fileName: text('Имя файла', 255),
    dataBase64: base64Bytes(BACKUP_LIMIT),
  }).transform(({ dataBase64, ...rest }) => ({ ...rest, bytes: dataBase64 })),
  makeNow: z.strictObject({ toFolder: z.boolean().default(false) }),
  openFile: z.strictObject({ path: z.string().min(1).max(4096) }),
};
