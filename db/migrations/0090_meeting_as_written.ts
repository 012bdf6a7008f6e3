/**
 * 0090 — the meeting справка as a methodologist writes it (issue 20): a conclusion names its risk factors and its
 * management or professional deficits apart; a справка chooses whether the generated opening sentence is printed,
 * the words before the agenda and its numbering, and whether group members print with full names.
 */
import type { Migration } from './types.js';

export const m0090: Migration = {
  version: 90,
  name: 'meeting справка as written',
  sql: `
ALTER TABLE mun_conclusion ADD COLUMN deficits TEXT NOT NULL DEFAULT '';
ALTER TABLE mun_document ADD COLUMN intro_auto INTEGER NOT NULL DEFAULT 1;
ALTER TABLE mun_document ADD COLUMN agenda_lead TEXT NOT NULL DEFAULT '';
ALTER TABLE mun_document ADD COLUMN agenda_numbered INTEGER NOT NULL DEFAULT 1;
ALTER TABLE mun_document ADD COLUMN full_names INTEGER NOT NULL DEFAULT 0;
`,
};
