/**
 * The export's privacy message can be acted on (issue 19, item 7): the code it names («обучающийся № 5») is in
 * the risk-group list and card and finds the record in the list's search; the review says whose code a marked
 * name is and where the record is; «Заменить кодом» writes the code in the case the name stood in.
 */
import { describe, it, expect, afterEach } from 'vitest';
import { makePair, type Pair } from './exchange-fixtures.js';
import { includePupil } from '../../main/services/school/risk-group.js';
import { saveRecord, listRecords, getRecord } from '../../main/services/records/records.js';
import { outgoingReview, replaceInValue, ensureIdentity } from '../../main/services/exchange/index.js';
import { pupilCodes } from '../../main/services/privacy/people.js';
import { searchAll } from '../../main/services/records/search.js';

const pairs: Pair[] = [];
afterEach(() => {
  while (pairs.length) pairs.pop()!.close();
});

const PUPILS = [
  'Лебедев Дмитрий Андреевич', 'Кузнецова Анна Сергеевна', 'Соколов Артём Игоревич', 'Морозова Дарья Павловна', 'Волков Никита Олегович',
  'Павлова Софья Ильинична', 'Семёнов Егор Викторович', 'Голубева Полина Андреевна', 'Виноградов Кирилл Романович', 'Богданова Алиса Денисовна',
  'Фёдоров Максим Алексеевич', 'Орлова Ксения Евгеньевна', 'Киселёв Иван Петрович', 'Макарова Вера Николаевна', 'Андреев Тимур Русланович',
];

function setUp() {
  const p = makePair({ demo: null });
  pairs.push(p);
  const ctx = p.school.ctx;
  const entries = PUPILS.map((full_name, i) => includePupil(ctx, { full_name, birth_date: null, class_name: `${5 + (i % 4)}А` },
    { categories: ['absenteeism'], included_on: '2026-09-15', reason: 'Пропуски без уважительной причины', responsible: 'Сидорова А. В.' }).entryId as string);
  // The code is the pupil's place in creation order (one fixed clock here: then by id), read as the exchange reads it.
  const codes = pupilCodes(ctx);
  const pupilOf = (entry: string) => ctx.raw.prepare('SELECT pupil_id FROM risk_entry WHERE id = ?').pluck().get(entry) as string;
  const code = (i: number) => codes.get(pupilOf(entries[i]!))!;
  const withNumber = (n: number) => PUPILS[entries.findIndex((e) => codes.get(pupilOf(e)) === `обучающийся № ${n}`)]!;
  return { p, ctx, entries, code, withNumber, owner: ensureIdentity(ctx).ownerId };
}

describe('код обучающегося', () => {
  it('в списке и карточке группы риска; «№ 5» и «обучающийся № 1» в поиске находят ровно эту запись', () => {
    const { ctx, entries, code, withNumber } = setUp();
    const list = listRecords(ctx, { entity: 'risk_entry', search: '', filters: {}, offset: 0, limit: 50, includeDeleted: false });
    expect(list.rows.map((r) => `обучающийся № ${r.pupil_code}`).sort()).toEqual(entries.map((_, i) => code(i)).sort());
    expect(`обучающийся № ${getRecord(ctx, 'risk_entry', entries[4]!).pupil_code}`).toBe(code(4));
    for (const [query, n] of [['№ 5', 5], ['№5', 5], ['обучающийся № 1', 1], ['Обучающаяся № 12', 12]] as const) {
      const found = listRecords(ctx, { entity: 'risk_entry', search: query, filters: {}, offset: 0, limit: 50, includeDeleted: false });
      expect(found.rows.map((r) => r.pupil_name), query).toEqual([withNumber(n)]);
    }
    // the header's search across everything finds the pupil's record by the code too
    const hits = searchAll(ctx, '№ 5');
    expect(hits.filter((h) => h.table === 'risk_entry')).toEqual([{ table: 'risk_entry', kindTitle: 'Запись группы риска', id: entries[PUPILS.indexOf(withNumber(5))], title: 'обучающийся № 5', school: null }]);
    // a bare number is still the class
    expect(listRecords(ctx, { entity: 'risk_entry', search: '5', filters: {}, offset: 0, limit: 50, includeDeleted: false }).total).toBe(4);
  });

  it('«Что уходит» называет код выделенного и запись, где его найти; «Заменить кодом» ставит код в нужный падеж', () => {
    const { ctx, entries, owner, code } = setUp();
    const as = (i: number, form: string) => code(i).replace('обучающийся', form);
    const ev = (outcomes: string) => saveRecord(ctx, 'event', { title: 'Совет профилактики', kind: 'meeting', level: 'school', format: 'in_person', date_from: '2026-10-01', outcomes }).id as string;
    const withPupil = ev('Проведена беседа с Лебедевым Дмитрием и его родителями');
    const r = outgoingReview(ctx, owner);
    const item = r.items.find((i) => i.id === withPupil)!;
    expect(item.pupils).toEqual([{ code: code(0), open: { table: 'risk_entry', id: entries[0] } }]);

    expect(replaceInValue(ctx, owner, { table: 'event', id: withPupil, column: 'outcomes' })).toEqual({ replaced: true });
    const text = (id: string) => ctx.raw.prepare('SELECT outcomes FROM event WHERE id = ?').pluck().get(id);
    expect(text(withPupil)).toBe(`Проведена беседа с ${as(0, 'обучающимся')} и его родителями`);

    const cases: [string, string][] = [
      ['Кузнецова Анна пропустила 18 уроков', `${code(1)} пропустила 18 уроков`],
      ['Нет оценок у Соколова Артёма по физике', `Нет оценок у ${as(2, 'обучающегося')} по физике`],
      ['Консультация Морозовой Дарье назначена', `Консультация ${as(3, 'обучающемуся')} назначена`],
      ['Поговорили о Волкове Никите на совете', `Поговорили об ${as(4, 'обучающемся')} на совете`],
      ['Пригласили Павлову Софью на олимпиаду', `Пригласили ${as(5, 'обучающегося')} на олимпиаду`],
      ['Работа с Морозовой на уроках', `Работа с ${as(3, 'обучающимся')} на уроках`],
    ];
    for (const [before, after] of cases) {
      const id = ev(before);
      replaceInValue(ctx, owner, { table: 'event', id, column: 'outcomes' });
      expect(text(id)).toBe(after);
    }
  });
});
