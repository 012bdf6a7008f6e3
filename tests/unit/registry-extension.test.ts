/**
 * Adding a synced table takes one registry entry and one migration — this file is both, for a fixture table
 * of methodical visits to a school — and nothing else: the table travels up in a real bundle on disk, merges
 * at the municipality, has its incoming rows checked against its field rules, and is listed and searched.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { f, registerTable, unregisterTable, table, upTables } from '../../db/registry/index.js';
import { migrations } from '../../db/migrations/index.js';
import { versionTriggerSql } from '../../db/migrations/0020_exchange.js';
import { saveRecord, listRecords, removeRecord } from '../../main/services/records/records.js';
import { makePair } from './exchange-fixtures.js';

// ── the registry entry ──
const visit = table({
  name: 'fixture_visit', title: 'Методический выезд', side: 'school', travel: 'up',
  fields: {
    staff_id: f.ref('staff', 'Педагог', { pick: 'Выберите педагога' }),
    topic: f.req('Тема выезда', 300),
    kind: f.vocab('Вид', ['lesson', 'consultation'] as const, 'lesson'),
    visited_on: f.date('Дата выезда'),
    minutes: f.optInt('Продолжительность, мин', 1, 600),
    note: f.opt('Примечание', 2000),
  },
  list: { search: ['t.topic', 't.note'], filters: { kind: 't.kind', staff_id: 't.staff_id' }, sorts: { visited_on: 't.visited_on' }, defaultSort: 't.visited_on DESC' },
});

// ── the migration ──
const m9000 = {
  version: 9000, name: 'fixture_visit',
  sql: `CREATE TABLE fixture_visit (
    id TEXT PRIMARY KEY, owner TEXT NOT NULL, origin TEXT NOT NULL, hlc TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT,
    staff_id TEXT NOT NULL REFERENCES staff(id) DEFERRABLE INITIALLY DEFERRED, topic TEXT NOT NULL, kind TEXT NOT NULL DEFAULT 'lesson',
    visited_on TEXT NOT NULL, minutes INTEGER, note TEXT NOT NULL DEFAULT '');
  ${versionTriggerSql('fixture_visit')}`,
};

beforeAll(() => {
  registerTable(visit);
  migrations.push(m9000);
});
// Test files share their worker's modules: the next file must see the app's own registry and migrations.
afterAll(() => {
  unregisterTable('fixture_visit');
  if (migrations.at(-1) === m9000) migrations.pop();
});

function staffOf(p: ReturnType<typeof makePair>): string {
  return p.school.ctx.raw.prepare("SELECT id FROM staff WHERE deleted_at IS NULL ORDER BY full_name LIMIT 1").pluck().get() as string;
}

describe('a synced table added by one registry entry and a migration', () => {
  it('is validated, listed, travels up and merges by id', () => {
    const p = makePair();
    try {
      expect(upTables()).toContain('fixture_visit');
      const staffId = staffOf(p);
      // The form's rules come from the entry: Russian messages, a reference that must be live.
      expect(() => saveRecord(p.school.ctx, 'fixture_visit', { staff_id: staffId, topic: '', visited_on: '2026-11-20' })).toThrow('Заполните поле «Тема выезда»');
      expect(() => saveRecord(p.school.ctx, 'fixture_visit', { staff_id: staffId, topic: 'Урок', visited_on: '2026-02-30' })).toThrow('В поле «Дата выезда» такой даты нет: в феврале 2026 года 28 дней');
      const row = saveRecord(p.school.ctx, 'fixture_visit', { staff_id: staffId, topic: 'Посещение урока математики в 7 классе', visited_on: '2026-11-20', minutes: 45 });
      saveRecord(p.school.ctx, 'fixture_visit', { staff_id: staffId, topic: 'Консультация по ИОМ', kind: 'consultation', visited_on: '2026-11-21' });
      expect(row).toMatchObject({ kind: 'lesson', minutes: 45, note: '' });

      const found = listRecords(p.school.ctx, { entity: 'fixture_visit', search: 'МАТЕМАТИКИ', filters: {}, limit: 50, offset: 0, includeDeleted: false });
      expect(found.rows.map((r) => r.topic)).toEqual(['Посещение урока математики в 7 классе']);

      const first = p.importToMuni(p.exportSchool());
      expect(first.status).toBe('accepted');
      expect(first.byTable?.fixture_visit).toMatchObject({ new: 2 });
      const atMuni = () => p.muni.ctx.raw.prepare('SELECT topic, minutes, deleted_at FROM fixture_visit WHERE id = ?').get(row.id);
      expect(atMuni()).toEqual({ topic: 'Посещение урока математики в 7 классе', minutes: 45, deleted_at: null });

      saveRecord(p.school.ctx, 'fixture_visit', { id: row.id, staff_id: staffId, topic: 'Посещение урока алгебры в 7 классе', visited_on: '2026-11-20', minutes: 40 });
      const second = p.importToMuni(p.exportSchool());
      expect(second.byTable?.fixture_visit).toMatchObject({ updated: 1, unchanged: 1 });
      expect(atMuni()).toEqual({ topic: 'Посещение урока алгебры в 7 классе', minutes: 40, deleted_at: null });

      expect(removeRecord(p.school.ctx, 'fixture_visit', row.id)).toBe(1);
      expect(p.importToMuni(p.exportSchool()).byTable?.fixture_visit).toMatchObject({ deleted: 1 });
    } finally {
      p.close();
    }
  });

  it('refuses a signed bundle whose row breaks the field rules, naming the table and the field, and merges nothing', () => {
    const p = makePair();
    try {
      const staffId = staffOf(p);
      saveRecord(p.school.ctx, 'fixture_visit', { staff_id: staffId, topic: 'Посещение урока', visited_on: '2026-11-20' });
      // What a tampered (but validly signed) school database would send.
      p.school.ctx.raw.prepare("UPDATE fixture_visit SET kind = 'party', minutes = 100000").run();
      const out = p.importToMuni(p.exportSchool());
      expect(out.status).toBe('rejected');
      expect(out.reasonCode).toBe('bad_record');
      expect(out.reason).toContain('Методический выезд');
      expect(out.reason).toMatch(/поле «(Вид|Продолжительность, мин)»/);
      expect(p.muni.ctx.raw.prepare('SELECT COUNT(*) FROM fixture_visit').pluck().get()).toBe(0);
      expect(p.muni.ctx.raw.prepare('SELECT COUNT(*) FROM staff').pluck().get()).toBe(0);
    } finally {
      p.close();
    }
  });
});
