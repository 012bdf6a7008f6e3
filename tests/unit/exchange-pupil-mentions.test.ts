/**
 * Issue 9: a pupil's name or birth date typed into free text never leaves the school. The export is refused
 * with the records to fix; one call replaces the names by the pupils' codes; then the bundle goes, and its
 * decrypted contents hold neither the name nor the birth date.
 */
import { describe, it, expect, afterEach } from 'vitest';
import { readFileSync } from 'node:fs';
import { updateSchoolProfile } from '../../main/services/core/school-profile.js';
import { makePair, type Pair } from './exchange-fixtures.js';
import { includePupil as includeInRisk } from '../../main/services/school/risk-group.js';
import { exportToFolder, replacePupilMentions, findPupilMentions, ensureIdentity, openContainer, unpackEntries } from '../../main/services/exchange/index.js';
import { AppError } from '../../main/services/core/errors.js';
import { tempDir, refusal } from '../helpers.js';
import { saveRecord } from '../../main/services/records/records.js';

let p: Pair;
afterEach(() => p?.close());

const NAME = 'Лебедев Дмитрий Андреевич';
const reason = 'Лебедев Дмитрий, 20.03.2014 г.р., пропускает уроки; со слов Д. Лебедева — болел';

/** The pupil in the risk group with the text in its reason (which stays at the school), and the same text in a journal event's outcomes (which travels). */
function setUp() {
  p = makePair({ demo: null });
  updateSchoolProfile(p.school.ctx, { director: 'Петрова Анна Ивановна' } as never);
  const ids = includeInRisk(p.school.ctx, { full_name: NAME, birth_date: '2014-03-20', class_name: '5А' },
    { categories: ['absenteeism'], included_on: '2026-09-15', reason, responsible: 'Сидорова А. В.' });
  const event = saveRecord(p.school.ctx, 'event', { title: 'Совет профилактики', kind: 'meeting', level: 'school', format: 'in_person', date_from: '2026-10-01', outcomes: reason });
  return { ...ids, eventId: event.id as string };
}

describe('pupil names and birth dates in outgoing free text', () => {
  it('refuses the export, names the record and the field (not the pupil), writes no file', () => {
    setUp();
    const dir = tempDir();
    const e = refusal(() => exportToFolder(p.school.ctx, dir));
    expect(e.code).toBe('pupil_mentions');
    expect(e.message).toMatch(/Выгрузка не записана/);
    expect(e.message).toMatch(/Мероприятие журнала «Совет профилактики» — поле «Итоги»/);
    // The risk entry's reason and its status history never leave the school (registry: local), so they are not in the way.
    expect(e.message).not.toMatch(/Основание постановки|Изменение статуса/);
    expect(e.message).not.toMatch(/Лебедев|Дмитрий|20\.03\.2014/);
    expect(p.school.ctx.raw.prepare('SELECT COUNT(*) FROM exchange_export').pluck().get()).toBe(0);
  });

  it('one-click replacement, then the export passes and the decrypted bundle has neither name nor birth date', () => {
    const { eventId } = setUp();
    expect(replacePupilMentions(p.school.ctx, ensureIdentity(p.school.ctx).ownerId)).toBe(1);
    const fixed = p.school.ctx.raw.prepare('SELECT outcomes FROM event WHERE id = ?').pluck().get(eventId);
    expect(fixed).toBe('обучающийся № 1, дата рождения не указывается г.р., пропускает уроки; со слов обучающегося № 1 — болел');
    expect(findPupilMentions(p.school.ctx, ensureIdentity(p.school.ctx).ownerId)).toEqual([]);
    const path = p.exportSchool();
    const bytes = readFileSync(path);
    const plain = [...unpackEntries(openContainer(bytes), ensureIdentity(p.muni.ctx).keys.encryptPrivate).values()].map((b) => b.toString('utf8')).join('\n');
    expect(plain).toContain('пропускает уроки');
    for (const s of ['Лебедев', 'лебедев', 'Дмитрий', '20.03.2014', '2014-03-20']) expect(plain, s).not.toContain(s);
    expect(p.importToMuni(path).status).toBe('accepted');
  });

  it('a tombstoned record still travels, so it is checked and fixed too', async () => {
    const { eventId } = setUp();
    const { removeRecord } = await import('../../main/services/records/records.js');
    // The event goes to the bin: the tombstone keeps its text, and travels.
    removeRecord(p.school.ctx, 'event', eventId);
    expect(refusal(() => exportToFolder(p.school.ctx, tempDir())).message).toMatch(/\(удалённая\)/);
    replacePupilMentions(p.school.ctx, ensureIdentity(p.school.ctx).ownerId);
    expect(p.school.ctx.raw.prepare('SELECT deleted_at IS NOT NULL FROM event WHERE id = ?').pluck().get(eventId)).toBe(1);
    expect(() => p.exportSchool()).not.toThrow();
  });
});

describe('the school справка, printed for the municipality', () => {
  it('is refused while a pupil is named in its text, and built once the names are replaced', async () => {
    const ids = setUp();
    const { buildReportDoc } = await import('../../main/services/reports/index.js');
    const ctx = p.school.ctx;
    const programme = saveRecord(ctx, 'programme', { title: 'Программа (вымышленная)', year_from: 2025, year_to: 2027 });
    saveRecord(ctx, 'activity', {
      programme_id: programme.id, title: 'Индивидуальная работа', timing_kind: 'deadline', timing_text: 'до 20.11.2026',
      date_to: '2026-11-20', status: 'done', completion_mark: 'Проведены занятия с Д. Лебедевым, 5А',
    });
    const req = { kind: 'school' as const, format: 'docx' as const, from: '2026-09-01', to: '2026-11-30' };
    const e = await buildReportDoc(ctx, req).then(() => null, (x: unknown) => x);
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).message).toMatch(/^Справка не построена: .*обучающегося/s);
    expect((e as AppError).message).not.toMatch(/Лебедев/);
    expect(replacePupilMentions(ctx, ensureIdentity(ctx).ownerId)).toBeGreaterThan(0);
    const { doc } = await buildReportDoc(ctx, req);
    const text = JSON.stringify(doc);
    expect(text).toContain('обучающийся № 1');
    expect(text).not.toMatch(/Лебедев/);
    void ids;
  });
});
