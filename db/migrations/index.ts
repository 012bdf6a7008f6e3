import type { Migration } from './types.js';
import { m0010 } from './0010_initial.js';

/** Ordered, forward-only. Numbers leave gaps (0010, 0020 …) so parallel work can slot in. */
export const migrations: Migration[] = [m0010];

export const LATEST_VERSION = migrations[migrations.length - 1]!.version;
