/**
 * Benchmark section for personal data at rest: the large demo school's lists that show names, which open
 * every sealed name and sort in memory (main/services/privacy/lists.ts), against the same first screen as
 * plain SQL would give it without encryption; the cost of one seal / open, and of unlocking (scrypt).
 */
import { performance } from 'node:perf_hooks';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Workspace } from '../main/workspace.js';
import { dispatch } from '../main/handlers.js';
import { generateDemo } from '../main/services/school/demo.js';
import { sealText, openText, deriveKey, newKdf } from '../main/services/privacy/envelope.js';
import { fileMentionProblem, findPupilMentions } from '../main/services/exchange/outgoing-check.js';
import { knownPupils, schoolAdults } from '../main/services/privacy/people.js';
import { pupilMatcher } from '../main/services/privacy/pupil-mentions.js';
import { ownerId } from '../main/services/core/writer.js';
import { readWholeSync } from '../main/services/privacy/read-whole.js';
import { Document, Packer, Paragraph } from 'docx';
// The same hand-made zip the tests use: one entry whose headers understate its size.
import { handZip } from '../tests/unit/shared-file-fixtures.js';
import { zipSync, strToU8 } from 'fflate';
import { deflateRawSync } from 'node:zlib';


function best(n: number, f: () => void): number {
  let min = Infinity;
  for (let i = 0; i < n; i++) {
    const s = performance.now();
    f();
    min = Math.min(min, performance.now() - s);
  }
  return min;
}

