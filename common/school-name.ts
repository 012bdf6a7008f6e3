/**
 * A school's name as a person tells schools apart: the short name when there is one, otherwise the part of the
 * full name that differs from school to school. «Муниципальное бюджетное общеобразовательное учреждение «Средняя
 * школа № 13»» and «… «Средняя школа № 14»» share sixty letters; a table, a select or a file name that shows only
 * those sixty shows the same thing twice. Used by file names (exchange, enrollment) and by the municipality's tables.
 */
import { safeFileName } from './file-names.js';

/** Longer phrases first: «Средняя общеобразовательная школа» before «Средняя школа». */
const KINDS: [RegExp, string][] = [
  [/средняя\s+общеобразовательная\s+школа/giu, 'СОШ'],
  [/основная\s+общеобразовательная\s+школа/giu, 'ООШ'],
  [/начальная\s+общеобразовательная\s+школа/giu, 'НОШ'],
  [/средняя\s+школа/giu, 'СШ'],
  [/основная\s+школа/giu, 'ОШ'],
  [/начальная\s+школа/giu, 'НШ'],
];

/** The legal form at the start of a full name: «Муниципальное бюджетное общеобразовательное учреждение». */
const LEGAL_FORM = /^(?:(?:муниципальное|государственное|областное|краевое|частное|автономное|бюджетное|казённое|казенное|некоммерческое)\s+)+(?:общеобразовательное\s+)?(?:учреждение|организация)\s*/iu;

function abbreviate(s: string): string {
  let out = s;
  for (const [re, short] of KINDS) out = out.replace(re, short);
  // «№13», «№  13» → «№ 13»: one way of writing a number, whatever was typed.
  return out.replace(/№\s*(?=\d)/g, '№ ').replace(/\s+/g, ' ').trim();
}

/** «СШ № 13» for «Муниципальное бюджетное общеобразовательное учреждение «Средняя школа № 13»»; the short name when given. */
export function schoolShortName(name: string | null | undefined, shortName?: string | null): string {
  const short = (shortName ?? '').trim();
  if (short) return short;
  const full = (name ?? '').replace(/\s+/g, ' ').trim();
  if (!full) return '';
  // The name proper follows the legal form, in quotes: «…учреждение «Средняя школа № 13»» or «МБОУ «СОШ № 5»».
  const rest = full.replace(LEGAL_FORM, '').replace(/^[А-ЯЁ]{3,6}\s+(?=[«"„“])/u, '');
  // The outer quotes go, whatever follows them stays («СШ № 13 (филиал)»).
  const quoted = /^[«"„“]\s*(.*)[»"”](.*)$/u.exec(rest);
  const inner = quoted ? `${quoted[1]!.trim()}${quoted[2]!.trim() ? ` ${quoted[2]!.trim()}` : ''}` : rest;
  return abbreviate(inner || full);
}

/**
 * The school's name inside a file name: short, valid on every system, and never cut before its number — two
 * schools' files in one download folder must not take the same name («Подключение СШ № 13», «Подключение СШ № 14»).
 */
export function schoolFileLabel(name: string | null | undefined, shortName?: string | null, max = 60): string {
  const label = schoolShortName(name, shortName);
  const whole = safeFileName(label, 'школа', 500);
  if (whole.length <= max) return whole;
  // Too long even so: keep the end with the number, cut the middle.
  const num = /№\s*\d+[\p{L}]?(?:\s*[«"][^»"]*[»"])?\S*$|\d+\S*$/u.exec(whole)?.[0];
  if (!num) return safeFileName(whole, 'школа', max);
  const head = whole.slice(0, Math.max(1, max - num.length - 2)).trim();
  return safeFileName(`${head}… ${num}`, 'школа', max + 2);
}
