/**
 * The name check measured: 12 fictional pupils, each written the ways teachers write a child in a journal
 * entry (46 name spellings and 20 birth-date spellings per pupil) — every one must be found; and false
 * alarms over texts that name no pupil (the seeds — real municipal documents — and every free text of the
 * small and large demo schools), kept under one per 10 000 words. Prints both figures for the README.
 */
import { describe, it, expect, afterAll } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pupilMatcher, type PupilFacts } from '../../main/services/privacy/pupil-mentions.js';
import { generateDemo } from '../../main/services/school/demo.js';
import { findPupilMentions } from '../../main/services/exchange/outgoing-check.js';
import { ownerId } from '../../main/services/core/writer.js';
import { revealRows } from '../../main/services/privacy/vault.js';
import { tableSpec, upTables, type Field } from '../../db/registry/index.js';
import { testWorkspace } from '../helpers.js';

/** A pupil and the forms of the name written out by hand (not by the library under test). */
interface Child {
  id: string; full: string; birth: string; cls: string;
  sur: string; gen: string; dat: string; ins: string; prep: string;
  first: string; firstGen: string; firstDat: string; firstIns: string;
  patr: string; patrDat: string;
  dim: string; dimGen: string; dimIns: string;
  lat: [string, string, string]; // surname, first name, diminutive in Latin letters
}

