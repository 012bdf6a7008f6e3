/**
 * Figures users print or act on, each checked against a hand-made case on real SQLite files: the
 * municipality's dashboard and monitoring, the school's dashboard, the risk group of the school's справка.
 */
import { describe, it, expect } from 'vitest';
import { makePair } from './exchange-fixtures.js';
import { testWorkspace } from '../helpers.js';
import { includePupil, changeStatus } from '../../main/services/school/risk-group.js';
import { saveRecord } from '../../main/services/records/records.js';
import { municipalityDashboard } from '../../main/services/municipality/overview.js';
import { buildReportDoc } from '../../main/services/reports/index.js';
import { schoolDashboard } from '../../main/services/school/dashboard.js';
import { schoolReport } from '../../main/services/reports/school.js';
import { tablesOf, cellText } from '../../main/services/reports/model.js';

describe('municipality figures', () => {
  it('a bundle imported again later does not make the school’s data look fresh', () => {
    const pair = makePair();
    try {
      const path = pair.exportSchool();
      expect(pair.importToMuni(path).status).toBe('accepted');
      pair.clock.set('2027-01-30T10:00:00Z');
      const again = pair.importToMuni(path);
      expect(again.status).toBe('accepted');
      const row = municipalityDashboard(pair.muni.ctx, '2027-01-30').rows.find((r) => r.schoolId === pair.schoolId)!;
      expect(row.bundleAgeDays).toBeGreaterThan(45);
      expect(row.attention).toContain('bundleOld');
    } finally {
      pair.close();
    }
  });

  it('monitoring counts an undated activity of the period, as the school’s справка does', async () => {
    const pair = makePair();
    try {
      const s = pair.school.ctx;
      const programme = s.raw.prepare('SELECT id FROM programme WHERE deleted_at IS NULL ORDER BY year_from DESC LIMIT 1').pluck().get() as string;
      await saveRecord(s, 'activity', { programme_id: programme, number: '9.9', title: 'Постоянное консультирование педагогов', timing_kind: 'permanent', timing_text: 'Постоянно', status: 'done', completion_mark: 'Проводится' });
      pair.importToMuni(pair.exportSchool());
      const period = { from: '2026-10-01', to: '2026-12-31' };
      const mon = await buildReportDoc(pair.muni.ctx, { kind: 'monitoring', format: 'docx', ...period, today: '2026-11-25' });
      const school = await buildReportDoc(pair.muni.ctx, { kind: 'school', format: 'docx', schoolId: pair.schoolId, ...period, today: '2026-11-25' });
      const acts = tablesOf(school.doc)[0]!;
      expect(acts.rows.some((r) => cellText(r[1]!) === 'Постоянное консультирование педагогов')).toBe(true);
      const facts = schoolReport({ raw: pair.muni.ctx.raw, owner: pair.schoolId, today: '2026-11-25' }, period).facts.activities;
      const row = tablesOf(mon.doc)[0]!.rows.find((r) => cellText(r[1]!) !== 'Итого')!;
      expect(cellText(row[3]!)).toBe(`${facts.done} из ${facts.total}`);
      expect(facts.total).toBe(acts.rows.length);
    } finally {
      pair.close();
    }
  });
});

describe('school dashboard', () => {
  it('a mentoring pair that starts next month does not count as a mentor now', async () => {
    const pair = makePair({ demo: null });
    try {
      const s = pair.school.ctx;
      const mentor = await saveRecord(s, 'staff', { full_name: 'Петрова Анна Ивановна', position: 'учитель' });
      const young = await saveRecord(s, 'staff', { full_name: 'Сидоров Иван Петрович', position: 'учитель', young_specialist: 1 });
      await saveRecord(s, 'mentoring_pair', { mentor_id: mentor.id, mentee_id: young.id, reason: 'young', started_on: '2026-12-10' });
      const d = await schoolDashboard(s, '2026-11-25');
      expect(d.mentoring).toMatchObject({ needMentor: 1, withMentor: 0 });
    } finally {
      pair.close();
    }
  });
});

describe('school справка: risk group over a period', () => {
  it('counts a pupil removed in the period and returned later from the status history', async () => {
    const t = testWorkspace();
    await t.ok('workspace.createSchool', { name: 'МКОУ «Тестовая основная общеобразовательная школа»' });
    const { entryId } = await t.ok('riskGroup.include', {
      pupil: { full_name: 'Петров Пётр Петрович', birth_date: '2013-04-12', class_name: '7Б' },
      entry: { categories: ['absenteeism'], included_on: '2025-10-01', reason: 'Пропуски', responsible: 'Сидорова А. В.' },
    });
    await t.ok('riskGroup.changeStatus', { entryId, status: 'removed', changed_on: '2025-12-01', reason: 'Пропусков нет' });
    await t.ok('riskGroup.changeStatus', { entryId, status: 'included', changed_on: '2026-02-01', reason: 'Снова пропуски' });
    const ctx = t.ws.ctx();
    const figures = (from: string, to: string) => {
      const risk = tablesOf(schoolReport({ raw: ctx.raw, today: '2026-11-25' }, { from, to }).doc).find((x) => x.sheet === 'Группа риска')!;
      return risk.rows.at(-1)!.slice(1).map(Number); // на начало, включено, снято, на конец
    };
    // December–January: the pupil was taken off on 1 December and was not in the group on 31 January.
    expect(figures('2025-12-01', '2026-01-31')).toEqual([1, 0, 1, 0]);
    // February–May: returned on 1 February.
    expect(figures('2026-02-01', '2026-05-31')).toEqual([0, 1, 0, 1]);
    // The whole school year: included, taken off and returned (two inclusions, one removal), in at the end.
    expect(figures('2025-09-01', '2026-08-31')).toEqual([0, 2, 1, 1]);
  });
});

describe('monitoring: risk group on a past day', () => {
  it('does not count a pupil who was off the register on the last day of the quarter', async () => {
    const pair = makePair({ demo: null });
    try {
      const s = pair.school.ctx;
      const { entryId } = includePupil(s, { full_name: 'Петров Пётр Петрович', birth_date: '2013-04-12', class_name: '7Б' } as never,
        { categories: ['absenteeism'], included_on: '2025-10-01', reason: 'Пропуски', responsible: 'Сидорова А. В.' } as never);
      changeStatus(s, { entryId, status: 'removed', changed_on: '2025-12-01', reason: 'Пропусков нет' });
      changeStatus(s, { entryId, status: 'included', changed_on: '2026-02-01', reason: 'Снова пропуски' });
      expect(pair.importToMuni(pair.exportSchool()).status).toBe('accepted');
      const risk = async (from: string, to: string) => {
        const doc = (await buildReportDoc(pair.muni.ctx, { kind: 'monitoring', format: 'docx', from, to, today: '2026-11-25' })).doc;
        const [main, cats] = tablesOf(doc);
        return [Number(main!.rows.at(-1)![8]), cats!.rows.map((r) => r.map(cellText).join('|'))];
      };
      expect(await risk('2025-10-01', '2025-12-31')).toEqual([0, []]);
      expect(await risk('2026-01-01', '2026-03-31')).toEqual([1, ['Пропуски занятий|1|1']]);
    } finally {
      pair.close();
    }
  });
});
