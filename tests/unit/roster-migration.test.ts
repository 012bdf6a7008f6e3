/** Migration 0030 on a database made by 0020: the roster and the roadmap keep their rows and gain the new columns. */
import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { tempDir } from '../helpers.js';
import { openRaw, migrate } from '../../db/open.js';
import { migrations } from '../../db/migrations/index.js';

describe('migration 0030 (municipality)', () => {
  it('adds the classification to existing roster rows and the mark to existing municipal activities', () => {
    const raw = openRaw(join(tempDir(), 'm.sqlite'));
    const upTo20 = migrations.filter((m) => m.version <= 20);
    expect(migrate(raw, upTo20)).toBe(20);
    raw.prepare("INSERT INTO municipality_school (id, name, status, created_at) VALUES ('11111111-1111-4111-8111-111111111111', 'МОУ «Гаевская ООШ»', 'enrolled', '2026-01-01T00:00:00Z')").run();
    raw.prepare(`INSERT INTO municipal_activity (id, owner, origin, hlc, created_at, updated_at, title)
      VALUES ('22222222-2222-4222-8222-222222222222', 'o', 'a', '000000000000001:000000:a', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'Самоанализ причин')`).run();
    expect(migrate(raw)).toBe(migrations.at(-1)!.version);
    expect(raw.prepare('SELECT name, quality_level, social_level, quality_group, is_nor, partner_group_id FROM municipality_school').get())
      .toEqual({ name: 'МОУ «Гаевская ООШ»', quality_level: 'no_info', social_level: 'no_info', quality_group: null, is_nor: 0, partner_group_id: null });
    expect(raw.prepare('SELECT title, status, completion_mark, all_schools, roadmap_id FROM municipal_activity').get())
      .toEqual({ title: 'Самоанализ причин', status: 'planned', completion_mark: '', all_schools: 1, roadmap_id: null });
    // The new synced tables keep version vectors like the others.
    const t = "INSERT INTO partner_group (id, owner, origin, hlc, created_at, updated_at, number) VALUES ('33333333-3333-4333-8333-333333333333', 'o', 'a', '000000000000001:000000:a', 'x', 'x', 1)";
    raw.prepare(t).run();
    raw.prepare("UPDATE partner_group SET hlc = '000000000000002:000000:b', origin = 'b'").run();
    expect(JSON.parse(raw.prepare("SELECT vv FROM sync_version WHERE tbl = 'partner_group'").pluck().get() as string)).toEqual({ a: '000000000000001:000000:a', b: '000000000000002:000000:b' });
    raw.close();
  });
});
