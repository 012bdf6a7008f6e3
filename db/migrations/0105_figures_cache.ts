/**
 * 0105 — the department's summary of 300 schools in under 100 ms (issue 23): a school's figures for a day are kept
 * once computed, and recomputed only for a school whose rows changed since.
 *
 * `figures_stamp` holds a counter per owner that every write to a table the figures read moves on — by trigger, so
 * no writer (the merge, a conflict's resolution, the recycle bin, a repair, a future one) can forget it. A kept
 * figure (`figures_cache`) is used only while its owner's counter is the one it was computed at. Nothing in either
 * table travels or is personal: owner ids, counters, and counts.
 */
import type { Migration } from './types.js';

/** The tables school/figures.ts reads; a write to any of them changes its owner's figures. */
export const FIGURE_TABLES = ['programme', 'activity', 'event', 'decision', 'staff', 'mentoring_pair', 'course', 'risk_entry', 'risk_status_change'] as const;

const bump = (who: 'NEW' | 'OLD') =>
  `INSERT INTO figures_stamp (owner, v) VALUES (COALESCE(${who}.owner, ''), 1) ON CONFLICT (owner) DO UPDATE SET v = v + 1;`;

const triggers = FIGURE_TABLES.map((t) => `
CREATE TRIGGER figures_stamp_${t}_insert AFTER INSERT ON ${t} BEGIN ${bump('NEW')} END;
CREATE TRIGGER figures_stamp_${t}_update AFTER UPDATE ON ${t} BEGIN ${bump('NEW')}
  INSERT INTO figures_stamp (owner, v) SELECT COALESCE(OLD.owner, ''), 1 WHERE OLD.owner IS NOT NEW.owner ON CONFLICT (owner) DO UPDATE SET v = v + 1; END;
CREATE TRIGGER figures_stamp_${t}_delete AFTER DELETE ON ${t} BEGIN ${bump('OLD')} END;`).join('');

export const m0105: Migration = {
  version: 105,
  name: 'figures cache',
  sql: `
CREATE TABLE figures_stamp (owner TEXT NOT NULL PRIMARY KEY, v INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE figures_cache (kind TEXT NOT NULL, day TEXT NOT NULL, owner TEXT NOT NULL, v INTEGER NOT NULL, data TEXT,
  PRIMARY KEY (kind, day, owner)) WITHOUT ROWID;
INSERT INTO figures_stamp (owner, v) SELECT owner, 1 FROM (${FIGURE_TABLES.map((t) => `SELECT owner FROM ${t}`).join(' UNION ')}) WHERE owner IS NOT NULL;
${triggers}
`,
};
