/**
 * 0030 — what the municipality keeps about its schools and its own programme (seeds 001, 002, 004), on
 * top of the exchange's tables from 0020:
 * - the roster's classification, added to municipality_school (0020's roster, keyed by the school's id —
 *   the owner of every record that school sends): cluster, quality group (ГК) and group by the social
 *   well-being index (ГИСБШ) with their levels, НОР / НСУ, pilot site and its base site, partner group and
 *   whether the school is that group's resource centre, curator;
 * - partner groups by territory, curators, the municipal coordination group;
 * - the municipal roadmap: its header here, its activities in 0020's municipal_activity (extended with the
 *   municipality's own completion mark), and the schools each activity concerns. The schools' marks are
 *   0020's municipal_activity_mark, owned by the school; curators' comments are 0020's curator_comment.
 *
 * Levels are codes: low (н), below (н/с), mid (с), above (в/с), high (в), no_info («нет информации»),
 * no_graduates («нет выпускников»); a group number is NULL when its level says why it is unknown.
 */
import type { Migration } from './types.js';
import { versionTriggerSql } from './0020_exchange.js';

const SYNC = `id TEXT PRIMARY KEY NOT NULL,
  owner TEXT NOT NULL,
  origin TEXT NOT NULL,
  hlc TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT`;

export const m0030: Migration = {
  version: 30,
  name: 'municipality',
  sql: `
CREATE TABLE partner_group (${SYNC},
  number INTEGER NOT NULL,
  title TEXT NOT NULL DEFAULT '',
  territory TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT ''
);

CREATE TABLE curator (${SYNC},
  full_name TEXT NOT NULL,
  position TEXT NOT NULL DEFAULT '',
  organisation TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  email TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT ''
);

ALTER TABLE municipality_school ADD COLUMN short_name TEXT NOT NULL DEFAULT '';
ALTER TABLE municipality_school ADD COLUMN cluster INTEGER;
ALTER TABLE municipality_school ADD COLUMN quality_group INTEGER;
ALTER TABLE municipality_school ADD COLUMN quality_level TEXT NOT NULL DEFAULT 'no_info';
ALTER TABLE municipality_school ADD COLUMN social_group INTEGER;
ALTER TABLE municipality_school ADD COLUMN social_level TEXT NOT NULL DEFAULT 'no_info';
ALTER TABLE municipality_school ADD COLUMN is_nor INTEGER NOT NULL DEFAULT 0;
ALTER TABLE municipality_school ADD COLUMN is_nsu INTEGER NOT NULL DEFAULT 0;
ALTER TABLE municipality_school ADD COLUMN is_pilot INTEGER NOT NULL DEFAULT 0;
ALTER TABLE municipality_school ADD COLUMN base_site TEXT NOT NULL DEFAULT '';
ALTER TABLE municipality_school ADD COLUMN partner_group_id TEXT REFERENCES partner_group(id);
ALTER TABLE municipality_school ADD COLUMN is_resource_centre INTEGER NOT NULL DEFAULT 0;
ALTER TABLE municipality_school ADD COLUMN curator_id TEXT REFERENCES curator(id);
ALTER TABLE municipality_school ADD COLUMN roster_note TEXT NOT NULL DEFAULT '';
ALTER TABLE municipality_school ADD COLUMN roster_updated_at TEXT;

CREATE TABLE coordination_member (${SYNC},
  position_no INTEGER NOT NULL DEFAULT 0,
  full_name TEXT NOT NULL,
  position TEXT NOT NULL DEFAULT '',
  organisation TEXT NOT NULL DEFAULT '',
  role TEXT NOT NULL DEFAULT 'member'
);

CREATE TABLE roadmap (${SYNC},
  title TEXT NOT NULL,
  year_from INTEGER NOT NULL,
  year_to INTEGER NOT NULL,
  approval_number TEXT NOT NULL DEFAULT '',
  approval_date TEXT,
  goals TEXT NOT NULL DEFAULT '',
  tasks TEXT NOT NULL DEFAULT ''
);

-- municipal_activity travels down to schools (0020's DOWN_TABLES), where no roadmap row exists: no REFERENCES.
ALTER TABLE municipal_activity ADD COLUMN roadmap_id TEXT;
ALTER TABLE municipal_activity ADD COLUMN status TEXT NOT NULL DEFAULT 'planned';
ALTER TABLE municipal_activity ADD COLUMN completion_mark TEXT NOT NULL DEFAULT '';
ALTER TABLE municipal_activity ADD COLUMN completed_on TEXT;
ALTER TABLE municipal_activity ADD COLUMN all_schools INTEGER NOT NULL DEFAULT 1;

-- The schools a municipal activity concerns when it does not concern all of them.
CREATE TABLE municipal_activity_school (${SYNC},
  activity_id TEXT NOT NULL REFERENCES municipal_activity(id),
  school_id TEXT NOT NULL
);
CREATE INDEX municipal_activity_school_activity ON municipal_activity_school(activity_id);
CREATE INDEX municipal_activity_school_school ON municipal_activity_school(school_id);

${['partner_group', 'curator', 'coordination_member', 'roadmap', 'municipal_activity_school'].map(versionTriggerSql).join('\n')}
`,
};
