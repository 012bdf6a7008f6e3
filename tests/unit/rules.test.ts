/**
 * The rules of rules.ts one by one, on a real SQLite file: each fragment is evaluated for hand-made rows
 * around a day, and the risk group's «on day D» is checked against its own history of changes. Then the
 * flags the school's screens show and must not work out themselves (a municipal activity overdue).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { makePair, roadmapActivity, type Pair } from './exchange-fixtures.js';
import { saveRecord } from '../../main/services/records/records.js';
import { includePupil, changeStatus } from '../../main/services/school/risk-group.js';
import { markMunicipalActivity } from '../../main/services/exchange/municipal.js';
import { fromMunicipality } from '../../main/services/school/from-municipality.js';
import { rule, flag, dayOf } from '../../db/rules.js';
import { revealRows } from '../../main/services/privacy/vault.js';

const DAY = '2026-11-25';
let pair: Pair;
const raw = () => pair.school.ctx.raw;

/** The rule's 0/1 value for each row of `table` (alias t), by a label column. */
function evaluate(table: string, label: string, fragment: string, params: Record<string, string> = {}): Record<string, number> {
  const rows = raw().prepare(`SELECT t.${label} AS label, ${flag(fragment)} AS v FROM ${table} t WHERE t.deleted_at IS NULL`).all({ day: DAY, ...params }) as { label: string; v: number }[];
  return Object.fromEntries(rows.map((r) => [r.label, r.v]));
}

beforeAll(() => {
  pair = makePair({ demo: null });
});
afterAll(() => pair?.close());

