/**
 * A demo municipality with N enrolled fictional schools, built the way real data arrives: for each school
 * the municipality makes an enrollment file, a separate school database opens it and is filled by the demo
 * generator (varied size and progress), the school exports its bundle and the municipality imports it; the
 * municipality's roadmap then travels down, the school marks the activities that concern it and sends a
 * second bundle up, with its marks on the municipality's assignments too (demo-work.ts). School names are
 * seed 004's (real schools of one municipality), then made-up ones; every person, pupil and figure is fictional.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ServiceContext } from '../core/context.js';
import { openDatabase } from '../../../db/open.js';
import { initMunicipality } from '../core/municipality-profile.js';
import { enrollSchool, openEnrollment, exportForDownload, importBundle, listMunicipalActivities, markMunicipalActivity, type ExchangeContext } from '../exchange/index.js';
import { generateDemo } from '../school/demo.js';
import { isoDay, formatDate } from '../../../common/format.js';
import { addAttachment, shareAttachment } from '../school/attachments.js';
import type { LevelCode } from '../../../common/roster-labels.js';
import { saveRosterSchool, savePartnerGroup, saveCurator, saveCoordination } from './roster.js';
import { saveRoadmap, saveRoadmapActivity } from './roadmap.js';
import { saveReportSettings } from './report-settings.js';
import { addCuratorComment } from '../exchange/municipal.js';
import { seededRandom, type SeededRandom } from '../../../common/random.js';
import { demoMunicipalWork, markDemoAssignments } from './demo-work.js';

export interface MunicipalityDemoOptions {
  schools: number;
  seed?: number;
  /** Called after each school's data has been imported. */
  onProgress?: (done: number, total: number, school: string) => void | Promise<void>;
  /** Where the schools' own databases are made (removed afterwards unless keepSchools). */
  workDir?: string;
  keepSchools?: boolean;
}


/** Seed 004: name, cluster, ГК, ГИСБШ, level by ГК, level by ГИСБШ. */
const SEED_004: [string, number, number | null, number | null, LevelCode, LevelCode][] = [
  ['Бердюгинская СОШ', 2, 6, 3, 'mid', 'low'], ['Гаевская ООШ', 1, 5, 2, 'below', 'low'], ['Горкинская СОШ', 2, 6, 3, 'mid', 'low'],
  ['Дубская СОШ', 2, 6, 3, 'mid', 'low'], ['Зайковская СОШ №1', 2, 7, 4, 'above', 'low'], ['Зайковская СОШ №2', 2, 4, 2, 'low', 'low'],
  ['Знаменская СОШ', 2, 4, 3, 'low', 'low'], ['Килачевская СОШ', 2, 5, 6, 'below', 'mid'], ['Киргинская СОШ', 2, 4, 3, 'low', 'low'],
  ['Кирилловская ООШ', 1, 9, 3, 'above', 'low'], ['Ключевская СОШ', 2, 4, 2, 'low', 'low'], ['Ницинская ООШ', 1, 6, 2, 'mid', 'low'],
  ['Осинцевская ООШ', 1, 3, 3, 'low', 'low'], ['Пионерская СОШ', 2, 7, null, 'above', 'no_info'], ['Пьянковская ООШ', 1, 5, 2, 'below', 'low'],
  ['Речкаловская СОШ', 2, 5, 3, 'below', 'low'], ['Рудновская ООШ', 1, 9, null, 'above', 'no_info'], ['Стриганская СОШ', 2, 3, 3, 'low', 'low'],
  ['Фоминская ООШ', 1, null, 3, 'no_graduates', 'low'], ['Харловская СОШ', 2, 6, 4, 'mid', 'low'], ['Черновская СОШ', 2, 5, null, 'below', 'no_info'],
];
const ROOTS = ['Берёзовская', 'Лесная', 'Озёрная', 'Сосновская', 'Луговая', 'Рябиновая', 'Кедровая', 'Полевая', 'Речная', 'Заречная', 'Светлая', 'Ольховская',
  'Черёмуховая', 'Липовская', 'Ясеневская', 'Клёновская', 'Дубравная', 'Родниковая', 'Ключевская', 'Горная', 'Долинная', 'Степная', 'Весёлая', 'Покровская',
  'Никольская', 'Троицкая', 'Успенская', 'Петровская', 'Ивановская', 'Михайловская', 'Васильевская', 'Александровская', 'Знаменская', 'Садовая', 'Вишнёвая', 'Калиновая'];
