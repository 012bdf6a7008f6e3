import { createRequire } from 'node:module';
import { decodeText } from '../main/services/privacy/file-text.js';
import { encode } from '../tests/unit/shared-file-fixtures.js';
const chardet = createRequire('/tmp/wtest/chd/')('chardet');
const samples = ['Лебедев Дмитрий', 'Список: Лебедев Дмитрий, 5А', 'Ученик Ёлкин Пётр', 'ФИО;Класс\nСоколова Мария Игоревна;7Б', 'Протокол педсовета № 3 от 12.10.2026. Присутствовали 14 человек.', 'ИВАНОВ ИВАН', 'Дата рождения: 20.03.2014', 'ПЕТРОВА', 'Шишкин Щ.', 'Иванов', 'ученица 9 класса', 'Обсудили работу с отстающими учениками 5–8 классов и план на четверть.'];
const names: Record<string, string> = { 'windows-1251': 'windows-1251', 'koi8-r': 'KOI8-R', 'ibm866': 'IBM866' };
let mine = 0, theirs = 0, total = 0;
for (const enc of ['windows-1251', 'koi8-r', 'ibm866'] as const) for (let s of samples) {
  const b = encode(s, enc); total++; s = new TextDecoder(enc).decode(b);
  if (decodeText(b) === s) mine++;
  const d = chardet.detect(b) as string | null;
  let ok = false; try { ok = d !== null && new TextDecoder(d).decode(b) === s; } catch {}
  if (ok) theirs++;
  if (!ok || decodeText(b) !== s) console.log(enc, JSON.stringify(s).slice(0, 30), 'chardet:', d, 'mine:', decodeText(b) === s);
}
console.log(`верно: своя эвристика ${mine}/${total}, chardet ${theirs}/${total}`);