describe('rules on a day', () => {
  it('a mentoring pair is current from its start to its end, a pair that starts next month is not', async () => {
    const s = pair.school.ctx;
    const a = await saveRecord(s, 'staff', { full_name: 'Наставник Анна Ивановна' });
    const subject = async (name: string, started_on: string, ended_on: string | null) => {
      const b = await saveRecord(s, 'staff', { full_name: name, young_specialist: 1 });
      await saveRecord(s, 'mentoring_pair', { mentor_id: a.id, mentee_id: b.id, reason: 'young', started_on, ended_on, subject: name });
    };
    await subject('идёт', '2026-09-01', null);
    await subject('начнётся в декабре', '2026-12-10', null);
    await subject('началась сегодня', DAY, null);
    await subject('закончилась вчера', '2025-09-01', '2026-11-24');
    await subject('заканчивается сегодня', '2025-09-01', DAY);
    expect(evaluate('mentoring_pair', 'subject', rule.pairCurrent('t'))).toEqual({
      'идёт': 1, 'начнётся в декабре': 0, 'началась сегодня': 1, 'закончилась вчера': 0, 'заканчивается сегодня': 1,
    });
    expect(evaluate('mentoring_pair', 'subject', rule.pairInPeriod('t'), { from: '2026-09-01', to: '2026-11-30' })).toMatchObject({ 'начнётся в декабре': 0, 'закончилась вчера': 1 });
    const needs = evaluate('staff', 'full_name', rule.staffNeedsMentor('t'));
    expect(needs).toMatchObject({ 'идёт': 0, 'начнётся в декабре': 1, 'закончилась вчера': 1, 'Наставник Анна Ивановна': 0 });
  });

  it('a teacher works from the hire date to the day before dismissal', async () => {
    const s = pair.school.ctx;
    for (const [full_name, hired_on, left_on] of [
      ['Работает Иван', '2020-09-01', null], ['Принят в декабре', '2026-12-01', null], ['Уволен сегодня', '2020-09-01', DAY],
      ['Увольняется завтра', '2020-09-01', '2026-11-26'], ['Без дат', null, null],
    ] as const) await saveRecord(s, 'staff', { full_name, hired_on, left_on, newly_arrived: 1 });
    expect(evaluate('staff', 'full_name', rule.staffWorking('t'))).toMatchObject({ 'Работает Иван': 1, 'Принят в декабре': 0, 'Уволен сегодня': 0, 'Увольняется завтра': 1, 'Без дат': 1 });
    expect(evaluate('staff', 'full_name', rule.staffNotLeft('t'))).toMatchObject({ 'Принят в декабре': 1, 'Уволен сегодня': 0 });
    expect(evaluate('staff', 'full_name', rule.staffMentorDue('t'))).toMatchObject({ 'Работает Иван': 1, 'Принят в декабре': 0 });
  });

  it('an activity is overdue when it is open and its date is behind; undated ones touch every period', async () => {
    const s = pair.school.ctx;
    const programme = await saveRecord(s, 'programme', { title: 'Программа', year_from: 2025, year_to: 2027 });
    for (const [title, status, date_to, mark] of [
      ['вчера, в работе', 'in_progress', '2026-11-24', ''], ['сегодня, запланировано', 'planned', DAY, ''], ['вчера, выполнено', 'done', '2026-11-24', 'Сделано'],
      ['вчера, отменено', 'cancelled', '2026-11-24', ''], ['без даты', 'planned', null, ''],
    ] as const) await saveRecord(s, 'activity', { programme_id: programme.id, title, timing_kind: 'deadline', timing_text: 'срок', status, date_to, completion_mark: mark });
    expect(evaluate('activity', 'title', rule.activityOverdue('t'))).toEqual({ 'вчера, в работе': 1, 'сегодня, запланировано': 0, 'вчера, выполнено': 0, 'вчера, отменено': 0, 'без даты': 0 });
    expect(evaluate('activity', 'title', rule.activityInPlan('t'))).toMatchObject({ 'вчера, отменено': 0, 'вчера, выполнено': 1 });
    expect(evaluate('activity', 'title', rule.activityInPeriod('t'), { from: '2027-01-01', to: '2027-03-31' })).toMatchObject({ 'без даты': 1, 'вчера, в работе': 0 });
    // «В течение 2020 г. и последующий период»: a start and no end — in every period from 2020 on, not before.
    await saveRecord(s, 'activity', { programme_id: programme.id, title: 'с 2020 и далее', timing_kind: 'permanent', timing_text: 'В течение 2020 г. и последующий период', status: 'in_progress', date_from: '2020-01-01', date_to: null });
    expect(evaluate('activity', 'title', rule.activityInPeriod('t'), { from: '2026-09-01', to: '2027-08-31' })).toMatchObject({ 'с 2020 и далее': 1 });
    expect(evaluate('activity', 'title', rule.activityInPeriod('t'), { from: '2019-09-01', to: '2019-12-31' })).toMatchObject({ 'с 2020 и далее': 0 });
  });

  it('a decision is overdue when not done and past its deadline; courses and events count when their dates overlap the period', async () => {
    const s = pair.school.ctx;
    const ev = await saveRecord(s, 'event', { title: 'Курсы в ИРО', kind: 'course', level: 'regional', format: 'online', date_from: '2026-08-25', date_to: '2026-09-05' });
    for (const [text, deadline, done_on] of [['просрочено', '2026-11-24', null], ['исполнено поздно', '2026-11-01', '2026-11-20'], ['срок сегодня', DAY, null], ['без срока', null, null]] as const) {
      await saveRecord(s, 'decision', { event_id: ev.id, text, responsible: 'Завуч', deadline, done_on });
    }
    expect(evaluate('decision', 'text', rule.decisionOverdue('t'))).toEqual({ 'просрочено': 1, 'исполнено поздно': 0, 'срок сегодня': 0, 'без срока': 0 });
    expect(evaluate('event', 'title', rule.eventInPeriod('t'), { from: '2026-09-01', to: '2027-08-31' })).toEqual({ 'Курсы в ИРО': 1 });
    const who = await saveRecord(s, 'staff', { full_name: 'Слушатель курсов' });
    await saveRecord(s, 'course', { staff_id: who.id, title: 'без дат' });
    await saveRecord(s, 'course', { staff_id: who.id, title: 'август–сентябрь', date_from: '2026-08-25', date_to: '2026-09-05' });
    expect(evaluate('course', 'title', rule.courseInPeriod('t'), { from: '2026-09-01', to: '2027-08-31' })).toEqual({ 'без дат': 0, 'август–сентябрь': 1 });
  });

  it('dayOf is the local calendar day', () => {
    expect(dayOf(new Date(2026, 10, 25, 0, 30))).toBe('2026-11-25');
    expect(dayOf(new Date(2026, 10, 25, 23, 59))).toBe('2026-11-25');
  });
});

