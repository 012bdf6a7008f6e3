/**
 * Orders as people read them: «№» naturally (1, 2, 2.1, 10; an unnumbered item last) and schools by their
 * distinctive name («Гаевская», «№ 13»), not by the type of school every name starts with (МБОУ, ООШ,
 * «Средняя школа»). Each is a key — a plain string compared byte by byte — so SQLite (`natural_key`,
 * `school_key`, registered on every connection in db/open.ts) and the screen order the same way.
 */

/** After every real key: what has no number goes last. */
const LAST = '\u{10FFFF}';

/** «2.10» → «000000002.000000010»: digit runs padded, so that a byte comparison is a numeric one. */
export function naturalKey(value: unknown): string {
  const s = value === null || value === undefined ? '' : String(value).trim().toLowerCase().replace(/ё/g, 'е');
  if (!s) return LAST;
  return s.replace(/\d+/g, (d) => d.replace(/^0+(?=\d)/, '').padStart(12, '0'));
}

export function compareNatural(a: unknown, b: unknown): number {
  const x = naturalKey(a);
  const y = naturalKey(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Words that say what kind of school it is, in the order they are stripped from the front and the back. */
const TYPE_WORDS = [
  // abbreviations of the legal form and type: МБОУ, МАОУ, МКОУ, МОУ, ГБОУ, ЧОУ, МБОУ СОШ, ООШ, НОШ, СОШ, ЦО, ОК
  /^(?:[мгч]?[бак]?оу|[мгч]?[бак]?общеобразовательное учреждение)(?=[\s,.]|$)/,
  /^(?:муниципальное|государственное|частное)(?: (?:бюджетное|автономное|казённое|казенное))? общеобразовательное учреждение(?=[\s,.]|$)/,
  /^(?:сош|оош|нош|вош|цо|лицей|гимназия|школа-интернат)(?=[\s,.]|$)/,
  /^(?:средняя|основная|начальная)(?: общеобразовательная)? школа(?=[\s,.]|$)/,
  /^(?:общеобразовательная )?школа(?=[\s,.]|$)/,
];

/**
 * «МКОУ «Пьянковская ООШ»» → «пьянковская оош»; «МБОУ «Средняя школа № 13»» → «13»: the name without its type
 * words and quotes, as a natural key (so «№ 2» comes before «№ 13»).
 */
export function schoolSortKey(name: unknown): string {
  let s = (name === null || name === undefined ? '' : String(name)).toLowerCase().replace(/ё/g, 'е')
    .replace(/[«»"„“”']/g, ' ').replace(/\s+/g, ' ').trim();
  for (let changed = true; changed;) {
    changed = false;
    for (const re of TYPE_WORDS) {
      const next = s.replace(re, '').replace(/^[\s,.-]+/, '');
      if (next !== s && next) { s = next; changed = true; }
    }
  }
  s = s.replace(/^№\s*/, '').replace(/\s+№\s*(?=\d)/, ' ');
  return naturalKey(s);
}

/**
 * A sort of 300 schools compares each name some twenty times and a key is a dozen regular expressions: the keys are
 * remembered by name (a department has hundreds of names, not millions; the memory is dropped past a bound).
 */
const schoolKeys = new Map<string, string>();
function keptSchoolKey(name: unknown): string {
  const k = name === null || name === undefined ? '' : String(name);
  let key = schoolKeys.get(k);
  if (key === undefined) {
    if (schoolKeys.size >= 10_000) schoolKeys.clear();
    schoolKeys.set(k, (key = schoolSortKey(k)));
  }
  return key;
}

export function compareSchools(a: unknown, b: unknown): number {
  const x = keptSchoolKey(a);
  const y = keptSchoolKey(b);
  return x < y ? -1 : x > y ? 1 : 0;
}