const levelOf = (g: number): LevelCode => (g <= 4 ? 'low' : g === 5 ? 'below' : g === 6 ? 'mid' : g <= 8 ? 'above' : 'high');
const socialLevelOf = (g: number): LevelCode => (g <= 3 ? 'low' : g === 4 ? 'below' : g === 5 ? 'mid' : 'above');
const PEOPLE = ['Чащина Татьяна Викторовна', 'Григорьева Ольга Николаевна', 'Соколов Андрей Петрович', 'Лебедева Марина Сергеевна', 'Орлова Наталья Юрьевна',
  'Кузьмин Дмитрий Александрович', 'Волкова Елена Ивановна', 'Фролова Ирина Михайловна'];

interface DemoSchool { full: string; short: string; cluster: number; qg: number | null; sg: number | null; ql: LevelCode; sl: LevelCode }

function schoolList(n: number, r: SeededRandom): DemoSchool[] {
  const out: DemoSchool[] = [];
  for (let i = 0; i < n; i++) {
    if (i < SEED_004.length) {
      const [short, cluster, qg, sg, ql, sl] = SEED_004[i]!;
      out.push({ full: `МОУ «${short}»`, short, cluster, qg, sg, ql, sl });
      continue;
    }
    const k = i - SEED_004.length;
    const kind = r.chance(0.6) ? 'СОШ' : 'ООШ';
    const short = `${ROOTS[k % ROOTS.length]} ${kind}${k >= ROOTS.length ? ` №${Math.floor(k / ROOTS.length) + 1}` : ''}`;
    const qg = r.chance(0.06) ? null : r.int(2, 9);
    const sg = r.chance(0.1) ? null : r.int(1, 6);
    out.push({ full: `МБОУ «${short}»`, short, cluster: r.int(1, 3), qg, sg, ql: qg === null ? (r.chance(0.5) ? 'no_graduates' : 'no_info') : levelOf(qg), sl: sg === null ? 'no_info' : socialLevelOf(sg) });
  }
  return out;
}

const ROADMAP_ACTIVITIES: [string, string, string, boolean][] = [
  ['Самоанализ внутренних и внешних причин низких образовательных результатов обучающихся', 'Сентябрь–октябрь', 'Руководители ОО', true],
  ['Оценка метапредметных компетенций педагогических работников школ с низкими результатами обучения', 'Октябрь–ноябрь', 'Методический центр', true],
  ['Осуществление сетевого взаимодействия между школами с НОР и школами-лидерами', 'В течение года', 'Методический центр, ресурсные центры', true],
  ['Включение педагогов в программы повышения квалификации по повышению качества образования', 'В течение года', 'Методический центр', true],
  ['Работа с молодыми педагогами: муниципальное сообщество молодых учителей', 'Ежемесячно', 'Методический центр', false],
  ['Методическое сопровождение педагогов через работу ГПО и РМО', 'В течение года', 'Руководители РМО', true],
  ['Семинары по работе со школьной неуспешностью и детьми, испытывающими трудности в обучении', 'Один раз в четверть', 'Методический центр', false],
  ['Диссеминация опыта перехода в эффективный режим функционирования', 'Март–апрель', 'Ресурсные центры', false],
  ['Организация кураторского сопровождения школ с НОР', 'Постоянно', 'Кураторы', true],
  ['Мониторинг объективности проведения ВПР в школах с НОР', 'Апрель–май', 'Управление образования', true],
];