export async function benchPrivacy(): Promise<Record<string, number>> {
  const ws = new Workspace(mkdtempSync(join(tmpdir(), 'opora-bench-privacy-')));
  const ctx = await ws.switchTo('main');
  generateDemo(ctx, { size: 'large', seed: 7 });
  const pupils = ctx.raw.prepare('SELECT COUNT(*) FROM pupil').pluck().get() as number;
  const list = async (input: Record<string, unknown>) => {
    const s = performance.now();
    const r = await dispatch(ws, 'records.list', { limit: 50, ...input } as never);
    if (!r.ok) throw new Error(r.message);
    return performance.now() - s;
  };
  const time = async (input: Record<string, unknown>) => {
    await list(input);
    let min = Infinity;
    for (let i = 0; i < 5; i++) min = Math.min(min, await list(input));
    return min;
  };
  const f: Record<string, number> = {};
  f.privacy_risk_first_ms = await time({ entity: 'risk_entry' });
  f.privacy_risk_search_ms = await time({ entity: 'risk_entry', search: 'иван' });
  f.privacy_risk_sort_desc_ms = await time({ entity: 'risk_entry', sort: { field: 'pupil_name', dir: 'desc' } });
  f.privacy_gifted_first_ms = await time({ entity: 'gifted_pupil' });
  f.privacy_pupil_first_ms = await time({ entity: 'pupil' });
  // The same first screen as SQL gave it before names were sealed (sorted and paged by SQLite).
  const plain = ctx.raw.prepare(`SELECT t.*, p.full_name AS pupil_name, p.class_name AS class_name, p.birth_date AS birth_date FROM risk_entry t
    LEFT JOIN pupil p ON p.id = t.pupil_id WHERE t.deleted_at IS NULL ORDER BY p.full_name, t.id LIMIT 50`);
  f.privacy_risk_plain_sql_ms = best(6, () => plain.all());
  const key = randomBytes(32);
  const sealed = sealText(key, 'Константинопольская Александра Владимировна');
  f.privacy_seal_us = Math.round((best(3, () => { for (let i = 0; i < 1000; i++) sealText(key, 'Константинопольская Александра Владимировна'); }) / 1000) * 1000 * 10) / 10;
  f.privacy_open_us = Math.round((best(3, () => { for (let i = 0; i < 1000; i++) openText(key, sealed); }) / 1000) * 1000 * 10) / 10;
  f.privacy_unlock_ms = Math.round(best(2, () => deriveKey('пароль рабочего места', newKdf())));
  // The name check of the export: every outgoing free text of the large school against every pupil ever entered.
  const facts = knownPupils(ctx);
  const adults = schoolAdults(ctx);
  f.names_pupils = facts.length;
  // The first build in a session declines every name with the library; later ones reuse the declined forms.
  f.names_matcher_build_first_ms = best(1, () => pupilMatcher(facts, adults));
  f.names_matcher_build_ms = best(3, () => pupilMatcher(facts, adults));
  f.names_check_export_ms = best(3, () => findPupilMentions(ctx, ownerId(ctx)));
  // A file the school passes on is read and looked through for every pupil's name (at the tick and at each export).
  const line = 'На заседании обсудили результаты ВПР по математике в 5–8 классах и меры поддержки обучающихся группы риска. ';
  const protocol = await Packer.toBuffer(new Document({ sections: [{ children: Array.from({ length: 4000 }, (_, i) => new Paragraph(`${i + 1}. ${line.repeat(2)}`)) }] }));
  const text = Buffer.from(line.repeat(50_000));
  f.privacy_file_docx_kb = Math.round(protocol.length / 1024);
  f.privacy_file_docx_ms = best(3, () => fileMentionProblem(ctx, 'Протокол.docx', protocol));
  f.privacy_file_txt_mb = Math.round(text.length / 1048576 * 10) / 10;
  f.privacy_file_txt_ms = best(3, () => fileMentionProblem(ctx, 'Протокол.txt', text));
  // Reading alone (the worker thread, file-text.ts), and the files that froze the app before (54 s, 59 s, 1.09 GB).
  f.privacy_file_docx_read_ms = best(3, () => readWholeSync('Протокол.docx', protocol));
  const hostile = Buffer.from(zipSync({ 'word/document.xml': strToU8('<'.repeat(1024 * 1024)) }, { level: 9 }));
  f.privacy_hostile_kb = Math.round(hostile.length / 1024 * 10) / 10;
  f.privacy_hostile_ms = best(3, () => readWholeSync('Протокол.docx', hostile));
  const many = zipSync(Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`word/p${i}.xml`, strToU8(`<a>${i}</a>`)])));
  f.privacy_20000_parts_ms = best(3, () => readWholeSync('Части.docx', many));
  const bomb = handZip('word/document.xml', deflateRawSync(Buffer.alloc(256 * 1024 * 1024, 0x20), { level: 9 }));
  f.privacy_bomb_kb = Math.round(bomb.length / 1024);
  f.privacy_bomb_ms = best(3, () => readWholeSync('Бомба.docx', bomb));
  // Just under the 64 MB of inflated parts: read through, and what it costs in time and memory.
  const denseXml = strToU8(`<w:document xmlns:w="w"><w:body>${'<w:p><w:r><w:t>Протокол заседания</w:t></w:r></w:p>'.repeat(950_000)}</w:body></w:document>`);
  const dense = Buffer.from(zipSync({ 'word/document.xml': denseXml }, { level: 9 }));
  f.privacy_dense_xml_mb = Math.round(denseXml.length / 1048576);
  f.privacy_dense_kb = Math.round(dense.length / 1024);
  const rss = process.memoryUsage().rss;
  f.privacy_dense_ms = best(1, () => { f.privacy_dense_read = Number(readWholeSync('Плотный.docx', dense).ok); });
  f.privacy_dense_rss_mb = Math.round((process.memoryUsage().rss - rss) / 1048576);
  for (const k of Object.keys(f)) if (k.endsWith('_ms')) f[k] = f[k]! < 100 ? Math.round(f[k]! * 10) / 10 : Math.round(f[k]!);
  console.log(`Персональные данные зашифрованы (${pupils} обучающихся). Первый экран, мс: группа риска ${f.privacy_risk_first_ms} ` +
    `(без шифрования, SQL — ${f.privacy_risk_plain_sql_ms}), поиск по ФИО ${f.privacy_risk_search_ms}, сортировка по ФИО ↓ ${f.privacy_risk_sort_desc_ms}, ` +
    `одарённые ${f.privacy_gifted_first_ms}, обучающиеся ${f.privacy_pupil_first_ms} (цель — меньше 50).`);
  console.log(`Проверка передаваемого файла на ФИО ${pupils} обучающихся: .docx ${f.privacy_file_docx_kb} КБ (4 000 абзацев) — ${f.privacy_file_docx_ms} мс, ` +
    `.txt ${f.privacy_file_txt_mb} МБ — ${f.privacy_file_txt_ms} мс.`);
  console.log(`Проверка свободного текста выгрузки на ФИО и даты рождения ${f.names_pupils} обучающихся: ${f.names_check_export_ms} мс (цель — меньше 300), ` +
    `построение словаря форм имён ${f.names_matcher_build_first_ms} мс в первый раз, ${f.names_matcher_build_ms} мс потом.`);
  console.log(`Чтение целиком в отдельном потоке: .docx из 4 000 абзацев — ${f.privacy_file_docx_read_ms} мс; враждебный .docx ${f.privacy_hostile_kb} КБ из незакрытых «<» — ${f.privacy_hostile_ms} мс ` +
    `(было 54 с); 20 000 частей — ${f.privacy_20000_parts_ms} мс (было 59 с); zip-бомба ${f.privacy_bomb_kb} КБ → 256 МБ — ${f.privacy_bomb_ms} мс; ` +
    `плотный .docx ${f.privacy_dense_kb} КБ → ${f.privacy_dense_xml_mb} МБ XML — ${f.privacy_dense_read ? 'прочитан' : 'не прочитан'} за ${f.privacy_dense_ms} мс, прирост памяти процесса ${f.privacy_dense_rss_mb} МБ (было 1,09 ГБ у .docx 111 КБ).`);
  console.log(`Одно значение: зашифровать ${f.privacy_seal_us} мкс, расшифровать ${f.privacy_open_us} мкс; разблокировка (scrypt) ${f.privacy_unlock_ms} мс.`);
  await ws.close();
  return f;
}
