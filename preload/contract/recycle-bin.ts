/**
 * The recycle bin (issue 11): what was deleted on this computer, when, with what it took with it, and
 * «Восстановить». Joined into the contract in index.ts. The preview before a delete counts with the same
 * cascade the delete applies (main/services/core/writer.ts cascadeOf).
 */
import { z } from 'zod';
import { call } from './define.js';
import { id } from './fields.js';

/** How long the bytes of a deleted attached file wait in the bin before they are erased from the disk. */
export const DELETED_FILES_KEPT_DAYS = 30;

/** How many records of one kind, in words the user knows («Мероприятие журнала»). */
export interface KindCount {
  kind: string;
  count: number;
}

export interface DeletedEntry {
  id: string;
  /** The moment of the deletion (ISO); the screen writes it as ДД.ММ.ГГГГ чч:мм. */
  deletedAt: string;
  /** The root record: its kind and title in words. */
  kind: string;
  title: string;
  /** What the cascade took with it, by kind (the root not counted). */
  others: KindCount[];
  total: number;
  /** Names and birth dates of pupils in the group were erased by the deletion and do not come back. */
  personalErased: boolean;
  restoredAt: string | null;
  /** Attached files of the group whose bytes were erased after the bin's term (they are not restored). */
  filesErased: number;
}

export interface RestoreResult {
  restored: number;
  /** Files left deleted because their bytes were erased after the bin's term. */
  filesLost: number;
}

export interface DeletionPreview {
  total: number;
  others: KindCount[];
  personalErased: boolean;
}

export const recycleBinCalls = {
  'recycleBin.list': call<DeletedEntry[]>('school', 'municipality')(z.strictObject({})),
  /** Brings the whole group back through the one writer (new HLC), so it travels in the next bundle like any edit. */
  'recycleBin.restore': call<RestoreResult>('school', 'municipality')(z.strictObject({ id })),
};

/** What `records.remove` is told about the group it made, for «Отменить» in the notification. */
export interface RemoveResult {
  removed: number;
  deletionId: string;
}