export async function generateMunicipalityDemo(mun: ExchangeContext, opts: MunicipalityDemoOptions): Promise<{ schools: number; imported: number; ms: number }> {
  const t0 = Date.now();
  const r = seededRandom(opts.seed ?? 1);
  const today = isoDay(mun.now());
  const year = Number(today.slice(0, 4));
  const y0 = Number(today.slice(5, 7)) >= 9 ? year : year - 1; // current school year starts 1 September y0
  initMunicipality(mun, 'Управление образования Ирбитского муниципального образования');
  saveReportSettings(mun, {
    organisation: 'Управление образования Ирбитского муниципального образования',
    parent: 'Администрация Ирбитского муниципального образования',
    centre: 'МКУ «Центр развития образования»',
    place: 'г. Ирбит',
    headPosition: 'Начальник Управления образования',
    headName: 'Морозова Галина Николаевна',
    executor: 'Чащина Т.В., методист МКУ «Центр развития образования», тел. 8 (343) 000-00-00',
    address: 'ул. Школьная, д. 1, г. Ирбит, 623850', phone: '8 (343) 000-00-01', fax: '8 (343) 000-00-02',
    email: 'uo@example.ru', site: 'uo.example.ru', ogrn: '1000000000000', okpo: '00000000', innKpp: '6600000000/660001001',
  });

  // Curators, partner groups, coordination group, roadmap
  const curators = PEOPLE.slice(0, Math.max(2, Math.min(6, Math.ceil(opts.schools / 6)))).map((full_name, i) =>
    saveCurator(mun, { full_name, position: i === 0 ? 'методист МКУ «ЦРО»' : 'директор школы-куратора', organisation: i === 0 ? 'МКУ «Центр развития образования»' : `МБОУ «СОШ № ${80 + i}»`, phone: '', email: '', note: '' }));
  ['Руководитель', 'Заместитель', 'Секретарь', 'Член', 'Член'].forEach((role, i) => saveCoordination(mun, {
    position_no: i + 1, full_name: PEOPLE[(i + 3) % PEOPLE.length]!, position: ['начальник Управления образования', 'заместитель начальника', 'методист МКУ «ЦРО»', 'директор МОУ «Зайковская СОШ №1»', 'учитель математики'][i]!,
    organisation: '', role: (['head', 'deputy', 'secretary', 'member', 'member'] as const)[i]!,
  }));
  const roadmap = saveRoadmap(mun, {
    title: 'Муниципальная дорожная карта по организации методической поддержки школ с низкими образовательными результатами',
    year_from: y0 - 1, year_to: y0 + 1, approval_number: '374', approval_date: `${y0 - 1}-08-26`,
    goals: 'Разработка и реализация комплекса мер, направленных на преодоление факторов, обуславливающих низкие результаты обучения.\nСоздание механизмов взаимодействия управленческих, кадровых и сетевых ресурсов, обеспечивающих повышение качества образования в школах с низкими результатами обучения.',
    tasks: 'Проводить анализ внутренних и внешних причин низких образовательных результатов на основе самообследования и результатов ВПР.\nСоздать условия для адаптации и самореализации молодых педагогов школ с НОР.\nОрганизовать методическое сопровождение педагогов через работу ГПО и РМО, курсы повышения квалификации.\nВыстроить сетевое взаимодействие между школами с НОР и школами, показывающими высокие результаты.',
  });

  const list = schoolList(opts.schools, r);
  const nGroups = Math.max(1, Math.round(opts.schools / 3.2));
  const groups = Array.from({ length: nGroups }, (_, g) => savePartnerGroup(mun, { number: g + 1, title: `${g + 1} группа`, territory: '', note: '' }));

  const work = opts.workDir ?? mkdtempSync(join(tmpdir(), 'opora-demo-schools-'));
  let imported = 0;
  const ids: string[] = [];
  const enrollFiles = new Map<string, { bytes: Buffer; code: string }>();
  const noData = new Set<number>();
  for (let i = 0; i < list.length; i++) if (i % 12 === 11) noData.add(i);
  // Seed 004's pilot site is Пьянковская ООШ; a smaller demo makes its first school with low results the pilot.
  const pilot = list.length > 14 ? 14 : Math.max(0, list.findIndex((x) => x.ql === 'below'));
  // Enroll everyone first, so the roadmap's activities can name the schools they concern.
  for (let i = 0; i < list.length; i++) {
    const s = list[i]!;
    const enr = enrollSchool(mun, s.full);
    ids.push(enr.schoolId);
    const low = s.ql === 'low' || s.ql === 'below';
    const groupIdx = Math.min(nGroups - 1, Math.floor(i / 3.2));
    saveRosterSchool(mun, {
      id: enr.schoolId, name: s.full, short_name: s.short, cluster: s.cluster, quality_group: s.qg, quality_level: s.ql, social_group: s.sg, social_level: s.sl,
      is_nor: low ? 1 : 0, is_nsu: s.sl === 'low' ? 1 : 0, is_pilot: i === pilot ? 1 : 0,
      base_site: i === pilot ? 'МАОУ «Средняя общеобразовательная школа № 13», ГО Ирбит' : '',
      partner_group_id: groups[groupIdx]!.id, is_resource_centre: i === Math.ceil(groupIdx * 3.2) ? 1 : 0,
      curator_id: low ? curators[i % curators.length]!.id : null, roster_note: '',
    });
    enrollFiles.set(enr.schoolId, { bytes: enr.bytes, code: enr.code });
  }
  // Last school year's activities (all past: done, one not organised, as in seed 002) and this year's first ones.
  const lowIds = ids.filter((_, j) => list[j]!.ql === 'low' || list[j]!.ql === 'below');
  const plan: [number, number][] = [...ROADMAP_ACTIVITIES.map((_, k) => [y0 - 1, k] as [number, number]), ...ROADMAP_ACTIVITIES.slice(0, 6).map((_, k) => [y0, k] as [number, number])];
  plan.forEach(([sy, k], idx) => {
    const [title, timing, responsible, all] = ROADMAP_ACTIVITIES[k]!;
    const month = [9, 10, 12, 11, 10, 1, 2, 3, 9, 4][k]!;
    const y = month >= 9 ? sy : sy + 1;
    const from = `${y}-${String(month).padStart(2, '0')}-01`;
    const to = `${y}-${String(Math.min(12, month + 1)).padStart(2, '0')}-28`;
    const past = to < today;
    // Seed 002's «8. Организация кураторского сопровождения»: done in part, with three sub-rows of its own.
    const curatorRow = past && k === 8 && sy < y0;
    const status = past ? (k === 2 && sy < y0 ? 'not_done' : curatorRow ? 'partly' : idx === plan.length - 6 ? 'planned' : 'done') : 'planned';
    const row = saveRoadmapActivity(mun, {
      roadmap_id: roadmap.id, number: `${sy === y0 ? 2 : 1}.${k + 1}`, section: sy === y0 ? `${y0}/${y0 + 1} учебный год` : `${y0 - 1}/${y0} учебный год`,
      title, timing_text: `${timing} ${sy}/${sy + 1} уч. г.`, date_from: from, date_to: to, responsible,
      status, completion_mark: status === 'done' ? 'Выполнено в установленный срок, информация размещена на сайте Управления образования.' : status === 'not_done' ? 'Взаимодействие между школами с НОР в этом учебном году не организовано.'
        : curatorRow ? 'Кураторы, директора школ-кураторов, включились в сопровождение школ. Проведены совместные круглые столы с представителями школ с НОР.' : '',
      completed_on: status === 'done' ? to : null, all_schools: all ? 1 : 0, school_ids: all ? [] : lowIds,
    });
    if (curatorRow) {
      ([['- взаимодействие педагогов школ с НОР по отдельным учебным предметам', 'not_done', 'Нет'],
        ['- управленческих команд школ с НОР', 'done', 'Встречи директоров с куратором, с управленческой командой школ с НОР'],
        ['- педагоги школ с НОР и педагоги школы-куратора', 'not_done', 'Нет']] as const).forEach(([t, st, mark]) => saveRoadmapActivity(mun, {
        roadmap_id: roadmap.id, parent_id: row.id, number: '', section: row.section, title: t, timing_text: '', date_from: from, date_to: to, responsible: '',
        status: st, completion_mark: mark, completed_on: st === 'done' ? to : null, all_schools: 1, school_ids: [],
      }));
    }
  });

  // The municipality's own meetings and assignments, made before the loop so the plan goes down in each
  // school's bundle with the roadmap (no random draws: the schools' data stays as the seed made it).
  demoMunicipalWork(mun, ids, lowIds, today);

  // The plan goes down to every school in one export, as the department sends it (one soundness check of its file,
  // not one per school: each reads the whole file, and the file grows with every school merged).
  const downs = new Map(exportForDownload(mun).map((b) => [b.recipientId, b]));
  const concernsAll = new Map((mun.raw.prepare('SELECT id, all_schools FROM municipal_activity WHERE deleted_at IS NULL').all() as { id: string; all_schools: number }[]).map((x) => [x.id, x.all_schools === 1]));
  for (let i = 0; i < list.length; i++) {
    const s = list[i]!;
    const schoolId = ids[i]!;
    if (noData.has(i)) {
      await opts.onProgress?.(i + 1, list.length, s.short);
      continue;
    }
    const path = join(work, `school-${i + 1}.sqlite`);
    const o = openDatabase(path);
    const sctx: ExchangeContext = { db: o.db, raw: o.raw, filesDir: join(work, `school-${i + 1}-files`), now: mun.now };
    try {
      const director = PEOPLE[(i * 5 + 2) % PEOPLE.length]!;
      openEnrollment(sctx, enrollFiles.get(schoolId)!.bytes, enrollFiles.get(schoolId)!.code, {
        name: s.full, short_name: s.short, municipality: 'Ирбитское муниципальное образование',
        address: `${s.short.includes('Зайковская') ? 'пгт' : r.chance(0.5) ? 'с.' : 'д.'} ${s.short.split(' ')[0]!.replace(/ская$/, 'ское').replace(/ая$/, 'ое')}, ул. Школьная, ${r.int(1, 30)} (вымышленный адрес)`,
        director, deputy: PEOPLE[(i * 3 + 5) % PEOPLE.length]!, phone: '', email: '',
        pupils_count: r.int(30, 900), is_nor: s.ql === 'low' || s.ql === 'below' ? 1 : 0, is_nsu: s.sl === 'low' ? 1 : 0,
      });
      generateDemo(sctx, { size: 'small', seed: (opts.seed ?? 1) * 10_000 + i + 1 });
      vary(sctx, r, today);
      if (i % 3 === 0) passOnProtocol(sctx, s.short, today);
      // First bundle up (it carries the enrollment proof), the roadmap down, the school's marks up again.
      const up = exportForDownload(sctx)[0]!;
      const ageDays = i % 9 === 4 ? r.int(50, 120) : r.int(0, 30);
      const at: ExchangeContext = { ...mun, now: () => new Date(mun.now().getTime() - ageDays * 86_400_000) };
      importOk(importBundle(at, { fileName: up.fileName, bytes: up.bytes }), s.short);
      const down = downs.get(schoolId)!;
      importOk(importBundle(sctx, { fileName: down.fileName, bytes: down.bytes }), s.short);
      const progress = r.next();
      for (const a of listMunicipalActivities(sctx)) {
        if (!a.date_to || a.date_to >= today || r.chance(0.15)) continue;
        if (!concernsAll.get(a.id) && !(s.ql === 'low' || s.ql === 'below')) continue; // activities for schools with НОР only
        const done = r.chance(0.45 + progress * 0.5);
        markMunicipalActivity(sctx, {
          activityId: a.id, status: done ? 'done' : 'not_done',
          completion_mark: done ? r.pick(['Выполнено, информация направлена в Управление образования.', 'Проведено, приняли участие все педагоги.', 'Выполнено, составлен протокол.'])
            : r.pick(['Не выполнено: нет специалиста.', 'Перенесено на следующую четверть.', 'Взаимодействие в этом году не организовано.']),
          completed_on: done ? a.date_to : null,
        });
      }
      markDemoAssignments(sctx, i, today);
      const up2 = exportForDownload(sctx)[0]!;
      importOk(importBundle(at, { fileName: up2.fileName, bytes: up2.bytes }), s.short);
      imported++;
      if (s.ql === 'low' && i % 3 === 0) {
        addCuratorComment(mun, { schoolId, targetId: schoolId, targetTable: 'school', text: 'Обсудили с директором план ликвидации просроченных мероприятий; следующая встреча через месяц.', author: PEOPLE[0]! });
      }
    } finally {
      o.raw.close();
    }
    await opts.onProgress?.(i + 1, list.length, s.short);
  }
  if (!opts.keepSchools && !opts.workDir) rmSync(work, { recursive: true, force: true });
  return { schools: list.length, imported, ms: Date.now() - t0 };
}

