/**
 * A person's name as documents need it (ГОСТ Р 7.0.97-2025): stored as surname, name, patronymic — the
 * last two may be initials («Н.», «Г.») — and printed «И.О. Фамилия» at a signature, «Фамилия И.О.» in lists.
 *
 * The printed forms join the initials without a space («Н.Г.», as the standard's examples do) and put a
 * non-breaking space (U+00A0) between the initials and the surname, so a line break never leaves «Н.Г.»
 * alone at the end of a line or at the right edge of the signature.
 */
export interface PersonName {
  surname: string;
  /** Given name or its initial with a dot («Наталья» or «Н.»); '' when unknown. */
  name: string;
  /** Patronymic or its initial with a dot; '' when none. */
  patronymic: string;
}

export const NBSP = '\u00a0';

// ───── printing ─────

/** «Наталья» → «Н.», «Анна-Мария» → «А.-М.», «Н.» stays, «Гасан оглы» → «Г.». */
export function initialOf(part: string): string {
  const p = part.trim();
  if (!p) return '';
  return p.split(/\s+/)[0]!.split('-').filter(Boolean).map((x) => `${x[0]!.toUpperCase()}.`).join('-');
}

const initials = (n: PersonName) => initialOf(n.name) + initialOf(n.patronymic);

/** «Н.Г. Гвоздкова» (the space is U+00A0). */
export function signatureName(n: PersonName): string {
  const i = initials(n);
  return i ? `${i}${NBSP}${n.surname}` : n.surname;
}

/** «Гвоздкова Н.Г.» (the space is U+00A0). */
export function listName(n: PersonName): string {
  const i = initials(n);
  return i ? `${n.surname}${NBSP}${i}` : n.surname;
}

/** «Гвоздкова Наталья Геннадьевна»; the parts known only by initials stay initials («Гвоздкова Н.Г.»). */
export function fullName(n: PersonName): string {
  return [n.surname, n.name, n.patronymic].filter(Boolean).join(' ').replace(/(\.) (?=[А-ЯЁ]\.)/g, '$1');
}

export type NameForm = 'signature' | 'list' | 'full';

/** The name in the form asked for, or the text as typed when it was not understood as a name. */
export function nameOrText(n: PersonName | null, raw: string, form: NameForm = 'signature'): string {
  if (!n) return raw.trim().replace(/\s+/g, ' ');
  return form === 'signature' ? signatureName(n) : form === 'list' ? listName(n) : fullName(n);
}

/** Text as typed → the signature form («Гвоздкова Наталья Геннадьевна» → «Н.Г. Гвоздкова»), or the text itself. */
export const signatureOf = (text: string) => nameOrText(parsePersonName(text), text, 'signature');
/** Text as typed → the list form («Н.Г. Гвоздкова» → «Гвоздкова Н.Г.»), or the text itself. */
export const listNameOf = (text: string) => nameOrText(parsePersonName(text), text, 'list');

// ───── parsing ─────

/** Latin letters that look like Cyrillic ones, typed on the wrong keyboard layout or pasted from a PDF. */
const LOOKALIKE: Record<string, string> = {
  A: 'А', B: 'В', C: 'С', E: 'Е', H: 'Н', K: 'К', M: 'М', O: 'О', P: 'Р', T: 'Т', X: 'Х', Y: 'У',
  a: 'а', c: 'с', e: 'е', o: 'о', p: 'р', x: 'х', y: 'у', k: 'к', m: 'м',
};

/** Turkic patronymic particles, written after the father's name and lower-case: «Гасан оглы». */
const PARTICLES = new Set(['оглы', 'кызы', 'улы', 'уулу', 'гызы']);

const PATRONYMIC = /(ович|евич|ёвич|овна|евна|ёвна|ьич|ична|инична|ильич|кузьмич|лукич|фомич|никитич|саввич)$/;

