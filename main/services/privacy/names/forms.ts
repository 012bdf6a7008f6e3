/**
 * Every form of a person's name that a text may hold: surname, first name and patronymic in the six cases
 * for the person's gender (lvovich, the petrovich rules with types), the common diminutives of the first
 * name (diminutives.ts) declined the same way, and the initials. Forms are kept as skeletons (tokens.ts), so
 * one form stands for its Cyrillic and Latin spellings alike.
 */
import { inclineFirstname, inclineLastname, inclineMiddlename, getGender, getFirstnameGender } from 'lvovich';
import { DIMINUTIVES } from './diminutives.js';
import { skeleton } from './tokens.js';

type Gender = 'male' | 'female';
const CASES = ['nominative', 'genitive', 'dative', 'accusative', 'instrumental', 'prepositional'] as const;

export interface NameForms {
  /** Skeletons of every case of each surname part (a double surname gives both parts). */
  surname: Set<string>;
  /** The first name's and its diminutives' cases. */
  first: Set<string>;
  patronymic: Set<string>;
  /** Skeletons of the initials: of the first name and of the patronymic (null: none on file). */
  firstInitial: string | null;
  patronymicInitial: string | null;
  /** The surname as lowered Cyrillic words (for deciding how much context a lone surname needs). */
  surnameWords: string[];
}

const lower = (s: string) => s.toLowerCase().replace(/ё/g, 'е');

/**
 * The spelling rule the declension tables miss after sibilants (Серёжой → Серёжей, Сашы → Саши): both
 * spellings are kept, a text may have either.
 */
function variants(form: string): string[] {
  const out = [form];
  const v = form.replace(/([жшчщц])ой$/, '$1ей').replace(/([жшчщгкх])ы$/, '$1и');
  if (v !== form) out.push(v);
  return out;
}

/** Declined forms by word, kind and gender: a school's pupils share first names and patronymics, and the check is built at every export. */
const memo = new Map<string, Set<string>>();

const INCLINE = { last: inclineLastname, first: inclineFirstname, middle: inclineMiddlename };

function declined(word: string, kind: keyof typeof INCLINE, genders: readonly Gender[]): Set<string> {
  const incline = INCLINE[kind];
  const key = `${kind}|${genders.join()}|${word}`;
  let out = memo.get(key);
  if (out) return out;
  if (memo.size > 50_000) memo.clear();
  out = new Set<string>();
  memo.set(key, out);
  for (const g of genders) {
    for (const c of CASES) {
      let f: string;
      try { f = incline(word, c, g); } catch { f = word; }
      for (const v of variants(lower(f || word))) out.add(skeleton(v));
    }
  }
  out.add(skeleton(lower(word)));
  return out;
}

const byName = new Map<string, readonly string[]>(Object.entries(DIMINUTIVES).map(([k, v]) => [lower(k), v]));

/** The gender(s) to decline for: from the patronymic, first name or surname; both when they do not say. */
export function gendersOf(last: string, first: string, middle: string): Gender[] {
  // The patronymic says it at once (-ич / -на); lvovich's rules are for the rest.
  const m = lower(middle);
  if (/(ич|оглы|улы)$/.test(m)) return ['male'];
  if (/(вна|чна|шна|кызы|гызы)$/.test(m)) return ['female'];
  let g: string | null = null;
  try { g = getGender({ last: last || null, first: first || null, middle: middle || null }); } catch { g = null; }
  return g === 'male' ? ['male'] : g === 'female' ? ['female'] : ['male', 'female'];
}

function initialOf(word: string): string | null {
  const c = lower(word)[0];
  return c ? skeleton(c) : null;
}

/** «Фамилия Имя Отчество», as the school keeps a full name (a single word is taken as the surname). */
export function nameForms(fullName: string): NameForms {
  const [last = '', first = '', ...rest] = fullName.trim().split(/\s+/).filter(Boolean);
  const middle = rest.join(' ');
  const genders = gendersOf(last, first, middle);
  const surname = new Set<string>();
  const surnameWords: string[] = [];
  if (last) {
    // A double surname declines as a whole (Римская-Корсакова → Римской-Корсаковой); each part is a word of its own.
    const whole = declined(last, 'last', genders);
    for (const f of whole) for (const part of f.split('-')) if (part) surname.add(part);
    for (const part of lower(last).split('-')) if (part) { surnameWords.push(part); surname.add(skeleton(part)); }
  }
  const first_ = new Set<string>();
  if (first) {
    for (const f of declined(first, 'first', genders)) first_.add(f);
    for (const d of byName.get(lower(first)) ?? []) for (const f of declined(d, 'first', genders)) first_.add(f);
  }
  const patronymic = middle ? declined(middle, 'middle', genders) : new Set<string>();
  return { surname, first: first_, patronymic, firstInitial: first ? initialOf(first) : null, patronymicInitial: middle ? initialOf(middle) : null, surnameWords };
}

let known: Set<string> | null = null;

/** The case forms of a first name by its ending (Петя → Пети, Пете, Петю, Петей; Димон → Димона…). */
function roughCases(w: string): string[] {
  const stem = w.slice(0, -1);
  if (/[ая]$/.test(w)) return [w, stem + 'ы', stem + 'и', stem + 'е', stem + 'у', stem + 'ю', stem + 'ой', stem + 'ей'];
  if (/[йь]$/.test(w)) return [w, stem + 'я', stem + 'ю', stem + 'ем', stem + 'е', stem + 'и'];
  return [w, w + 'а', w + 'у', w + 'ом', w + 'е'];
}

/**
 * Every form of the common first names and their diminutives: a capitalised one next to a pupil's surname
 * says the surname is someone else's (Андреева Лариса Юрьевна is not the pupil Андреев Иван).
 */
export function knownFirstNames(): Set<string> {
  if (known) return known;
  known = new Set();
  for (const [name, dims] of Object.entries(DIMINUTIVES)) {
    const g = getFirstnameGender(name);
    const genders: Gender[] = g === 'male' ? ['male'] : g === 'female' ? ['female'] : ['male', 'female'];
    for (const f of declined(name, 'first', genders)) known.add(f);
    // Diminutives by the endings alone: a few thousand library calls fewer on the first check of a session,
    // and a rare miss here only means a surname next to it counts as the pupil's (the safe side).
    for (const d of dims) for (const f of roughCases(lower(d))) known.add(skeleton(f));
  }
  return known;
}
