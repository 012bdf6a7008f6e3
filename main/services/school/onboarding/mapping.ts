/**
 * Which column of a list is which field: guessed from the header's words, or as the person set it for the
 * last file of the same kind (kept in the workspace's settings, so next year's file maps itself).
 */
import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { getMeta, setMeta } from '../../core/meta.js';
import type { ListField, ListKind } from '../../../../preload/contract/onboarding.js';

/** Tried in order: «Фамилия, имя, отчество» is the whole name, not the surname. */
const WORDS: [ListField, RegExp][] = [
  ['full_name', /^ф\.?\s*и\.?\s*о|фамилия,?\s*имя|^ф\.\s*и\.|полное имя|^фио/i],
  ['last_name', /^фамилия/i],
  ['first_name', /^имя/i],
  ['middle_name', /^отчество/i],
  ['birth_date', /рожд/i],
  ['position', /должност/i],
  ['subjects', /предмет|дисциплин/i],
  ['category', /категори/i],
  ['education', /образовани/i],
  ['experience_years', /стаж/i],
  ['class_name', /класс/i],
  ['sex', /^пол\b|^пол$/i],
  ['hired_on', /при[её]м|принят/i],
];

export const FIELDS_OF: Record<ListKind, ListField[]> = {
  staff: ['full_name', 'last_name', 'first_name', 'middle_name', 'position', 'subjects', 'category', 'education', 'experience_years', 'hired_on', 'birth_date', 'sex'],
  pupils: ['full_name', 'last_name', 'first_name', 'middle_name', 'birth_date', 'class_name', 'sex'],
};

const key = (h: string) => h.toLowerCase().replace(/ё/g, 'е').replace(/[^а-яa-z0-9]+/g, ' ').trim();

export function guessField(kind: ListKind, header: string): ListField | null {
  const h = header.trim();
  if (!h) return null;
  const f = WORDS.find(([, re]) => re.test(h))?.[0] ?? null;
  return f && FIELDS_OF[kind].includes(f) ? f : null;
}

type Remembered = Record<string, ListField | null>;

function remembered(raw: BetterSqlite3.Database, kind: ListKind): Remembered {
  try {
    return JSON.parse(getMeta(raw, `import_mapping.${kind}`) ?? '{}') as Remembered;
  } catch {
    return {};
  }
}

/** Per column: the remembered field for this header, else the guess. */
export function mappingFor(raw: BetterSqlite3.Database, kind: ListKind, headers: string[]): { fields: (ListField | null)[]; remembered: boolean } {
  const memo = remembered(raw, kind);
  let used = false;
  const fields = headers.map((h) => {
    const k = key(h);
    if (k && k in memo) { used = true; return memo[k] ?? null; }
    return guessField(kind, h);
  });
  return { fields, remembered: used };
}

export function rememberMapping(raw: BetterSqlite3.Database, kind: ListKind, headers: string[], fields: (ListField | null)[]): void {
  const memo = remembered(raw, kind);
  headers.forEach((h, i) => { const k = key(h); if (k) memo[k] = fields[i] ?? null; });
  setMeta(raw, `import_mapping.${kind}`, JSON.stringify(memo));
}
