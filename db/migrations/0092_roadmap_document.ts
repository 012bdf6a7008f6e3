/**
 * 0092 — the roadmap справка as a document (issue 20): its period is kept with it (dates to choose the
 * activities, words to print), and a roadmap activity may be a sub-row of a numbered one, printed under it
 * without an invented number. municipal_activity travels down: the school's copy gets the column too.
 */
import type { Migration } from './types.js';

export const m0092: Migration = {
  version: 92,
  name: 'roadmap document',
  sql: `
ALTER TABLE mun_document ADD COLUMN period_from TEXT;
ALTER TABLE mun_document ADD COLUMN period_to TEXT;
ALTER TABLE mun_document ADD COLUMN period_text TEXT NOT NULL DEFAULT '';
ALTER TABLE municipal_activity ADD COLUMN parent_id TEXT;
`,
};