const children: Child[] = [
  { id: 'c1', full: 'Иванов Сергей Петрович', birth: '2013-04-05', cls: '5Б', sur: 'Иванов', gen: 'Иванова', dat: 'Иванову', ins: 'Ивановым', prep: 'Иванове', first: 'Сергей', firstGen: 'Сергея', firstDat: 'Сергею', firstIns: 'Сергеем', patr: 'Петрович', patrDat: 'Петровичу', dim: 'Серёжа', dimGen: 'Серёжи', dimIns: 'Серёжей', lat: ['Ivanov', 'Sergey', 'Seryozha'] },
  { id: 'c2', full: 'Ли Анна Сергеевна', birth: '2012-11-23', cls: '6А', sur: 'Ли', gen: 'Ли', dat: 'Ли', ins: 'Ли', prep: 'Ли', first: 'Анна', firstGen: 'Анны', firstDat: 'Анне', firstIns: 'Анной', patr: 'Сергеевна', patrDat: 'Сергеевне', dim: 'Аня', dimGen: 'Ани', dimIns: 'Аней', lat: ['Li', 'Anna', 'Anya'] },
  { id: 'c3', full: 'Ким Дмитрий Олегович', birth: '2011-02-14', cls: '7В', sur: 'Ким', gen: 'Кима', dat: 'Киму', ins: 'Кимом', prep: 'Киме', first: 'Дмитрий', firstGen: 'Дмитрия', firstDat: 'Дмитрию', firstIns: 'Дмитрием', patr: 'Олегович', patrDat: 'Олеговичу', dim: 'Дима', dimGen: 'Димы', dimIns: 'Димой', lat: ['Kim', 'Dmitriy', 'Dima'] },
  { id: 'c4', full: 'Черных Мария Андреевна', birth: '2013-09-30', cls: '5А', sur: 'Черных', gen: 'Черных', dat: 'Черных', ins: 'Черных', prep: 'Черных', first: 'Мария', firstGen: 'Марии', firstDat: 'Марии', firstIns: 'Марией', patr: 'Андреевна', patrDat: 'Андреевне', dim: 'Маша', dimGen: 'Маши', dimIns: 'Машей', lat: ['Chernykh', 'Mariya', 'Masha'] },
  { id: 'c5', full: 'Мороз Пётр Ильич', birth: '2010-07-07', cls: '8Б', sur: 'Мороз', gen: 'Мороза', dat: 'Морозу', ins: 'Морозом', prep: 'Морозе', first: 'Пётр', firstGen: 'Петра', firstDat: 'Петру', firstIns: 'Петром', patr: 'Ильич', patrDat: 'Ильичу', dim: 'Петя', dimGen: 'Пети', dimIns: 'Петей', lat: ['Moroz', 'Pyotr', 'Petya'] },
  { id: 'c6', full: 'Белых Алексей Игоревич', birth: '2009-12-01', cls: '9А', sur: 'Белых', gen: 'Белых', dat: 'Белых', ins: 'Белых', prep: 'Белых', first: 'Алексей', firstGen: 'Алексея', firstDat: 'Алексею', firstIns: 'Алексеем', patr: 'Игоревич', patrDat: 'Игоревичу', dim: 'Лёша', dimGen: 'Лёши', dimIns: 'Лёшей', lat: ['Belykh', 'Aleksei', 'Lyosha'] },
  { id: 'c7', full: 'Смирнова Наталья Юрьевна', birth: '2014-03-18', cls: '4Б', sur: 'Смирнова', gen: 'Смирновой', dat: 'Смирновой', ins: 'Смирновой', prep: 'Смирновой', first: 'Наталья', firstGen: 'Натальи', firstDat: 'Наталье', firstIns: 'Натальей', patr: 'Юрьевна', patrDat: 'Юрьевне', dim: 'Наташа', dimGen: 'Наташи', dimIns: 'Наташей', lat: ['Smirnova', 'Natalia', 'Natasha'] },
  { id: 'c8', full: 'Римская-Корсакова Екатерина Павловна', birth: '2012-05-09', cls: '6Б', sur: 'Римская-Корсакова', gen: 'Римской-Корсаковой', dat: 'Римской-Корсаковой', ins: 'Римской-Корсаковой', prep: 'Римской-Корсаковой', first: 'Екатерина', firstGen: 'Екатерины', firstDat: 'Екатерине', firstIns: 'Екатериной', patr: 'Павловна', patrDat: 'Павловне', dim: 'Катя', dimGen: 'Кати', dimIns: 'Катей', lat: ['Rimskaya-Korsakova', 'Ekaterina', 'Katya'] },
  { id: 'c9', full: 'Шевченко Евгений Николаевич', birth: '2008-10-10', cls: '10А', sur: 'Шевченко', gen: 'Шевченко', dat: 'Шевченко', ins: 'Шевченко', prep: 'Шевченко', first: 'Евгений', firstGen: 'Евгения', firstDat: 'Евгению', firstIns: 'Евгением', patr: 'Николаевич', patrDat: 'Николаевичу', dim: 'Женя', dimGen: 'Жени', dimIns: 'Женей', lat: ['Shevchenko', 'Yevgeniy', 'Zhenya'] },
  { id: 'c10', full: 'Соколова Ксения Александровна', birth: '2015-01-27', cls: '3В', sur: 'Соколова', gen: 'Соколовой', dat: 'Соколовой', ins: 'Соколовой', prep: 'Соколовой', first: 'Ксения', firstGen: 'Ксении', firstDat: 'Ксении', firstIns: 'Ксенией', patr: 'Александровна', patrDat: 'Александровне', dim: 'Ксюша', dimGen: 'Ксюши', dimIns: 'Ксюшей', lat: ['Sokolova', 'Kseniya', 'Ksyusha'] },
  { id: 'c11', full: 'Жуков Илья Денисович', birth: '2011-06-12', cls: '7А', sur: 'Жуков', gen: 'Жукова', dat: 'Жукову', ins: 'Жуковым', prep: 'Жукове', first: 'Илья', firstGen: 'Ильи', firstDat: 'Илье', firstIns: 'Ильёй', patr: 'Денисович', patrDat: 'Денисовичу', dim: 'Илюша', dimGen: 'Илюши', dimIns: 'Илюшей', lat: ['Zhukov', 'Ilya', 'Ilyusha'] },
  { id: 'c12', full: 'Кузнецова Юлия Максимовна', birth: '2007-08-25', cls: '11Б', sur: 'Кузнецова', gen: 'Кузнецовой', dat: 'Кузнецовой', ins: 'Кузнецовой', prep: 'Кузнецовой', first: 'Юлия', firstGen: 'Юлии', firstDat: 'Юлии', firstIns: 'Юлией', patr: 'Максимовна', patrDat: 'Максимовне', dim: 'Юля', dimGen: 'Юли', dimIns: 'Юлей', lat: ['Kuznetsova', 'Yuliya', 'Yulya'] },
];

/** Staff sharing pupils' surnames: a lone surname is still the pupil's; with the teacher's initials, the teacher's. */
const staff: PupilFacts[] = [
  { id: 's1', fullName: 'Иванова Ольга Викторовна', birthDate: null },
  { id: 's2', fullName: 'Смирнов Андрей Николаевич', birthDate: null },
  { id: 's3', fullName: 'Ким Елена Борисовна', birthDate: null },
  { id: 's4', fullName: 'Соколов Игорь Петрович', birthDate: null },
  { id: 's5', fullName: 'Жукова Татьяна Сергеевна', birthDate: null },
];

const pupils: PupilFacts[] = children.map((c) => ({ id: c.id, fullName: c.full, birthDate: c.birth, className: c.cls }));

