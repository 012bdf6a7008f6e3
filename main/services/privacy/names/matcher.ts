/**
 * Finds pupils' names and birth dates in free text, so that what the school sends up or keeps after a
 * pupil's name is erased never carries them. Pure: callers feed it the pupils, the staff and the texts.
 *
 * How: every form of every pupil's name (forms.ts: six cases, diminutives, initials; one skeleton for the
 * Cyrillic and Latin spellings) goes into one dictionary from a word's skeleton to the pupils and roles
 * (surname, first name, patronymic) it is a form of. A text is read once into words (tokens.ts); each word
 * is one dictionary lookup, and only the words found are looked at with their neighbours. Whole words are
 * the unit, so a form can never match inside a longer word (Лебедь is not Лебедев, Андреевич is not Андреев).
 * This is the dictionary automaton at word level rather than a character-level Aho–Corasick (modern-ahocorasick):
 * the skeleton changes lengths (ж → zh), so the text is cut into words anyway, and then one Map lookup per
 * word does what the automaton would, with word boundaries for free; what a pair of words means depends on
 * the neighbours (whose initials, whose first name, which class), which a flat list of phrases would have to
 * spell out — every case of the surname × every form of the first name × both orders, ~700 per pupil.
 *
 * What counts as a mention of pupil P:
 * - P's surname with P's first name, diminutive, patronymic or initials next to it, in any order, with a
 *   comma or quotes between (Иванов, Сергей; С.П. Иванов; Иванов СП; Петя Иванов);
 * - P's surname alone — even when a teacher has the same surname — unless someone else's given name,
 *   patronymic or initials stand next to it (Иванова О. В., Андреева Лариса Юрьевна are adults). A surname
 *   that is also an ordinary word or very short (Мороз, Белых, Ли, Ким) counts alone only when capitalised
 *   and not at the start of a sentence («из-за мороза», «есть ли» are not pupils);
 * - P's first name (or diminutive) with P's patronymic, or with P's class (Петя из 5Б, Петя, 5 Б);
 * - P's birth date in any written form (dates.ts).
 * Staff (`adults`): a span naming a teacher as fully as it names a pupil is the teacher's — staff names are
 * adults' data and must travel («Ответственный: Михайлова А. Д.»).
 */
import { tokenize, skeleton, type Token } from './tokens.js';
import { nameForms, knownFirstNames, type NameForms } from './forms.js';
import { datesAt, dateKeys } from './dates.js';

export interface PupilFacts {
  id: string;
  fullName: string;
  /** YYYY-MM-DD or null. */
  birthDate: string | null;
  /** «5Б»: lets «Петя из 5Б» count as a mention. */
  className?: string | null;
}

export interface Mention {
  pupilId: string;
  kind: 'name' | 'birth_date';
  /** Positions in the original text. */
  start: number;
  end: number;
}

export interface Matcher {
  find(text: string): Mention[];
}

type Role = 'sur' | 'first' | 'patr';

interface Person {
  id: string;
  forms: NameForms;
  /** A surname alone needs a capital and a place mid-sentence to count (short, or an ordinary word). */
  needsContext: boolean;
  grade: string;
  letter: string;
}

