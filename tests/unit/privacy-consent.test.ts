/** Consent for health data, automatic erasure after the period (statistics intact), the access log, «Что хранится о ребёнке». */
import { describe, it, expect } from 'vitest';
import { testWorkspace } from '../helpers.js';
import { eraseExpired, eraseAfter } from '../../main/services/privacy/erasure.js';
import { riskGroupOn } from '../../main/services/school/figures.js';
import { ownerId } from '../../main/services/core/writer.js';
import { readDocx as parseDocx } from './report-reader.js';

const school = { name: 'МКОУ «Тестовая основная общеобразовательная школа»' };
const pupil = { full_name: 'Лебедев Дмитрий Андреевич', birth_date: '2014-03-20', class_name: '6А' };
const entry = { categories: ['disability' as const], included_on: '2026-09-15', reason: 'Заключение ПМПК', responsible: '' };

function clockAt(iso: string) {
  const c = { t: new Date(iso) };
  return { c, now: () => c.t };
}

describe('согласие на обработку сведений о здоровье', () => {
  it('без согласия сведения о здоровье не принимаются, запись отмечена; с согласием — принимаются; отзыв их стирает', async () => {
    const t = testWorkspace();
    await t.ok('workspace.createSchool', school);
    const refused = await t.call('riskGroup.include', { pupil, entry: { ...entry, health_details: 'Нарушение слуха' } });
    expect(refused).toMatchObject({ ok: false, code: 'consent_required', fieldErrors: { health_details: expect.any(String) } });
    const { entryId } = await t.ok('riskGroup.include', { pupil, entry });
    expect((await t.ok('privacy.consentMissing', {})).count).toBe(1);
    const e = await t.ok('records.get', { entity: 'risk_entry', id: entryId });
    const edit = { id: entryId, pupil_id: String(e.pupil_id), categories: ['disability' as const], included_on: '2026-09-15', reason: 'Заключение ПМПК', responsible: '', health_details: 'Нарушение слуха' };
    expect(await t.call('records.save', { entity: 'risk_entry', value: edit })).toMatchObject({ ok: false, code: 'consent_required' });

    const consent = await t.ok('records.save', { entity: 'consent', value: { entry_id: entryId, given_by: 'Лебедева Ольга Петровна', form: 'written', given_on: '2026-09-16', scope: 'Сведения об ОВЗ для психолого-педагогической помощи', withdrawn_on: null } });
    expect(consent.given_by).toBe('Лебедева Ольга Петровна');
    expect(t.ws.ctx().raw.prepare('SELECT given_by FROM consent').pluck().get()).toMatch(/^enc1:/);
    expect((await t.ok('privacy.consentMissing', {})).count).toBe(0);
    const saved = await t.ok('records.save', { entity: 'risk_entry', value: edit });
    expect(saved.health_details).toBe('Нарушение слуха');
    expect(t.ws.ctx().raw.prepare('SELECT health_details FROM risk_entry').pluck().get()).toMatch(/^enc1:/);

    // the consent is withdrawn: the health details go, the entry is flagged again
    await t.ok('records.save', { entity: 'consent', value: { id: String(consent.id), entry_id: entryId, given_by: 'Лебедева Ольга Петровна', form: 'written', given_on: '2026-09-16', scope: 'Сведения об ОВЗ', withdrawn_on: '2026-11-20' } });
    expect((await t.ok('records.get', { entity: 'risk_entry', id: entryId })).health_details).toBe('');
    expect((await t.ok('privacy.consentMissing', {})).count).toBe(1);

    // the consent stays on the school's computer
    const { tableSpec } = await import('../../db/registry/index.js');
    expect(tableSpec('consent').travel).toBe('stays');

    const form = await t.ok('privacy.consentForm', { entryId });
    const doc = await parseDocx(Buffer.from(form.dataBase64, 'base64'));
    expect(doc.allText).toContain('(Лебедев Дмитрий Андреевич, 20.03.2014 г. р., 6А класс)');
    expect(doc.allText).toContain('152-ФЗ');
  });
});

