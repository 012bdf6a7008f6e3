/**
 * Finds a pupil's name or birth date inside free text («Лебедев Дмитрий, 20.03.2014 г.р.»), so that the
 * school's bundle never carries them even where a teacher typed them into a reason or a note. Pure: the
 * exchange (main/services/exchange/outgoing-check.ts) feeds it the school's own pupils and texts.
 *
 * False positives: a surname alone is a mention only when it looks like a surname (-ов, -ев, -ин, -ский,
 * -енко…) and is not a common word; any other surname (Мороз, Соловей, Белый) counts only next to the
 * pupil's first name or initial, so «мороз» in «из-за мороза занятия отменили» is not flagged.
 */

export interface PupilFacts {
  id: string;
  fullName: string;
  /** YYYY-MM-DD or null. */
  birthDate: string | null;
}

export interface Mention {
  pupilId: string;
  kind: 'name' | 'birth_date';
  start: number;
  end: number;
}

const L = 'а-яa-z'; // letters after lowering and ё → е
/** Latin, Cyrillic, punctuation and «№»: where lowering keeps every char one char, so the whole string may be lowered at once. */
const ONE_TO_ONE = /^[\u0000-\u00ff\u0400-\u04ff\u2000-\u206f\u2100-\u214f]*$/;

/** Lowered, ё → е, one char per char: positions found here are positions in the original text. */
export function fold(s: string): string {
  // A shared file may be megabytes of text: lowered in one call (a hundred times faster) when that is safe.
  if (ONE_TO_ONE.test(s)) return s.toLowerCase().replace(/ё/g, 'е');
  let out = '';
  for (const ch of s) {
    const c = ch.toLowerCase();
    out += c === 'ё' ? 'е' : c.length === 1 ? c : ch;
  }
  return out;
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The stem a word declines from: without its ending vowel, -й, -ь, or the adjectival -ий/-ый/-ой/-ая/-яя. */
function stem(word: string): string {
  const w = fold(word);
  const adj = w.match(/^(.{3,}?)(ий|ый|ой|ая|яя)$/);
  if (adj) return adj[1]!;
  const fem = w.match(/^(.{3,}(?:ов|ев|ин|ын))а$/);
  if (fem) return fem[1]!;
  const v = w.match(/^(.{2,}?)[аяоеыиуюйь]$/);
  return v ? v[1]! : w;
}

/**
 * Any declined form. Surnames in -ов/-ев/-ин and -ский have their case endings spelled out (so that the
 * patronymic Андреевич is not a form of Андреев); other words take the stem and up to three more letters
 * (Дмитрий → Дмитрию, Мороз → Морозу).
 */
function forms(word: string): string {
  const st = stem(word);
  if (/(ов|ев|ин|ын)$/.test(st)) return `${esc(st)}(?:ыми|ым|ых|ой|ою|ом|а|у|е|ы)?`;
  if (/(ск|цк)$/.test(st) && /(ий|ой|ая)$/.test(fold(word))) return `${esc(st)}(?:ого|ому|ими|ий|ой|ая|ую|ие|их|им|ом|ою)`;
  return `${esc(st)}[${L}]{0,3}`;
}

const SURNAME_LIKE = /(ов|ев|ин|ын|ова|ева|ина|ына|ский|цкий|ская|цкая|енко|ук|юк|чук|ич|швили|дзе|ян)$/;
/** Surnames that are also ordinary words or names of places; alone they say nothing about a pupil. */
const COMMON = new Set(['ленин', 'пушкин', 'котов', 'львов', 'орехов', 'саратов', 'тамбов', 'ростов', 'киров', 'орлов', 'дубровский', 'московский', 'городской', 'детский', 'русский', 'школьный']);

/** The pupil's surname (and first name) as a pattern over folded text, or null when the name is too short to tell. */
function namePattern(fullName: string): { full: RegExp | null; alone: RegExp | null } | null {
  const parts = fold(fullName).split(/\s+/).filter(Boolean);
  const [sur, first] = parts;
  if (!sur || sur.length < 3) return null;
  const S = forms(sur);
  const alts: string[] = [];
  if (first) {
    const F = forms(first);
    const I = esc(first[0]!);
    alts.push(`${S}\\s+${F}`, `${F}\\s+${S}`, `${S}\\s+${I}\\.(?:\\s*[${L}]\\.)?`, `${I}\\.(?:\\s*[${L}]\\.)?\\s*${S}`);
  }
  // Only a surname that looks like one, and is not a common word, is a mention on its own; followed or
  // preceded by someone else's initials («Лебедева О. В.») it is that person, not the pupil.
  const alone = SURNAME_LIKE.test(sur) && !COMMON.has(sur) && sur.length >= 5
    ? new RegExp(`(?<![${L}])(?<![${L}]\\.\\s*)${S}(?![${L}])(?!\\s*[${L}]\\.)`, 'g') : null;
  return { full: alts.length ? new RegExp(`(?<![${L}])(?:${alts.join('|')})(?![${L}])`, 'g') : null, alone };
}

/** «Иванова Лариса Юрьевна»: a surname followed by a capitalised word is someone's full name, not this pupil's. */
const NAMED_AFTER = /^\s+[А-ЯЁ][а-яё]/;

const MONTHS = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];