/** Latin look-alikes for Cyrillic letters, as a keyboard layout mix-up leaves them. */
const LOOKALIKE: Record<string, string> = { а: 'a', е: 'e', о: 'o', р: 'p', с: 'c', х: 'x', у: 'y', А: 'A', Е: 'E', О: 'O', Р: 'P', С: 'C', Х: 'X', К: 'K', М: 'M', Т: 'T', Н: 'H', В: 'B' };
const lookalike = (s: string) => [...s].map((ch) => LOOKALIKE[ch] ?? ch).join('');
const ini = (s: string) => s[0]!;
const spaced = (cls: string) => cls.replace(/(\d+)(\D)/, '$1 $2');

/** Each spelling is a whole journal sentence; what must be found is between ⟦ ⟧. */
function nameSpellings(c: Child): string[] {
  const I = ini(c.first);
  const P = ini(c.patr);
  const mid = c.sur.length > 4 ? c.sur.slice(0, 3) : c.sur.slice(0, 1);
  const rest = c.sur.slice(mid.length);
  return [
    `Беседа: ⟦${c.sur} ${c.first}⟧ пропускает уроки.`,
    `Беседа: ⟦${c.first} ${c.sur}⟧ пропускает уроки.`,
    `Список: ⟦${c.sur}, ${c.first}⟧; родители приглашены.`,
    `Обучающийся ⟦${c.sur} ${c.first} ${c.patr}⟧ направлен на ПМПК.`,
    `Проведена беседа, ⟦${c.first} ${c.patr} ${c.sur}⟧ обещал исправиться.`,
    `Тетради ⟦${c.gen} ${c.firstGen}⟧ проверены.`,
    `Назначен тьютор ⟦${c.dat} ${c.firstDat}⟧.`,
    `Занятия с ⟦${c.ins} ${c.firstIns}⟧ по математике.`,
    `Индивидуальная работа с ⟦${c.ins}⟧ продолжается.`,
    `Консультация: ⟦${c.sur} ${I}.⟧ — слабая успеваемость.`,
    `Консультация: ⟦${c.sur} ${I}. ${P}.⟧ — слабая успеваемость.`,
    `Консультация: ⟦${c.sur} ${I}.${P}.⟧ — слабая успеваемость.`,
    `Консультация: ⟦${I}. ${P}. ${c.sur}⟧ — слабая успеваемость.`,
    `Консультация: ⟦${I}.${P}.${c.sur}⟧ — слабая успеваемость.`,
    `Отметка: ⟦${c.sur} ${I}${P}⟧ не аттестован.`,
    `Отметка: ⟦${I}${P} ${c.sur}⟧ не аттестован.`,
    `Отметка: ⟦${c.sur} ${I}⟧ не аттестован.`,
    `На уроке ⟦${c.sur}⟧ отвлекался.`,
    `У ⟦${c.gen}⟧ нет учебника.`,
    `Вызвать на беседу: ⟦${c.dim} ${c.sur}⟧.`,
    `Вызвать на беседу: ⟦${c.sur} ${c.dim}⟧.`,
    `У ⟦${c.dimGen} ${c.gen}⟧ нет формы.`,
    `Поговорили с ⟦${c.dimIns} ${c.ins}⟧ после уроков.`,
    `Беседа: ⟦${c.first} ${c.patr}⟧ обещал исправиться.`,
    `Передать ⟦${c.firstDat} ${c.patrDat}⟧ задания.`,
    `Опять ⟦${c.dim} из ${c.cls}⟧ опоздал.`,
    `Опоздали: ⟦${c.dim}, ${spaced(c.cls)}⟧ и другие.`,
    `Ответ ⟦${c.first} (${c.cls}⟧) засчитан.`,
    `На олимпиаду едет ⟦${c.first} из ${c.cls}⟧ класса.`,
    `Participant: ⟦${c.lat[1]} ${c.lat[0]}⟧, grade ${c.cls}.`,
    `Участник: ⟦${c.lat[0]} ${c.lat[1]}⟧.`,
    `Участник олимпиады ⟦${c.lat[0]}⟧ прошёл в финал.`,
    `Беседа: ⟦${mid}\u00ad${rest} ${c.first}⟧ пропускает.`,
    `На уроке ⟦${mid}\u200b${rest}⟧ отвлекался.`,
    `Беседа: ⟦${lookalike(c.sur)} ${lookalike(c.first)}⟧ пропускает.`,
    `БЕСЕДА: ⟦${c.sur.toUpperCase()} ${c.first.toUpperCase()}⟧ ПРОПУСКАЕТ.`,
    `беседа: ⟦${c.sur.toLowerCase()} ${c.first.toLowerCase()}⟧ пропускает.`,
    `Беседа: ⟦${c.sur.replace(/([аеоу])/u, '$1\u0301')} ${c.first}⟧ пропускает.`,
    `Ответственный за беседу с ⟦${c.ins}⟧ — классный руководитель.`,
    `Выдать ⟦${c.dat} ${I}. ${P}.⟧ задания.`,
    `Родители ⟦${c.firstGen} ${c.gen}⟧ приглашены.`,
    `Беседа: ⟦${c.sur}\u00a0${c.first}⟧ пропускает.`,
    `Беседа: ⟦${c.sur} (${c.first}⟧) пропускает.`,
    `Visit: ⟦${c.lat[2]} ${c.lat[0]}⟧ absent.`,
    `Беседа: ⟦${c.sur.normalize('NFD')} ${c.first.normalize('NFD')}⟧ пропускает.`,
    `Психолог: «⟦${c.sur}⟧ нуждается в поддержке».`,
  ];
}

