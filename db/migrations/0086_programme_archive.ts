/**
 * 0086 — a programme can be finished (issue 19): a school keeps its old programme next to the new one, and the
 * old one's open activities must stop counting as overdue everywhere. The day it was finished travels with the
 * programme, so the department's card and справка count what the school's own screens count.
 */
import type { Migration } from './types.js';

export const m0086: Migration = {
  version: 86,
  name: 'finished programmes',
  sql: `
ALTER TABLE programme ADD COLUMN archived_on TEXT;
`,
};