/** A birth date in the spellings people type: 20.03.2014, 20.03.14, 2014-03-20, 20/03/2014, «20 марта 2014». */
function datePattern(iso: string): RegExp | null {
  const m = iso.match(/^(\d{4})-(\d{2})-(\d{2})$/);
  if (!m) return null;
  const [, y = '', mo = '', d = ''] = m;
  const D = `0?${Number(d)}`;
  const M = `0?${Number(mo)}`;
  const Y = `(?:${y}|${y.slice(2)})`;
  const sep = '\\s*[./-]\\s*';
  const alts = [`${D}${sep}${M}${sep}${Y}`, `${y}${sep}${mo}${sep}${d}`, `${D}\\s+${MONTHS[Number(mo) - 1]}\\s+${y}`];
  return new RegExp(`(?<!\\d)(?:${alts.join('|')})(?!\\d)`, 'g');
}

export interface Matcher {
  find(text: string): Mention[];
}

/**
 * Compiles the pupils once; `find` then runs over every text of the bundle. `adults` are the school's staff:
 * a span that names a teacher as fully as it names a pupil (Михайлова А. Д., both) is taken as the teacher's,
 * since staff names are not a minor's data and a teacher's name in «Ответственные» must go.
 */
export function pupilMatcher(pupils: readonly PupilFacts[], adults: readonly PupilFacts[] = []): Matcher {
  const pupil = rawMatcher(pupils);
  const adult = rawMatcher(adults.map((a) => ({ ...a, birthDate: null })));
  return {
    find(text: string): Mention[] {
      const grown = adult.find(text);
      return pupil.find(text).filter((m) => m.kind !== 'name' || !grown.some((g) => g.start <= m.start && g.end >= m.end));
    },
  };
}

function rawMatcher(pupils: readonly PupilFacts[]): Matcher {
  const compiled = pupils.map((p) => {
    const n = namePattern(p.fullName);
    const sur = fold(p.fullName).split(/\s+/).find(Boolean) ?? '';
    // What every match must contain literally: the surname's stem, the year's last two digits. A long text (a
    // shared file) skips a pupil's patterns unless it holds these, instead of running them all over every byte.
    return {
      id: p.id, name: n?.full ?? null, alone: n?.alone ?? null, date: p.birthDate ? datePattern(p.birthDate) : null,
      nameKey: stem(sur), dateKey: p.birthDate?.slice(2, 4) ?? '',
    };
  });
  return {
    find(text: string): Mention[] {
      if (!text) return [];
      const t = fold(text);
      const out: Mention[] = [];
      for (const c of compiled) {
        const named = t.includes(c.nameKey);
        for (const [kind, re] of [['name', named ? c.name : null], ['birth_date', t.includes(c.dateKey) ? c.date : null]] as const) {
          if (!re) continue;
          for (const m of t.matchAll(re)) out.push({ pupilId: c.id, kind, start: m.index, end: m.index + m[0].length });
        }
        if (c.alone && named) {
          for (const m of t.matchAll(c.alone)) {
            const end = m.index + m[0].length;
            if (!NAMED_AFTER.test(text.slice(end, end + 3))) out.push({ pupilId: c.id, kind: 'name', start: m.index, end });
          }
        }
      }
      return dropOverlaps(out);
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

/** The text with each mention replaced: a name by the pupil's code, a birth date by a neutral phrase. */
export function redact(text: string, mentions: readonly Mention[], codeOf: (pupilId: string) => string): string {
  let out = '';
  let at = 0;
  for (const m of [...mentions].sort((a, b) => a.start - b.start)) {
    out += text.slice(at, m.start) + (m.kind === 'name' ? codeOf(m.pupilId) : 'дата рождения не указывается');
    at = m.end;
  }
  return out + text.slice(at);
}