describe('the risk group on a day, from the status history', () => {
  const days = Array.from({ length: 18 }, (_, i) => `${2025 + Math.floor((8 + i) / 12)}-${String(((8 + i) % 12) + 1).padStart(2, '0')}-15`);

  it('agrees with the changes it is made of, on every day, for returned pupils and for removals missing from the history', () => {
    const s = pair.school.ctx;
    const pupil = (name: string, included_on: string) =>
      includePupil(s, { full_name: name, class_name: '7А', birth_date: null } as never, { categories: ['absenteeism'], included_on, reason: 'ППк', responsible: '' } as never).entryId;
    const returned = pupil('Вернувшийся', '2025-10-01');
    changeStatus(s, { entryId: returned, status: 'removed', changed_on: '2025-12-01', reason: 'Снят' });
    changeStatus(s, { entryId: returned, status: 'included', changed_on: '2026-02-01', reason: 'Вернулся' });
    const twice = pupil('Дважды снятый', '2025-09-20');
    changeStatus(s, { entryId: twice, status: 'removed', changed_on: '2025-11-10', reason: 'Снят' });
    changeStatus(s, { entryId: twice, status: 'included', changed_on: '2026-01-20', reason: 'Вернулся' });
    changeStatus(s, { entryId: twice, status: 'removed', changed_on: '2026-04-30', reason: 'Снят снова' });
    pupil('Новый', '2026-10-01');
    // A file from before the status history kept every change: the removal only in the entry itself.
    const old = pupil('Снят без истории', '2025-09-10');
    s.raw.prepare("UPDATE risk_entry SET status = 'removed', removed_on = '2026-03-01' WHERE id = ?").run(old);

    const expected: Record<string, (d: string) => boolean> = {
      'Вернувшийся': (d) => (d >= '2025-10-01' && d < '2025-12-01') || d >= '2026-02-01',
      'Дважды снятый': (d) => (d >= '2025-09-20' && d < '2025-11-10') || (d >= '2026-01-20' && d < '2026-04-30'),
      'Новый': (d) => d >= '2026-10-01',
      'Снят без истории': (d) => d >= '2025-09-10' && d < '2026-03-01',
    };
    const stmt = s.raw.prepare(`SELECT p.full_name AS name, ${flag(rule.riskEntryActive('t'))} AS active, ${flag(rule.riskEntryRemoved('t'))} AS removed,
      ${rule.riskChangesInPeriod('t', 'included')} AS included, ${rule.riskChangesInPeriod('t', 'removed')} AS removals
      FROM risk_entry t JOIN pupil p ON p.id = t.pupil_id WHERE t.deleted_at IS NULL`);
    for (const day of days) {
      for (const r of revealRows(s.raw, stmt.all({ day, from: '2000-01-01', to: day }) as { name: string; active: number; removed: number; included: number; removals: number }[])) {
        const inGroup = expected[r.name]!(day);
        expect({ name: r.name, day, active: r.active }).toEqual({ name: r.name, day, active: inGroup ? 1 : 0 });
        // On the day, the pupil is in the group exactly when the inclusions so far outnumber the removals.
        expect(r.included - r.removals).toBe(r.active);
        expect(r.removed).toBe(!inGroup && r.included > 0 ? 1 : 0);
      }
    }
  });
});

describe('flags the school’s screens show', () => {
  it('a municipal roadmap activity is overdue for the school until the school marks it', async () => {
    expect(pair.importToMuni(pair.exportSchool()).status).toBe('accepted');
    const m = pair.muni.ctx;
    const past = roadmapActivity(m, { number: '1', title: 'Семинар для школ с НОР', timing_text: 'до 20.11.2026', date_to: '2026-11-20' });
    const marked = roadmapActivity(m, { number: '2', title: 'Мониторинг ВПР', timing_text: 'до 15.11.2026', date_to: '2026-11-15' });
    roadmapActivity(m, { number: '3', title: 'Методический день', timing_text: 'до 20.12.2026', date_to: '2026-12-20' });
    roadmapActivity(m, { number: '4', title: 'Методический десант', timing_text: 'В течение года' });
    for (const f of pair.exportMuni(pair.schoolId)) expect(pair.importToSchool(f).status).toBe('accepted');
    markMunicipalActivity(pair.school.ctx, { activityId: marked, status: 'done', completion_mark: 'Проведён 14.11.2026' });
    const flags = Object.fromEntries(fromMunicipality(pair.school.ctx).activities.map((a) => [a.number, a.overdue]));
    expect(flags).toEqual({ 1: 1, 2: 0, 3: 0, 4: 0 });
    markMunicipalActivity(pair.school.ctx, { activityId: past, status: 'in_progress', completion_mark: '' });
    expect(fromMunicipality(pair.school.ctx).activities.find((a) => a.id === past)!.overdue).toBe(1);
  });
});

describe('the day is always a parameter', () => {
  it('no service asks SQLite for today', () => {
    const found: string[] = [];
    const walk = (dir: string) => {
      for (const f of readdirSync(dir)) {
        const p = join(dir, f);
        if (statSync(p).isDirectory()) walk(p);
        else if (p.endsWith('.ts') && /date\(\s*'now'/.test(readFileSync(p, 'utf8'))) found.push(p);
      }
    };
    walk('main');
    walk('db');
    expect(found).toEqual([]);
  });
});