/** Surnames of these shapes are rarely anything else; others (Мороз, Белых, Ким) may be ordinary words. */
const SURNAME_LIKE = /(ов|ев|ин|ын|ова|ева|ина|ына|ский|цкий|ская|цкая|енко|ук|юк|ич|швили|дзе|ян|янц)$/;
/** A patronymic in any case: a capitalised one next to a surname says whose it is. */
const PATRONYMIC = /(ovich|evich|ich|ovn|evn|ichn|inichn)(a|u|om|em|e|oi|ei)?$/;
/** Between the words of a name: spaces, a comma, quotes or brackets — not a full stop, not a new line. */
const WORD_GAP = /^[ \t\u00a0,«»"'“”„()–—-]{0,4}$/;
/** Between a surname and initials: the same, and dots (С.П.Иванов, Иванов С. П.). */
const INITIAL_GAP = /^[ \t\u00a0,.«»"'“”„()–—-]{0,4}$/;
/** Latin initials of one Cyrillic letter (Zh. Ivanova, Yu. Kim). */
const DIGRAPH = new Set(['zh', 'ch', 'sh', 'ts', 'kh', 'yu', 'ya', 'ye', 'yo']);
/** Before the class in «Петя из 5Б», «Петя, ученик 5 Б класса». */
const CLASS_WORDS = new Set(['из', 'с', 'ученик', 'ученица', 'учащийся', 'учащаяся', 'обучающийся', 'обучающаяся', 'уч', 'кл', 'класс', 'класса']);
/** A capitalised ordinary-word surname after these is a character, not a pupil (Дед Мороз). */
const COLLOCATION = new Set(['дед', 'деда', 'деду', 'дедом', 'деде', 'дедушка', 'дедушки', 'дедушке', 'дедушку', 'дедушкой']);

function classOf(className: string | null | undefined): { grade: string; letter: string } {
  const m = (className ?? '').trim().match(/^(\d{1,2})\s*[-«"]?\s*([а-яёa-z])?/i);
  return m ? { grade: String(Number(m[1])), letter: m[2] ? skeleton(m[2].toLowerCase().replace('ё', 'е')) : '' } : { grade: '', letter: '' };
}

class Index {
  readonly people: Person[] = [];
  readonly words = new Map<string, { p: number; role: Role }[]>();
  readonly dates = new Map<string, number[]>();

  constructor(list: readonly PupilFacts[], withDates: boolean) {
    for (const f of list) {
      if (!f.fullName.trim()) continue;
      const forms = nameForms(f.fullName);
      const p = this.people.length;
      const needsContext = forms.surnameWords.some((w) => w.length <= 3 || !SURNAME_LIKE.test(w));
      this.people.push({ id: f.id, forms, needsContext, ...classOf(f.className) });
      const add = (keys: Set<string>, role: Role) => {
        for (const k of keys) {
          let l = this.words.get(k);
          if (!l) this.words.set(k, (l = []));
          if (!l.some((h) => h.p === p && h.role === role)) l.push({ p, role });
        }
      };
      add(forms.surname, 'sur');
      add(forms.first, 'first');
      add(forms.patronymic, 'patr');
    }
    if (withDates) {
      for (const f of list) {
        if (!f.birthDate) continue;
        const p = this.people.findIndex((x) => x.id === f.id);
        // A pupil with a birth date but an erased or empty name is still looked for by the date.
        const at = p >= 0 ? p : this.people.push({ id: f.id, forms: nameForms(''), needsContext: true, grade: '', letter: '' }) - 1;
        for (const k of dateKeys(f.birthDate)) {
          let l = this.dates.get(k);
          if (!l) this.dates.set(k, (l = []));
          l.push(at);
        }
      }
    }
  }
}

interface Span { p: number; kind: 'name' | 'birth_date'; first: number; last: number; strong: boolean }

function isInitial(t: Token | undefined, text: string): boolean {
  if (!t || t.num) return false;
  const one = t.plain.length === 1 || (t.plain.length === 2 && t.cap && !t.caps && DIGRAPH.has(t.plain));
  return one && (t.cap || text[t.end] === '.');
}

/** Initials after (dir 1) or before (dir -1) token k: their skeletons in order, and whether they are surely initials. */
function initialsNear(ts: readonly Token[], text: string, k: number, dir: 1 | -1): { keys: string[]; from: number; to: number; sure: boolean } | null {
  const t = ts[k];
  if (!t) return null;
  if (isInitial(t, text)) {
    const next = ts[k + dir];
    const pairGap = dir === 1 ? next?.gap : t.gap;
    if (next && isInitial(next, text) && pairGap !== undefined && INITIAL_GAP.test(pairGap) && (pairGap.includes('.') || text[t.end] === '.' || next.cap)) {
      return dir === 1 ? { keys: [t.key, next.key], from: k, to: k + 1, sure: true } : { keys: [next.key, t.key], from: k - 1, to: k, sure: true };
    }
    return { keys: [t.key], from: k, to: k, sure: text[t.end] === '.' };
  }
  // «Иванов ИС»: two capitals written together. Never «sure»: ОВЗ, ВПР next to a surname are not someone's initials.
  if (t.caps && t.plain.length === 2) return { keys: [...t.plain].map((c) => skeleton(c)), from: k, to: k, sure: false };
  return null;
}

function initialsFit(f: NameForms, keys: string[]): boolean {
  return keys[0] === f.firstInitial && (keys.length < 2 || f.patronymicInitial === null || keys[1] === f.patronymicInitial);
}

/** At the start of the text, of a line, or after . ! ? — where any word has a capital. */
function sentenceStart(ts: readonly Token[], i: number): boolean {
  const g = ts[i]!.gap;
  if (i === 0 || g.includes('\n')) return true;
  return /[.!?…]\s*[«"'“„(–—-]*\s*$/.test(g);
}

const known = () => knownFirstNames();

/** Name spans of the index's people in the tokens: surnames with their neighbours, first names with patronymic or class. */
function nameSpans(ix: Index, ts: readonly Token[], text: string, adults: boolean): Span[] {
  const out: Span[] = [];
  for (let i = 0; i < ts.length; i++) {
    const t = ts[i]!;
    if (t.num) continue;
    const hits = ix.words.get(t.key);
    if (!hits) continue;
    for (const { p, role } of hits) {
      const P = ix.people[p]!;
      const F = P.forms;
      if (role === 'sur') {
        let first = i;
        let last = i;
        let strong = false;
        let other = false;
        const r = ts[i + 1];
        if (r && !r.num && WORD_GAP.test(r.gap) && F.first.has(r.key)) {
          strong = true;
          last = i + 1;
          const r2 = ts[i + 2];
          if (r2 && WORD_GAP.test(r2.gap) && F.patronymic.has(r2.key)) last = i + 2;
        } else if (r && INITIAL_GAP.test(r.gap)) {
          const ini = initialsNear(ts, text, i + 1, 1);
          if (ini && initialsFit(F, ini.keys)) { strong = true; last = ini.to; }
          else if (ini?.sure) other = true;
          else if (!ini && r.cap && !r.num && WORD_GAP.test(r.gap) && (known().has(r.key) || PATRONYMIC.test(r.key))) other = true;
        }
        const l = ts[i - 1];
        if (l && !l.num && WORD_GAP.test(t.gap) && F.first.has(l.key)) {
          strong = true;
          first = i - 1;
        } else if (l && !l.num && WORD_GAP.test(t.gap) && F.patronymic.has(l.key) && ts[i - 2] && F.first.has(ts[i - 2]!.key) && WORD_GAP.test(l.gap)) {
          strong = true;
          first = i - 2;
        } else if (l && INITIAL_GAP.test(t.gap)) {
          const ini = initialsNear(ts, text, i - 1, -1);
          if (ini && initialsFit(F, ini.keys)) { strong = true; first = ini.from; }
          else if (ini && (ini.sure || (ini.keys.length === 2 && ini.from < ini.to))) other = true;
          else if (!ini && l.cap && !l.num && WORD_GAP.test(t.gap) && (known().has(l.key) || PATRONYMIC.test(l.key))) other = true;
        }
        if (strong) out.push({ p, kind: 'name', first, last, strong: true });
        else if (!other && !adults) {
          const lone = !P.needsContext || (t.cap && !sentenceStart(ts, i) && !(l && COLLOCATION.has(l.plain)));
          if (lone) out.push({ p, kind: 'name', first: i, last: i, strong: false });
        }
      } else if (role === 'first') {
        const r = ts[i + 1];
        if (r && !r.num && WORD_GAP.test(r.gap) && F.patronymic.has(r.key)) {
          out.push({ p, kind: 'name', first: i, last: i + 1, strong: true });
          continue;
        }
        if (adults || !P.grade) continue;
        const cls = classAfter(P, ts, i) ?? classBefore(P, ts, i);
        if (cls) out.push({ p, kind: 'name', first: Math.min(i, cls[0]), last: Math.max(i, cls[1]), strong: true });
      }
    }
  }
  return out;
}

const gradeIs = (P: Person, t: Token | undefined) => !!t && t.num && String(Number(t.plain)) === P.grade;
const letterAt = (t: Token | undefined) => !!t && !t.num && t.plain.length === 1 && t.gap.length <= 3 && !t.gap.includes('\n');
const CLASS_GAP = /^[ \t\u00a0,«»"'“”„()–—-]{0,4}$/;

/** «Петя из 5Б», «Петя, 5 «Б»», «Петя (5Б)»: the tokens of the class, or null. */
function classAfter(P: Person, ts: readonly Token[], i: number): [number, number] | null {
  let k = i + 1;
  for (let skip = 0; skip < 2 && ts[k] && !ts[k]!.num && CLASS_WORDS.has(ts[k]!.plain) && CLASS_GAP.test(ts[k]!.gap); skip++) k++;
  const n = ts[k];
  if (!n || !gradeIs(P, n) || !CLASS_GAP.test(n.gap)) return null;
  const l = ts[k + 1];
  if (letterAt(l)) return !P.letter || l!.key === P.letter ? [i, k + 1] : null;
  return [i, k];
}

/** «5Б Петя», «из 5 Б класса Петя». */
function classBefore(P: Person, ts: readonly Token[], i: number): [number, number] | null {
  let k = i - 1;
  if (!CLASS_GAP.test(ts[i]!.gap)) return null;
  for (let skip = 0; skip < 2 && ts[k] && !ts[k]!.num && (ts[k]!.plain === 'класса' || ts[k]!.plain === 'класс' || ts[k]!.plain === 'кл') && CLASS_GAP.test(ts[k]!.gap); skip++) k--;
  if (letterAt(ts[k]) && ts[k - 1] && gradeIs(P, ts[k - 1])) return !P.letter || ts[k]!.key === P.letter ? [k - 1, i] : null;
  return gradeIs(P, ts[k]) ? [k, i] : null;
}

function dateSpans(ix: Index, ts: readonly Token[]): Span[] {
  if (!ix.dates.size) return [];
  const out: Span[] = [];
  for (let i = 0; i < ts.length; i++) {
    for (const d of datesAt(ts, i)) {
      const seen = new Set<number>();
      for (const k of d.key) for (const p of ix.dates.get(k) ?? []) {
        if (!seen.has(p)) { seen.add(p); out.push({ p, kind: 'birth_date', first: d.first, last: d.last, strong: true }); }
      }
    }
  }
  return out;
}

/**
 * Compiles the pupils once; `find` then runs over every text. `adults` are the school's staff (and the
 * director named in the profile): see the module's comment.
 */
export function pupilMatcher(pupils: readonly PupilFacts[], adults: readonly PupilFacts[] = []): Matcher {
  const pupil = new Index(pupils, true);
  const adult = new Index(adults, false);
  return {
    find(text: string): Mention[] {
      if (!text) return [];
      const ts = tokenize(text);
      if (!ts.length) return [];
      const spans = [...nameSpans(pupil, ts, text, false), ...dateSpans(pupil, ts)];
      if (!spans.length) return [];
      const grown = adult.people.length ? nameSpans(adult, ts, text, true) : [];
      const ms: Mention[] = [];
      for (const s of spans) {
        if (s.kind === 'name' && grown.some((g) => g.first <= s.first && g.last >= s.last)) continue;
        const last = ts[s.last]!;
        // An initial's dot goes with it: «Иванов С.» becomes the code, not the code and a stray dot.
        const end = s.kind === 'name' && !last.num && last.plain.length <= 2 && text[last.end] === '.' ? last.end + 1 : last.end;
        ms.push({ pupilId: pupil.people[s.p]!.id, kind: s.kind, start: ts[s.first]!.start, end });
      }
      return joinParts(dropOverlaps(ms), text);
    },
  };
}

/** Longest first, then the earliest: «Лебедев Дмитрий» wins over «Лебедев» inside it. */
function dropOverlaps(ms: Mention[]): Mention[] {
  const sorted = [...ms].sort((a, b) => (b.end - b.start) - (a.end - a.start) || a.start - b.start);
  const kept: Mention[] = [];
  for (const m of sorted) if (!kept.some((k) => m.start < k.end && k.start < m.end)) kept.push(m);
  return kept.sort((a, b) => a.start - b.start);
}

/** Parts of one name found apart (Римская-Корсакова Екатерина: two surname words) become one mention. */
function joinParts(ms: Mention[], text: string): Mention[] {
  const out: Mention[] = [];
  for (const m of ms) {
    const prev = out[out.length - 1];
    if (prev && prev.kind === 'name' && m.kind === 'name' && prev.pupilId === m.pupilId && /^[ \u00a0,.()«»"'–—-]{0,3}$/.test(text.slice(prev.end, m.start))) prev.end = m.end;
    else out.push({ ...m });
  }
  return out;
}

/** The text with each mention replaced: a name by the pupil's code, a birth date by a neutral phrase. */
export function redact(text: string, mentions: readonly Mention[], codeOf: (pupilId: string, m: Mention) => string): string {
  let out = '';
  let at = 0;
  for (const m of [...mentions].sort((a, b) => a.start - b.start)) {
    out += text.slice(at, m.start);
    const said = m.kind === 'name' ? codeOf(m.pupilId, m) : 'дата рождения не указывается';
    // «о Волкове» → «об обучающемся»: the preposition before a vowel.
    if (/^[аеёиоуыэюя]/iu.test(said)) out = out.replace(/(^|[^\p{L}])([оО])(\s+)$/u, '$1$2б$3');
    out += said;
    at = m.end;
  }
  return out + text.slice(at);
}