function importOk(o: { status: string; reason?: string }, school: string) {
  if (o.status !== 'accepted') throw new Error(`Демо: пакет школы «${school}» не принят: ${o.reason ?? o.status}`);
}

/** Some schools pass the protocol of their latest past event on to the department (a fictional text, no names of pupils). */
function passOnProtocol(ctx: ServiceContext, school: string, today: string) {
  const ev = ctx.raw.prepare('SELECT id, title, date_from FROM event WHERE deleted_at IS NULL AND date_from <= ? ORDER BY date_from DESC LIMIT 1').get(today) as { id: string; title: string; date_from: string } | undefined;
  if (!ev) return;
  const text = `${school}\nПРОТОКОЛ\n«${ev.title}», ${formatDate(ev.date_from)}\n\nПрисутствовали: педагогический коллектив.\nРешили: принять к сведению и исполнению.\n`;
  const file = addAttachment(ctx, { eventId: ev.id, fileName: 'Протокол.txt', mime: 'text/plain', bytes: Buffer.from(text, 'utf8') });
  shareAttachment(ctx, file.id, true);
}

/**
 * Varied progress and size before the first export: some schools leave past activities unmarked (overdue),
 * some keep fewer events and decisions. Hard deletes are safe here: nothing has left the school yet.
 */
function vary(ctx: ServiceContext, r: SeededRandom, today: string) {
  const progress = r.next();
  const size = 0.35 + r.next() * 0.65;
  ctx.raw.transaction(() => {
    const done = ctx.raw.prepare("SELECT id FROM activity WHERE status = 'done' AND date_to < ?").pluck().all(today) as string[];
    const reopen = ctx.raw.prepare("UPDATE activity SET status = 'planned', completion_mark = '', completed_on = NULL WHERE id = ?");
    for (const id of done) if (r.chance((1 - progress) * 0.25)) reopen.run(id);
    const events = ctx.raw.prepare('SELECT id FROM event').pluck().all() as string[];
    for (const id of events) {
      if (r.chance(size)) continue;
      for (const t of ['event_activity', 'decision', 'attachment']) ctx.raw.prepare(`DELETE FROM ${t} WHERE event_id = ?`).run(id);
      ctx.raw.prepare('DELETE FROM event WHERE id = ?').run(id);
    }
  })();
}
