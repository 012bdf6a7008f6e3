/** Migration 0020 on a database made by the previous version: rows intact, version tracking from then on. */
import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { tempDir } from '../helpers.js';
import { openRaw, migrate } from '../../db/open.js';
import { migrations } from '../../db/migrations/index.js';

describe('migration 0020 (exchange)', () => {
  it('keeps existing rows and tracks version vectors of changes made after it', () => {
    const raw = openRaw(join(tempDir(), 'old.sqlite'));
    migrate(raw, migrations.filter((m) => m.version <= 10));
    const now = '2026-01-01T00:00:00.000Z';
    const o1 = '11111111-1111-4111-8111-111111111111';
    const o2 = '22222222-2222-4222-8222-222222222222';
    raw.prepare(`INSERT INTO risk_factor (id, owner, origin, hlc, created_at, updated_at, title) VALUES ('aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa', 's', ?, ?, ?, ?, 'Фактор')`)
      .run(o1, `000001767225600000:000000:${o1}`.slice(3), now, now);
    expect(migrate(raw)).toBe(migrations[migrations.length - 1]!.version);
    expect(raw.prepare('SELECT title FROM risk_factor').pluck().get()).toBe('Фактор');
    expect(raw.prepare('SELECT COUNT(*) FROM sync_version').pluck().get()).toBe(0);
    raw.prepare(`UPDATE risk_factor SET title = 'Фактор (изм.)', origin = ?, hlc = ?`).run(o2, `001767225700000:000000:${o2}`);
    const vv = JSON.parse(raw.prepare('SELECT vv FROM sync_version').pluck().get() as string) as Record<string, string>;
    expect(Object.keys(vv).sort()).toEqual([o1, o2]);
    expect(vv[o2]).toBe(`001767225700000:000000:${o2}`);
    raw.close();
  });
});
