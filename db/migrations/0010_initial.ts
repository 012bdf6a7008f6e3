/**
 * 0010 — the school workspace: profile, the four registries and their catalogues.
 *
 * Every synced table carries the same bookkeeping columns (see SYNC_COLUMNS): a UUID that stays the
 * same on every machine, the owner (the school's or the municipality's id), the origin that made the
 * last change and a hybrid-logical-clock stamp, because bundles from machines with wrong clocks are
 * merged by id later. Deletion is a tombstone (deleted_at), never a DELETE.
 */
import type { Migration } from './types.js';

const SYNC = `id TEXT PRIMARY KEY NOT NULL,
  owner TEXT NOT NULL,
  origin TEXT NOT NULL,
  hlc TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT`;

export const m0010: Migration = {
  version: 10,
  name: 'initial',
  sql: `
CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);

CREATE TABLE school_profile (${SYNC},
  name TEXT NOT NULL,
  short_name TEXT NOT NULL DEFAULT '',
  municipality TEXT NOT NULL DEFAULT '',
  address TEXT NOT NULL DEFAULT '',
  director TEXT NOT NULL DEFAULT '',
  deputy TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  email TEXT NOT NULL DEFAULT '',
  pupils_count INTEGER,
  is_nor INTEGER NOT NULL DEFAULT 0,
  is_nsu INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE risk_factor (${SYNC},
  title TEXT NOT NULL,
  kind TEXT NOT NULL DEFAULT 'internal',
  builtin INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE programme (${SYNC},
  title TEXT NOT NULL,
  year_from INTEGER NOT NULL,
  year_to INTEGER NOT NULL,
  approval_number TEXT NOT NULL DEFAULT '',
  approval_date TEXT,
  goal TEXT NOT NULL DEFAULT ''
);

CREATE TABLE programme_task (${SYNC},
  programme_id TEXT NOT NULL REFERENCES programme(id),
  position INTEGER NOT NULL DEFAULT 0,
  text TEXT NOT NULL
);

CREATE TABLE programme_problem (${SYNC},
  programme_id TEXT NOT NULL REFERENCES programme(id),
  risk_factor_id TEXT REFERENCES risk_factor(id),
  kind TEXT NOT NULL DEFAULT 'internal',
  description TEXT NOT NULL DEFAULT ''
);

CREATE TABLE direction (${SYNC},
  programme_id TEXT NOT NULL REFERENCES programme(id),
  position INTEGER NOT NULL DEFAULT 0,
  title TEXT NOT NULL
);

CREATE TABLE activity (${SYNC},
  programme_id TEXT NOT NULL REFERENCES programme(id),
  direction_id TEXT REFERENCES direction(id),
  number TEXT NOT NULL DEFAULT '',
  title TEXT NOT NULL,
  timing_kind TEXT NOT NULL,
  timing_text TEXT NOT NULL,
  date_from TEXT,
  date_to TEXT,
  responsible TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'planned',
  completion_mark TEXT NOT NULL DEFAULT '',
  completed_on TEXT
);
CREATE INDEX activity_programme ON activity(programme_id);
CREATE INDEX activity_due ON activity(status, date_to);

CREATE TABLE indicator (${SYNC},
  programme_id TEXT NOT NULL REFERENCES programme(id),
  title TEXT NOT NULL,
  kind TEXT NOT NULL DEFAULT 'other',
  unit TEXT NOT NULL DEFAULT '',
  higher_is_better INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE indicator_value (${SYNC},
  indicator_id TEXT NOT NULL REFERENCES indicator(id),
  period TEXT NOT NULL,
  baseline REAL,
  target REAL,
  actual REAL
);
CREATE INDEX indicator_value_indicator ON indicator_value(indicator_id);

CREATE TABLE local_act (${SYNC},
  programme_id TEXT REFERENCES programme(id),
  title TEXT NOT NULL,
  kind TEXT NOT NULL DEFAULT 'Положение',
  adopted_on TEXT,
  order_number TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT ''
);

CREATE TABLE staff (${SYNC},
  full_name TEXT NOT NULL,
  position TEXT NOT NULL DEFAULT '',
  subjects TEXT NOT NULL DEFAULT '',
  category TEXT NOT NULL DEFAULT 'none',
  pedagogical_education INTEGER NOT NULL DEFAULT 1,
  education TEXT NOT NULL DEFAULT '',
  experience_years INTEGER,
  young_specialist INTEGER NOT NULL DEFAULT 0,
  newly_arrived INTEGER NOT NULL DEFAULT 0,
  hired_on TEXT,
  left_on TEXT
);

CREATE TABLE deficit (${SYNC},
  title TEXT NOT NULL,
  area TEXT NOT NULL DEFAULT '',
  builtin INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE staff_deficit (${SYNC},
  staff_id TEXT NOT NULL REFERENCES staff(id),
  deficit_id TEXT NOT NULL REFERENCES deficit(id),
  identified_on TEXT,
  method TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  resolved_on TEXT
);
CREATE INDEX staff_deficit_staff ON staff_deficit(staff_id);

CREATE TABLE mentoring_pair (${SYNC},
  mentor_id TEXT NOT NULL REFERENCES staff(id),
  mentee_id TEXT NOT NULL REFERENCES staff(id),
  reason TEXT NOT NULL,
  subject TEXT NOT NULL DEFAULT '',
  started_on TEXT NOT NULL,
  ended_on TEXT,
  plan TEXT NOT NULL DEFAULT '',
  outcome TEXT NOT NULL DEFAULT ''
);
CREATE INDEX mentoring_pair_mentee ON mentoring_pair(mentee_id);

CREATE TABLE course (${SYNC},
  staff_id TEXT NOT NULL REFERENCES staff(id),
  title TEXT NOT NULL,
  provider TEXT NOT NULL DEFAULT '',
  hours INTEGER,
  date_from TEXT,
  date_to TEXT,
  certificate TEXT NOT NULL DEFAULT ''
);
CREATE INDEX course_staff ON course(staff_id);

CREATE TABLE development_plan (${SYNC},
  staff_id TEXT NOT NULL REFERENCES staff(id),
  title TEXT NOT NULL,
  date_from TEXT,
  date_to TEXT,
  goals TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'active',
  result TEXT NOT NULL DEFAULT ''
);

-- Personal data of minors: full_name and birth_date never leave this computer (see PERSONAL_DATA in schema.ts).
CREATE TABLE pupil (${SYNC},
  full_name TEXT NOT NULL,
  birth_date TEXT,
  class_name TEXT NOT NULL DEFAULT ''
);

CREATE TABLE risk_entry (${SYNC},
  pupil_id TEXT NOT NULL REFERENCES pupil(id),
  categories TEXT NOT NULL DEFAULT '[]',
  included_on TEXT NOT NULL,
  reason TEXT NOT NULL DEFAULT '',
  responsible TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'included',
  removed_on TEXT,
  removal_reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX risk_entry_pupil ON risk_entry(pupil_id);

CREATE TABLE risk_status_change (${SYNC},
  entry_id TEXT NOT NULL REFERENCES risk_entry(id),
  status TEXT NOT NULL,
  changed_on TEXT NOT NULL,
  reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX risk_status_change_entry ON risk_status_change(entry_id);

CREATE TABLE gifted_pupil (${SYNC},
  pupil_id TEXT NOT NULL REFERENCES pupil(id),
  area TEXT NOT NULL DEFAULT '',
  included_on TEXT NOT NULL,
  responsible TEXT NOT NULL DEFAULT '',
  achievements TEXT NOT NULL DEFAULT '',
  support_plan TEXT NOT NULL DEFAULT ''
);

CREATE TABLE support_measure (${SYNC},
  target_kind TEXT NOT NULL,
  target_id TEXT NOT NULL,
  title TEXT NOT NULL,
  date_from TEXT,
  date_to TEXT,
  responsible TEXT NOT NULL DEFAULT '',
  result TEXT NOT NULL DEFAULT '',
  done INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX support_measure_target ON support_measure(target_kind, target_id);

CREATE TABLE event (${SYNC},
  title TEXT NOT NULL,
  kind TEXT NOT NULL,
  level TEXT NOT NULL,
  format TEXT NOT NULL,
  date_from TEXT NOT NULL,
  date_to TEXT,
  organiser TEXT NOT NULL DEFAULT '',
  participants_count INTEGER,
  participants TEXT NOT NULL DEFAULT '',
  outcomes TEXT NOT NULL DEFAULT ''
);
CREATE INDEX event_date ON event(date_from);

CREATE TABLE event_activity (${SYNC},
  event_id TEXT NOT NULL REFERENCES event(id),
  activity_id TEXT NOT NULL REFERENCES activity(id)
);
CREATE INDEX event_activity_event ON event_activity(event_id);

CREATE TABLE decision (${SYNC},
  event_id TEXT NOT NULL REFERENCES event(id),
  text TEXT NOT NULL,
  responsible TEXT NOT NULL DEFAULT '',
  deadline TEXT,
  done_on TEXT,
  note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX decision_event ON decision(event_id);

CREATE TABLE attachment (${SYNC},
  event_id TEXT NOT NULL REFERENCES event(id),
  file_name TEXT NOT NULL,
  mime TEXT NOT NULL DEFAULT 'application/octet-stream',
  size INTEGER NOT NULL,
  sha256 TEXT NOT NULL
);
CREATE INDEX attachment_event ON attachment(event_id);
`,
};