/** Common Russian given names: tell «Наталья Гвоздкова» from «Гвоздкова Наталья». Not exhaustive by design. */
const GIVEN = new Set(
  ('александр алексей анатолий андрей антон аркадий арсений артём артем артур борис вадим валентин валерий василий ' +
    'виктор виталий владимир владислав всеволод вячеслав геннадий георгий глеб григорий даниил данил денис дмитрий ' +
    'евгений егор иван игорь илья кирилл константин лев леонид максим марк матвей михаил никита николай олег павел ' +
    'пётр петр роман руслан семён семен сергей станислав степан тимофей тимур фёдор федор эдуард юрий яков ярослав ' +
    'рашид ринат альберт айдар ильдар марат рустам фарид ' +
    'александра алёна алена алина алла анастасия ангелина анна антонина валентина валерия варвара вера вероника ' +
    'виктория галина дарья диана ева евгения екатерина елена елизавета жанна зинаида зоя инна ирина карина кира ' +
    'кристина ксения лариса лидия лилия любовь людмила маргарита марина мария милана надежда наталья наталия нина ' +
    'оксана олеся ольга полина раиса светлана софия софья таисия тамара татьяна ульяна эльвира юлия яна ' +
    'гульнара алсу альбина регина динара').split(' '),
);

const SURNAME = /(ов|ев|ёв|ин|ын|ова|ева|ёва|ына|ский|цкий|ская|цкая|ской|енко|ук|юк|ых|их|ян|швили|дзе)$/;

/** Words of positions and organisations: a line with one of them is not a name («Директор Иванов И.И.», «И.о. начальника»). */
const NOT_NAME = new Set(('директор заместитель зам начальник начальника руководитель методист педагог специалист ' +
  'председатель секретарь главный ведущий старший исполнитель куратор координатор представитель и.о ио ' +
  'управление администрация отдел центр школа мбоу моу маоу мкоу мку мбу сош оош гимназия лицей').split(' '));

type Part = { kind: 'word'; text: string } | { kind: 'initial'; text: string };

const lower = (s: string) => s.toLowerCase();
const isGiven = (w: string) => GIVEN.has(lower(w).split('-')[0]!);
const isPatronymic = (w: string) => PATRONYMIC.test(lower(w)) || PARTICLES.has(lower(w).split(/[\s-]/).pop()!);
const isSurnameLike = (w: string) => !isGiven(w) && SURNAME.test(lower(w));

/** «петрова-водкина» → «Петрова-Водкина»; «Гасан оглы» keeps the particle lower-case; «МакКуин» stays. */
function capitalise(word: string, fix: boolean): string {
  return word
    .split(/([\s-])/)
    .map((p) => {
      if (p === ' ' || p === '-' || !p) return p;
      if (PARTICLES.has(lower(p))) return lower(p);
      return fix ? p[0]!.toUpperCase() + lower(p.slice(1)) : p;
    })
    .join('');
}

