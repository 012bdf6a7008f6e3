/**
 * The pupil's code said in the case the sentence needs: «Беседа с Ивановым Петей» becomes «Беседа с
 * обучающимся № 1», not «с обучающийся № 1». The case is read off the name that stood there — the forms of
 * the pupil's own surname, first name (and diminutives) and patronymic that match its words — and, when the
 * words fit several cases (Ивановой: родительный, дательный, творительный, предложный), off the preposition
 * before it.
 */
import { inclineFirstname, inclineLastname, inclineMiddlename } from 'lvovich';
import { DIMINUTIVES } from './diminutives.js';
import { gendersOf } from './forms.js';

const CASES = ['nominative', 'genitive', 'dative', 'accusative', 'instrumental', 'prepositional'] as const;
type Case = (typeof CASES)[number];

/** «обучающийся» is declined as an adjective; the code keeps this one form whatever the pupil's gender. */
const CODE_WORD: Record<Case, string> = {
  nominative: 'обучающийся', genitive: 'обучающегося', dative: 'обучающемуся',
  accusative: 'обучающегося', instrumental: 'обучающимся', prepositional: 'обучающемся',
};

/** The preposition before a name and the cases it governs (the first that the name's forms allow wins). */
const PREPOSITION = new Map<string, Case[]>();
const governs = (c: Case, ws: string[]) => ws.forEach((w) => PREPOSITION.set(w, [...(PREPOSITION.get(w) ?? []), c]));
governs('instrumental', ['с', 'со', 'за', 'над', 'под', 'перед', 'между']);
governs('prepositional', ['о', 'об', 'обо', 'при', 'в', 'во', 'на']);
governs('dative', ['к', 'ко', 'по']);
governs('genitive', ['у', 'от', 'для', 'без', 'из', 'до', 'около', 'возле', 'после', 'кроме', 'среди']);
governs('accusative', ['про', 'через', 'на', 'за']);

const norm = (s: string) => s.toLowerCase().replace(/ё/g, 'е');
const words = (s: string) => (norm(s).match(/[а-я]+(?:-[а-я]+)*/g) ?? []);
const byName = new Map(Object.entries(DIMINUTIVES).map(([k, v]) => [norm(k), v as readonly string[]]));

function formsByCase(fullName: string): Map<Case, Set<string>> {
  const [last = '', first = '', ...rest] = fullName.trim().split(/\s+/);
  const middle = rest.join(' ');
  const genders = gendersOf(last, first, middle);
  const out = new Map<Case, Set<string>>();
  const firsts = first ? [first, ...(byName.get(norm(first)) ?? [])] : [];
  for (const c of CASES) {
    const set = new Set<string>();
    const add = (f: () => string) => { try { const v = f(); if (v) for (const w of words(v)) set.add(w); } catch { /* lvovich has no rule: the word is left out */ } };
    for (const g of genders) {
      if (last) add(() => inclineLastname(last, c, g));
      for (const n of firsts) add(() => inclineFirstname(n, c, g));
      if (middle) add(() => inclineMiddlename(middle, c, g));
    }
    out.set(c, set);
  }
  return out;
}

/** The case of the name `span` (a mention of the pupil `fullName`), `before` being the text in front of it. */
export function caseOfMention(span: string, before: string, fullName: string): Case {
  const forms = formsByCase(fullName);
  let candidates: Case[] = [...CASES];
  for (const w of words(span)) {
    if (w.length < 2) continue; // an initial fits every case
    const fits = CASES.filter((c) => forms.get(c)!.has(w));
    if (fits.length) candidates = candidates.filter((c) => fits.includes(c));
  }
  if (!candidates.length) return 'nominative';
  const prev = words(before).at(-1);
  const governed = prev ? PREPOSITION.get(prev) ?? [] : [];
  return governed.find((c) => candidates.includes(c)) ?? candidates[0]!;
}

/** «обучающийся № 5» in the case of the name it replaces. */
export function codeInCase(code: string, span: string, before: string, fullName: string | undefined): string {
  if (!fullName || !code.startsWith('обучающийся')) return code;
  return CODE_WORD[caseOfMention(span, before, fullName)] + code.slice('обучающийся'.length);
}
