import { describe, it, expect } from 'vitest';
import { pupilMatcher, redact, fold } from '../../main/services/privacy/pupil-mentions.js';

const pupils = [
  { id: 'p1', fullName: 'Лебедев Дмитрий Андреевич', birthDate: '2014-03-20' },
  { id: 'p2', fullName: 'Ковалёва Мария', birthDate: '2013-11-05' },
  { id: 'p3', fullName: 'Мороз Игорь', birthDate: null },
  { id: 'p4', fullName: 'Дубровский Алексей', birthDate: '2012-01-09' },
];
const m = pupilMatcher(pupils);
const found = (s: string) => m.find(s).map((x) => `${x.pupilId}:${x.kind}:${s.slice(x.start, x.end)}`);

describe('pupil names in free text', () => {
  it.each([
    'Лебедев Дмитрий', 'лебедев дмитрий', 'ЛЕБЕДЕВ ДМИТРИЙ', 'Дмитрий Лебедев', 'Лебедеву Дмитрию', 'с Лебедевым Дмитрием',
    'Лебедев Д.', 'Лебедев Д. А.', 'Лебедев Д.А.', 'Д. Лебедев', 'Д.А. Лебедев', 'Д.Лебедев', 'у Лебедева',
  ])('finds «%s»', (s) => {
    expect(found(`Основание: ${s} часто пропускает.`).some((x) => x.startsWith('p1:name'))).toBe(true);
  });
  it('ё and е are the same letter; feminine forms decline', () => {
    for (const s of ['Ковалева Мария', 'Ковалёвой Марии', 'Марию Ковалёву', 'М. Ковалева', 'Ковалёва']) expect(found(s), s).toHaveLength(1);
  });
  it('a surname that is a common word counts only with the first name or initial', () => {
    expect(found('Из-за мороза занятия отменили')).toEqual([]);
    expect(found('Мороз')).toEqual([]);
    expect(found('Мороз Игорь пропускает')).toHaveLength(1);
    expect(found('И. Морозу назначен тьютор')).toHaveLength(1);
    expect(found('Роман «Дубровский» прочитан')).toEqual([]);
    expect(found('Дубровский А. пропускает')).toHaveLength(1);
  });
  it('does not flag other words that merely start like the surname', () => {
    expect(found('Лебедевская улица, лебедь, Лебедь')).toEqual([]);
    expect(found('Дмитриев день')).toEqual([]);
  });
});

describe('teachers who share a pupil\'s surname', () => {
  const withStaff = pupilMatcher([{ id: 'p1', fullName: 'Михайлов Алексей', birthDate: null }, { id: 'p2', fullName: 'Андреев Иван', birthDate: null }],
    [{ id: 's1', fullName: 'Михайлова Анастасия Дмитриевна', birthDate: null }]);
  it('a teacher named as fully as the pupil is the teacher; someone else\'s initials are not the pupil', () => {
    expect(withStaff.find('Михайлова А.Д., заместитель директора')).toEqual([]);
    expect(withStaff.find('Андреева О. В., учитель')).toEqual([]);
    expect(withStaff.find('Михайлов Алексей пропускает')).toHaveLength(1);
  });
  it('a surname followed by another given name is that person', () => {
    expect(withStaff.find('Директор: Андреева Лариса Юрьевна')).toEqual([]);
    expect(withStaff.find('Андреев опять опоздал')).toHaveLength(1);
  });
  it('a patronymic is not a form of the surname', () => {
    expect(withStaff.find('Воробьёв Сергей Андреевич')).toEqual([]);
    expect(withStaff.find('беседа с Андреевым')).toHaveLength(1);
  });
});

describe('pupil birth dates in free text', () => {
  it.each(['20.03.2014', '20.03.14', '2014-03-20', '20/03/2014', '20-03-2014', '20 марта 2014', '20 марта 2014 г.р.', '20. 03. 2014'])('finds %s', (s) => {
    expect(found(`род. ${s}`)).toEqual([expect.stringMatching(/^p1:birth_date:/)]);
  });
  it('single-digit days and months with or without a zero', () => {
    expect(found('5.11.2013')).toHaveLength(1);
    expect(found('05.11.13')).toHaveLength(1);
    expect(found('9 января 2012')).toHaveLength(1);
  });
  it('not other dates, not longer numbers', () => {
    expect(found('21.03.2014, 20.04.2014, 120.03.2014, 20.03.20145, 2014-03-21')).toEqual([]);
  });
});

describe('redaction', () => {
  it('replaces the name by the code and the date by a neutral phrase; the rest stays', () => {
    const s = 'Лебедев Дмитрий, 20.03.2014 г.р., пропуски';
    expect(redact(s, m.find(s), () => 'обучающийся № 1')).toBe('обучающийся № 1, дата рождения не указывается г.р., пропуски');
  });
  it('fold keeps positions', () => {
    expect(fold('Ёлка ЁЖ').length).toBe('Ёлка ЁЖ'.length);
  });
});

describe('normalised before matching, found in the original text', () => {
  it('full-width Latin (NFKC), a combining diaeresis, a stress accent; positions are the original ones', () => {
    const s = 'Участник: \uff2c\uff45\uff42\uff45\uff44\uff45\uff56 \uff24\uff4d\uff49\uff54\uff52\uff59; Ковале\u0308ва Мари\u0301я.';
    expect(found(s)).toEqual(['p1:name:\uff2c\uff45\uff42\uff45\uff44\uff45\uff56 \uff24\uff4d\uff49\uff54\uff52\uff59', 'p2:name:Ковале\u0308ва Мари\u0301я']);
  });
  it('a lone surname in lower case still counts when it is surname-shaped; a word-like one needs a capital mid-sentence', () => {
    expect(found('беседа с лебедевым')).toEqual(['p1:name:лебедевым']);
    expect(found('Беседа: Мороз опоздал')).toEqual(['p3:name:Мороз']);
    expect(found('мороз опоздал')).toEqual([]);
  });
});