describe('срок хранения и стирание', () => {
  it('ФИО и дата рождения снятого с учёта стираются после конца учебного года, следующего за ближайшим; численность на месте', async () => {
    const { c, now } = clockAt('2026-11-25T10:00:00');
    const t = testWorkspace(now);
    await t.ok('workspace.createSchool', school);
    const { entryId, pupilId } = await t.ok('riskGroup.include', { pupil, entry: { ...entry, categories: ['absenteeism'] } });
    await t.ok('riskGroup.changeStatus', { entryId, status: 'removed', changed_on: '2026-12-20', reason: 'Посещает регулярно' });
    expect(eraseAfter('2026-12-20', 2)).toBe('2029-08-31');
    c.t = new Date('2027-01-10T10:00:00');
    const plan = await t.ok('privacy.erasure.plan', {});
    expect(plan.pupils).toEqual([{ pupilId, name: pupil.full_name, className: '6А', leftOn: '2026-12-20', eraseAfter: '2029-08-31' }]);
    const before = riskGroupOn(t.ws.ctx(), ownerId(t.ws.ctx()), '2026-10-01');
    expect(eraseExpired(t.ws.ctx())).toBe(0);
    c.t = new Date('2029-09-01T08:00:00');
    // the workspace runs it on its own once a day
    expect((await t.ok('records.list', { entity: 'pupil' })).rows[0]!.full_name).toBe('');
    const p = t.ws.ctx().raw.prepare('SELECT full_name, birth_date, class_name, deleted_at FROM pupil WHERE id = ?').get(pupilId);
    expect(p).toEqual({ full_name: '', birth_date: null, class_name: '6А', deleted_at: null });
    expect(riskGroupOn(t.ws.ctx(), ownerId(t.ws.ctx()), '2026-10-01')).toEqual(before);
    expect((await t.ok('privacy.erasure.plan', {})).pupils).toEqual([]);
    expect((await t.ok('privacy.accessLog', {})).some((a) => a.action === 'erase' && a.detail === 'истёк срок хранения')).toBe(true);
  });

  it('по запросу — сразу, но только если обучающийся ни в одном списке', async () => {
    const t = testWorkspace();
    await t.ok('workspace.createSchool', school);
    const { entryId, pupilId } = await t.ok('riskGroup.include', { pupil, entry: { ...entry, categories: ['absenteeism'] } });
    expect(await t.call('privacy.erasure.erase', { pupilId })).toMatchObject({ ok: false, code: 'still_listed' });
    await t.ok('riskGroup.changeStatus', { entryId, status: 'removed', changed_on: '2026-11-20', reason: 'Посещает регулярно' });
    await t.ok('privacy.erasure.erase', { pupilId });
    expect((await t.ok('records.get', { entity: 'risk_entry', id: entryId })).pupil_name).toBe('');
  });
});

describe('журнал доступа и «Что хранится о ребёнке»', () => {
  it('открытие карточки и печать записываются с именем пользователя ОС; справка перечисляет всё', async () => {
    const t = testWorkspace();
    await t.ok('workspace.createSchool', school);
    const { entryId, pupilId } = await t.ok('riskGroup.include', { pupil, entry: { ...entry, categories: ['absenteeism'] } });
    await t.ok('records.get', { entity: 'risk_entry', id: entryId });
    const report = await t.ok('privacy.pupilReport', { pupilId });
    const log = await t.ok('privacy.accessLog', {});
    expect(log.map((a) => [a.action, a.pupil])).toEqual([['print', 'обучающийся № 1'], ['open_card', 'обучающийся № 1']]);
    expect(log[0]!.user.length).toBeGreaterThan(0);
    expect(JSON.stringify(log)).not.toContain('Лебедев');
    const doc = await parseDocx(Buffer.from(report.dataBase64, 'base64'));
    for (const s of ['Лебедев Дмитрий Андреевич', '20.03.2014', 'Пропуски занятий', 'Заключение ПМПК', 'обучающийся № 1', 'открыта карточка']) expect(doc.allText).toContain(s);
    // the log is local: no table of the exchange holds it
    const { upTables, downTables } = await import('../../db/registry/index.js');
    expect([...upTables(), ...downTables()]).not.toContain('access_log');
  });
});