function normalise(text: string): string | null {
  let t = text.normalize('NFC').replace(/[\u00a0\t\r\n]+/g, ' ').replace(/[‐‑‒–—]/g, '-');
  if (!/[А-Яа-яЁё]/.test(t)) return null;
  t = t.replace(/[A-Za-z]/g, (ch) => LOOKALIKE[ch] ?? ch);
  if (/[A-Za-z0-9№"«»()/\\@:;!?]/.test(t)) return null;
  return t
    .replace(/\s*-\s*/g, '-')
    .replace(/[,]+/g, ' ')
    .replace(/\s*\.\s*/g, '. ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Split into words and initials: «Н.Г.», «Н. Г.», «НГ», «Н» are initials; «Гасан оглы» is one word. */
function partsOf(t: string, allCaps: boolean): Part[] | null {
  const out: Part[] = [];
  for (const token of t.split(' ')) {
    const dotted = token.endsWith('.');
    const w = token.replace(/\.$/, '').replace(/^-+|-+$/g, '');
    if (!w) continue;
    if (!/^[А-Яа-яЁё]+(-[А-Яа-яЁё]+)*$/.test(w)) return null;
    const particle = PARTICLES.has(lower(w));
    const prev = out[out.length - 1];
    if (particle && prev?.kind === 'word') {
      prev.text = `${prev.text} ${lower(w)}`;
      continue;
    }
    if (particle) continue; // «Алиев Р.Г. оглы»: the initial already stands for the patronymic
    // «Н.», «Н», «НГ» (two capitals without dots, unless the whole line is typed in capitals), «Нат.».
    const twoCaps = w.length === 2 && w === w.toUpperCase() && !allCaps;
    if (w.length === 1 || (dotted && w.length <= 3 && !w.includes('-')) || twoCaps) {
      const letters = twoCaps ? [...w] : [w[0]!];
      for (const l of letters) out.push({ kind: 'initial', text: `${l.toUpperCase()}.` });
      continue;
    }
    out.push({ kind: 'word', text: w });
  }
  return out;
}

/**
 * Any reasonable way a Russian person types a name → surname, name, patronymic; null when the text is not
 * a name (a position, an organisation, digits, four words…). The surname is told from the given name by
 * where the initials stand and by patronymic endings; a full three-word name in doubt is read in the official
 * order «Фамилия Имя Отчество».
 */
export function parsePersonName(text: string): PersonName | null {
  const t = normalise(text);
  if (!t) return null;
  const letters = t.replace(/[^А-Яа-яЁё]/g, '');
  const allCaps = letters.length > 3 && letters === letters.toUpperCase();
  const allLower = letters === letters.toLowerCase();
  if (t.toLowerCase().split(/[\s,]+/).some((w) => NOT_NAME.has(w.replace(/\.$/, '')) || NOT_NAME.has(w))) return null;
  const parts = partsOf(t, allCaps);
  if (!parts || parts.length === 0 || parts.length > 3) return null;
  const words = parts.filter((p) => p.kind === 'word');
  // A word typed in lower case amid capitalised ones is not part of a name («Начальник управления образования»).
  if (!allLower && words.some((w) => /^[а-яё]/.test(w.text))) return null;
  const fix = allCaps || allLower;
  const W = (p: Part) => (p.kind === 'word' ? capitalise(p.text, fix) : p.text);
  const shape = parts.map((p) => (p.kind === 'word' ? 'W' : 'I')).join('');
  const [a, b, c] = parts.map(W) as [string, string, string];
  switch (shape) {
    case 'W':
      return isPatronymic(a) ? null : { surname: a, name: '', patronymic: '' };
    case 'IW':
      return { surname: b, name: a, patronymic: '' };
    case 'WI':
      return { surname: a, name: b, patronymic: '' };
    case 'IIW':
      return { surname: c, name: a, patronymic: b };
    case 'WII':
      return { surname: a, name: b, patronymic: c };
    case 'WWI':
      return { surname: a, name: b, patronymic: c };
    case 'WW':
      return twoWords(a, b);
    case 'WWW':
      return threeWords(a, b, c);
    default:
      return null;
  }
}

/** «Иванов Иван» or «Иван Иванов»; surname first unless the given name clearly stands first. */
function twoWords(a: string, b: string): PersonName | null {
  if (isPatronymic(b)) return null; // a name and a patronymic without the surname («Наталья Геннадьевна»)
  const nameFirst = Number(isGiven(a)) + Number(isSurnameLike(b));
  const surnameFirst = Number(isGiven(b)) + Number(isSurnameLike(a));
  return nameFirst > surnameFirst ? { surname: b, name: a, patronymic: '' } : { surname: a, name: b, patronymic: '' };
}

/** «Фамилия Имя Отчество» (the official order, kept in doubt) or «Имя Отчество Фамилия». */
function threeWords(a: string, b: string, c: string): PersonName {
  const fio = 2 * Number(isPatronymic(c)) + Number(isGiven(b)) + Number(isSurnameLike(a)) - Number(isGiven(c));
  const iof = 2 * Number(isPatronymic(b)) + Number(isGiven(a)) + Number(isSurnameLike(c)) - Number(isGiven(b));
  return iof > fio ? { surname: c, name: a, patronymic: b } : { surname: a, name: b, patronymic: c };
}