const RU_GEN = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];
const RU_ABBR = ['янв.', 'фев.', 'мар.', 'апр.', 'мая', 'июн.', 'июл.', 'авг.', 'сент.', 'окт.', 'нояб.', 'дек.'];
const EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];

function dateSpellings(iso: string): string[] {
  const [y, mm, dd] = iso.split('-') as [string, string, string];
  const d = Number(dd);
  const m = Number(mm);
  const yy = y.slice(2);
  return [
    `${dd}.${mm}.${y}`, `${d}.${m}.${y}`, `${dd}.${mm}.${yy}`, `${y}-${mm}-${dd}`, `${y}-${m}-${d}`, `${mm}/${dd}/${y}`, `${dd}/${mm}/${y}`,
    `${dd}${mm}${y}`, `${d}-го ${RU_GEN[m - 1]} ${y}`, `"${dd}" ${RU_GEN[m - 1]} ${y}`, `«${dd}» ${RU_GEN[m - 1]} ${y}⟧ г.`, `${d}.${ROMAN[m - 1]}.${y}`,
    `${d} ${RU_GEN[m - 1]} ${yy}⟧ г.`, `${dd} ${RU_ABBR[m - 1]} ${y}`, `${y}, ${d} ${RU_GEN[m - 1]}`, `${d} ${RU_GEN[m - 1]} ${y}⟧ года`, `${EN[m - 1]} ${d}, ${y}`,
    `${d} ${EN[m - 1]} ${y}`, `${dd}. ${mm}. ${y}`, `${dd}-${mm}-${y}`,
  ].map((s) => `Дата рождения: ${s.startsWith('"') || s.startsWith('«') ? s[0] + '⟦' + s.slice(1) : '⟦' + s}${s.includes('⟧') ? '' : '⟧'} г.р., со слов матери.`);
}

/** The sentence without the marks, and where the marked part is. */
function marked(s: string): { text: string; from: number; to: number } {
  const from = s.indexOf('⟦');
  const to = s.indexOf('⟧') - 1;
  return { text: s.replace('⟦', '').replace('⟧', ''), from, to };
}

const m = pupilMatcher(pupils, staff);
const figures: string[] = [];
afterAll(() => console.log(`\nПроверка свободного текста:\n${figures.join('\n')}`));

describe('corpus: every spelling of 12 pupils\' names and birth dates is found', () => {
  const misses: string[] = [];
  let total = 0;
  let dates = 0;
  let dateMisses = 0;
  for (const c of children) {
    it(`${c.full}: ${nameSpellings(c).length} spellings of the name, ${dateSpellings(c.birth).length} of the birth date`, () => {
      for (const [kind, list] of [['name', nameSpellings(c)], ['birth_date', dateSpellings(c.birth)]] as const) {
        for (const s of list) {
          const { text, from, to } = marked(s);
          const hit = m.find(text).some((x) => x.pupilId === c.id && x.kind === kind && x.start <= from && x.end >= to);
          if (kind === 'name') total++; else dates++;
          if (!hit) { misses.push(`${c.id} ${kind}: ${text}`); if (kind === 'birth_date') dateMisses++; }
        }
      }
    });
  }
  it('catches every one', () => {
    const nameMisses = misses.length - dateMisses;
    figures.push(`  имена: найдено ${total - nameMisses} из ${total} написаний; даты рождения: ${dates - dateMisses} из ${dates}`);
    expect(total).toBeGreaterThanOrEqual(12 * 40);
    expect(dates).toBeGreaterThanOrEqual(12 * 15);
    expect(misses).toEqual([]);
  });
  it('the spans are the name as typed: replacing them leaves no letter of it', () => {
    const text = 'Беседа: Ива\u00adнов Сергей и Ki\u0301m Dmitriy, 05.04.2013 г.р.';
    const found = m.find(text);
    expect(found.map((f) => text.slice(f.start, f.end))).toEqual(['Ива\u00adнов Сергей', 'Ki\u0301m Dmitriy', '05.04.2013']);
  });
});

