/**
 * 0104 — the department's card of one school (issue 23): its plan, journal, decisions and indicators are read
 * by owner. Without these each read went through every school's rows (and, the file being encrypted, decrypted
 * every page of them). Only the tables the card and the school's figures read per school: an index is one more
 * write for every merged row, so the others stay without.
 */
import type { Migration } from './types.js';

export const m0104: Migration = {
  version: 104,
  name: 'owner indexes',
  sql: `
CREATE INDEX activity_owner ON activity(owner);
CREATE INDEX event_owner ON event(owner);
CREATE INDEX decision_owner ON decision(owner);
CREATE INDEX indicator_owner ON indicator(owner);
`,
};
