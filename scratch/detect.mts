import { pupilFiles, PUPIL } from '../tests/unit/shared-file-fixtures.js';
import { fileText as oldText } from './old-file-text.js';
import { readWholeSync } from '../main/services/privacy/read-whole.js';
import { pupilMatcher } from '../main/services/pupil-mentions.js';
const m = pupilMatcher([{ id: 'p', fullName: PUPIL.full_name, birthDate: PUPIL.birth_date }], []);
let o = 0, n = 0;
const files = await pupilFiles();
for (const [what, name, bytes] of files) {
  let old: string; const t0 = performance.now();
  try { const t = oldText(name, bytes); old = t === null ? 'не прочитан (передан бы)' : m.find(t).length ? 'найден' : 'ПРОПУЩЕН'; } catch (e) { old = 'ошибка'; }
  const r = readWholeSync(name, bytes);
  const neu = !r.ok && r.text === undefined ? `не читается (${r.why})` : m.find(r.text!).length ? 'найден' : 'ПРОПУЩЕН';
  if (old === 'найден') o++; if (neu === 'найден') n++;
  console.log(`${what.padEnd(45)} было: ${old.padEnd(26)} стало: ${neu}`);
}
console.log(`найдено: было ${o} из ${files.length}, стало ${n} из ${files.length}`);
process.exit(0);