describe('what is not a pupil', () => {
  it.each([
    'Ответственный: Иванова О. В.', 'Ответственный: Иванова О.В., учитель', 'О. В. Иванова провела урок', 'Иванова Ольга Викторовна, учитель математики',
    'Ольга Викторовна Иванова', 'Смирнов А. Н. — руководитель ШМО', 'Ким Е. Б. провела консультацию', 'Консультацию провела Елена Борисовна Ким',
    'Из-за мороза занятия отменили', 'Мороз сковал реку, занятия отменены', 'Новогодний утренник: Дед Мороз и Снегурочка', 'Есть ли у ребёнка учебник?',
    'Белых и черных фигур поровну', 'Соколов И. П. выступил на педсовете', 'Жукова Т. С. — наставник',
    'Дата: 05.04.2014, 06.04.2013, 2013-05-04 (не день рождения)', 'Протокол № 05042', 'Сергей Николаевич провёл урок',
  ])('«%s»', (s) => {
    expect(m.find(s).map((f) => s.slice(f.start, f.end))).toEqual([]);
  });
});

// The seeds live beside the repository on the development machine (as for tests/unit/timing.test.ts).
const seedsDir = process.env.OPORA_SEEDS ?? resolve(__dirname, '../../../shared/seeds');
const words = (s: string) => s.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;

function textsOf(ctx: Parameters<typeof findPupilMentions>[0]): string[] {
  const out: string[] = [];
  for (const table of upTables()) {
    const cols = Object.entries(tableSpec(table).fields as Record<string, Field>).filter(([, f]) => f.kind === 'text' && !f.personal).map(([c]) => c);
    if (!cols.length) continue;
    for (const row of ctx.raw.prepare(`SELECT ${cols.join(', ')} FROM ${table}`).raw().all() as unknown[][]) for (const v of row) if (typeof v === 'string' && v) out.push(v);
  }
  return out;
}

describe('false alarms per 10 000 words', () => {
  it('the demo schools\' free texts, checked with their own pupils and staff; the seeds, with the demo\'s and the corpus\'s pupils', async () => {
    let alarms = 0;
    let total = 0;
    const found: string[] = [];
    let all: PupilFacts[] = [...pupils];
    let adults: PupilFacts[] = [...staff];
    for (const size of ['small', 'large'] as const) {
      const { ws } = testWorkspace();
      const ctx = await ws.switchTo('main');
      generateDemo(ctx, { size, seed: 7 });
      for (const f of findPupilMentions(ctx, ownerId(ctx))) {
        alarms += f.mentions.length;
        found.push(`${size}: ${f.where}`);
      }
      total += textsOf(ctx).reduce((n, t) => n + words(t), 0);
      const rows = revealRows(ctx.raw, ctx.raw.prepare('SELECT id, full_name, birth_date, class_name FROM pupil').all() as { id: string; full_name: string; birth_date: string | null; class_name: string }[]);
      all = all.concat(rows.map((r) => ({ id: `${size}:${r.id}`, fullName: r.full_name, birthDate: r.birth_date, className: r.class_name })));
      adults = adults.concat((ctx.raw.prepare('SELECT id, full_name FROM staff').all() as { id: string; full_name: string }[]).map((r) => ({ id: `${size}:${r.id}`, fullName: r.full_name, birthDate: null })));
    }
    if (existsSync(seedsDir)) {
      const everyone = pupilMatcher(all, adults);
      for (const file of readdirSync(seedsDir)) {
        for (const line of readFileSync(join(seedsDir, file), 'utf8').split(/\r?\n/)) {
          total += words(line);
          for (const f of everyone.find(line)) { alarms++; found.push(`${file}: «${line.slice(Math.max(0, f.start - 30), f.end + 30)}»`); }
        }
      }
    }
    const per10k = (alarms / total) * 10_000;
    figures.push(`  ложные срабатывания: ${alarms} на ${total} слов (${per10k.toFixed(2)} на 10 000 слов)${existsSync(seedsDir) ? '' : ' — без seeds: папки нет'}`);
    if (found.length) figures.push(found.slice(0, 20).map((f) => `    ${f}`).join('\n'));
    expect(per10k).toBeLessThan(1);
  }, 240_000);
});
