import type { Migration } from './types.js';
import { m0010 } from './0010_initial.js';
import { m0020 } from './0020_exchange.js';
import { m0030 } from './0030_municipality.js';
import { m0040 } from './0040_municipal_work.js';
import { m0050 } from './0050_privacy.js';
import { m0060 } from './0060_recycle_bin.js';
import { m0070 } from './0070_event_files.js';
import { m0072 } from './0072_share_checks.js';
import { m0076 } from './0076_local_texts.js';
import { m0078 } from './0078_school_rows.js';
import { m0086 } from './0086_programme_archive.js';
import { m0090 } from './0090_meeting_as_written.js';
import { m0091 } from './0091_member_marks.js';
import { m0092 } from './0092_roadmap_document.js';
import { m0094 } from './0094_versions_receipts.js';
import { m0103 } from './0103_summary_indexes.js';
import { m0104 } from './0104_owner_indexes.js';
import { m0105 } from './0105_figures_cache.js';

/** Ordered, forward-only. Numbers leave gaps (0010, 0020 …) so parallel work can slot in. */
export const migrations: Migration[] = [
  m0010,
  m0020,
  m0030,
  m0040,
  m0050,
  m0060,
  m0070,
  m0072,
  m0076,
  m0078,
  m0086,
  m0090,
  m0091,
  m0092,
  m0094,
  m0103,
  m0104,
  m0105,
];

export const LATEST_VERSION = migrations[migrations.length - 1]!.version;
