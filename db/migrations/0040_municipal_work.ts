/**
 * 0040 — the municipality's own work (issue 10): its event journal (participants, agenda, conclusions,
 * proposals), groups of people, the register of documents it issues, and assignments (поручения) that go
 * down to schools and come back with the schools' marks. Tables that travel down (or up) carry no REFERENCES:
 * at the other side their parents may be rows that never travel.
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

const TABLES_0040 = [
  'mun_event', 'mun_event_school', 'mun_event_person', 'mun_agenda_item', 'mun_conclusion', 'mun_conclusion_school', 'mun_group',
  'mun_group_member', 'mun_proposal', 'mun_proposal_school', 'mun_document', 'mun_assignment', 'mun_assignment_school', 'mun_assignment_mark',
];

export const m0040: Migration = {
  version: 40,
  name: 'municipal work',
  sql: `
CREATE TABLE mun_event (${SYNC},
  kind TEXT NOT NULL DEFAULT 'meeting',
  level TEXT NOT NULL DEFAULT 'municipal',
  format TEXT NOT NULL DEFAULT 'in_person',
  date_from TEXT NOT NULL,
  date_to TEXT,
  organiser_body TEXT NOT NULL DEFAULT 'department',
  organiser TEXT NOT NULL DEFAULT '',
  topic TEXT NOT NULL,
  place TEXT NOT NULL DEFAULT '',
  summary TEXT NOT NULL DEFAULT '',
  roadmap_activity_id TEXT
);

CREATE TABLE mun_event_school (${SYNC},
  event_id TEXT NOT NULL,
  school_id TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'invited',
  note TEXT NOT NULL DEFAULT ''
);

CREATE TABLE mun_event_person (${SYNC},
  event_id TEXT NOT NULL REFERENCES mun_event(id),
  surname TEXT NOT NULL,
  first_name TEXT NOT NULL DEFAULT '',
  patronymic TEXT NOT NULL DEFAULT '',
  position TEXT NOT NULL DEFAULT '',
  organisation TEXT NOT NULL DEFAULT ''
);

CREATE TABLE mun_agenda_item (${SYNC},
  event_id TEXT NOT NULL,
  position_no INTEGER NOT NULL DEFAULT 0,
  title TEXT NOT NULL,
  speaker TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT ''
);

CREATE TABLE mun_conclusion (${SYNC},
  event_id TEXT NOT NULL,
  position_no INTEGER NOT NULL DEFAULT 0,
  text TEXT NOT NULL,
  factors TEXT NOT NULL DEFAULT '',
  all_participants INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE mun_conclusion_school (${SYNC},
  conclusion_id TEXT NOT NULL,
  school_id TEXT NOT NULL
);

CREATE TABLE mun_group (${SYNC},
  kind TEXT NOT NULL DEFAULT 'working',
  title TEXT NOT NULL,
  event_id TEXT,
  document_id TEXT,
  date_from TEXT,
  date_to TEXT,
  note TEXT NOT NULL DEFAULT ''
);

CREATE TABLE mun_group_member (${SYNC},
  group_id TEXT NOT NULL REFERENCES mun_group(id),
  position_no INTEGER NOT NULL DEFAULT 0,
  surname TEXT NOT NULL,
  first_name TEXT NOT NULL DEFAULT '',
  patronymic TEXT NOT NULL DEFAULT '',
  position TEXT NOT NULL DEFAULT '',
  organisation TEXT NOT NULL DEFAULT '',
  school_id TEXT,
  role_note TEXT NOT NULL DEFAULT '',
  leader INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE mun_proposal (${SYNC},
  event_id TEXT NOT NULL REFERENCES mun_event(id),
  position_no INTEGER NOT NULL DEFAULT 0,
  text TEXT NOT NULL,
  addressee TEXT NOT NULL DEFAULT 'all_schools',
  addressee_text TEXT NOT NULL DEFAULT '',
  group_id TEXT REFERENCES mun_group(id)
);

CREATE TABLE mun_proposal_school (${SYNC},
  proposal_id TEXT NOT NULL REFERENCES mun_proposal(id),
  school_id TEXT NOT NULL
);

CREATE TABLE mun_document (${SYNC},
  kind TEXT NOT NULL DEFAULT 'spravka',
  issuer TEXT NOT NULL DEFAULT 'department',
  number TEXT NOT NULL DEFAULT '',
  doc_date TEXT,
  place TEXT NOT NULL DEFAULT '',
  title TEXT NOT NULL,
  addressees TEXT NOT NULL DEFAULT '',
  signer_surname TEXT NOT NULL DEFAULT '',
  signer_first_name TEXT NOT NULL DEFAULT '',
  signer_patronymic TEXT NOT NULL DEFAULT '',
  signer_position TEXT NOT NULL DEFAULT '',
  executor_surname TEXT NOT NULL DEFAULT '',
  executor_first_name TEXT NOT NULL DEFAULT '',
  executor_patronymic TEXT NOT NULL DEFAULT '',
  executor_phone TEXT NOT NULL DEFAULT '',
  reply_number TEXT NOT NULL DEFAULT '',
  reply_date TEXT,
  attachments TEXT NOT NULL DEFAULT '',
  agreed TEXT NOT NULL DEFAULT '',
  event_id TEXT,
  roadmap_id TEXT,
  approves_id TEXT,
  preamble TEXT NOT NULL DEFAULT '',
  points TEXT NOT NULL DEFAULT '',
  closing TEXT NOT NULL DEFAULT '',
  sections TEXT NOT NULL DEFAULT '',
  short INTEGER NOT NULL DEFAULT 0,
  snapshot TEXT NOT NULL DEFAULT '',
  printed_at TEXT
);

CREATE TABLE mun_assignment (${SYNC},
  event_id TEXT,
  proposal_id TEXT,
  document_id TEXT,
  group_id TEXT,
  position_no INTEGER NOT NULL DEFAULT 0,
  text TEXT NOT NULL,
  responsible TEXT NOT NULL DEFAULT '',
  due_on TEXT,
  all_schools INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE mun_assignment_school (${SYNC},
  assignment_id TEXT NOT NULL,
  school_id TEXT NOT NULL
);

CREATE TABLE mun_assignment_mark (${SYNC},
  assignment_id TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'in_progress',
  done_on TEXT,
  note TEXT NOT NULL DEFAULT ''
);

CREATE INDEX mun_event_date ON mun_event(date_from);
CREATE INDEX mun_event_school_event ON mun_event_school(event_id);
CREATE INDEX mun_event_school_school ON mun_event_school(school_id);
CREATE INDEX mun_event_person_event ON mun_event_person(event_id);
CREATE INDEX mun_agenda_item_event ON mun_agenda_item(event_id);
CREATE INDEX mun_conclusion_event ON mun_conclusion(event_id);
CREATE INDEX mun_conclusion_school_conclusion ON mun_conclusion_school(conclusion_id);
CREATE INDEX mun_group_member_group ON mun_group_member(group_id);
CREATE INDEX mun_proposal_event ON mun_proposal(event_id);
CREATE INDEX mun_proposal_school_proposal ON mun_proposal_school(proposal_id);
CREATE INDEX mun_assignment_event ON mun_assignment(event_id);
CREATE INDEX mun_assignment_school_assignment ON mun_assignment_school(assignment_id);
CREATE INDEX mun_assignment_school_school ON mun_assignment_school(school_id);
CREATE INDEX mun_assignment_mark_assignment ON mun_assignment_mark(assignment_id);

${TABLES_0040.map(versionTriggerSql).join('\n')}
`,
};
