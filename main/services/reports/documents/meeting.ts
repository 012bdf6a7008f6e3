/**
 * «Справка об итогах совещания (мероприятия)» from a municipal event (model.ts → ReportDoc). The text follows
 * the справки of seeds 000 and 004: what took place and when (dates in words), who took part and who did not,
 * the agenda, «Выводы:» numbered, «Предложения:» by addressee, the working groups with their members, the
 * assignments «в срок до …», a free closing text. Each section can be switched off; the short version drops
 * the per-school lists and the members of the groups (their size and leader stay).
 */
import { count, formatDate, formatDateLong, formatDateRangeLong } from '../../../../common/format.js';
import { listNameOf, nameOrText, type NameForm } from '../../../../common/person-name.js';
import type { Block, Cell, ReportDoc } from '../model.js';
import { NOUNS } from '../text.js';
import type { MeetingDocModel, MeetingGroup } from './model.js';
import { clause, frameOf, paragraphs, sentence } from './requisites.js';
import { resultsTitle } from '../../../../common/results-title.js';

const SCHOOLS_GEN = ['общеобразовательной организации', 'общеобразовательных организаций', 'общеобразовательных организаций'] as const;

/** «состоялось совещание», «состоялась видеоконференция», «состоялся семинар»: the verb agrees with the kind. */
function tookPlace(kind: string, range: boolean): string {
  const noun = kind.trim().toLowerCase().split(/\s+/).pop() ?? '';
  const g = /(ие|ье|ое|о)$/.test(noun) ? 'n' : /(а|я)$/.test(noun) ? 'f' : 'm';
  if (range) return { n: 'проходило', f: 'проходила', m: 'проходил' }[g];
  return { n: 'состоялось', f: 'состоялась', m: 'состоялся' }[g];
}

/** A note after a dash or a colon goes on the sentence: «— нет связи», but «— МБОУ …» and «— ВПР …» keep their capitals. */
const afterDash = (t: string) => (/^[А-ЯЁ][а-яё]/.test(t) ? t[0]!.toLowerCase() + t.slice(1) : t);

/** A person typed with initials («Т.В. Чащина») prints in the list form; «Руководители ОО» stays as typed. */
const speakerOf = (t: string) => (/[А-ЯЁ]\.\s?[А-ЯЁ]?\.?/.test(t) && !/,/.test(t) ? listNameOf(t.trim()) : t.trim());

const lowerKind = (k: string) => (!k || k === 'Другое' ? 'мероприятие' : k[0]!.toLowerCase() + k.slice(1));

/** For comparing what the user typed with what would be generated: no quotes, no case, single spaces. */
const plain = (t: string) => t.toLowerCase().replace(/[«»"“”„]/g, '').replace(/\s+/g, ' ').trim();

/**
 * The generated opening («15 октября 2026 г. состоялось совещание по теме …»), unless switched off or the
 * user's own text already says it (names the topic or the date): a справка never says the same thing twice.
 */
function whatTookPlace(m: MeetingDocModel): Block[] {
  const e = m.event;
  const own = paragraphs(e.summary);
  const said = plain(e.summary);
  const repeats = !!said && ((!!e.topic && said.includes(plain(clause(e.topic)))) || said.includes(plain(formatDateLong(e.dateFrom))) || said.includes(formatDate(e.dateFrom)));
  if (m.intro === false || repeats) return own;
  const range = !!e.dateTo && e.dateTo !== e.dateFrom;
  const when = formatDateRangeLong(e.dateFrom, e.dateTo);
  const kind = lowerKind(e.kindLabel);
  // As seed 000 writes it: «26.03.2021 г. … состоялся … день по теме: «…» (в присутствии 45 человек)» — the format
  // only when it is not in the kind's name, the facts in brackets, no «Уровень — муниципальный».
  const format = /видео|вебинар/.test(kind) ? '' : ({ Дистанционно: ' в дистанционном формате', Смешанный: ' в смешанном формате' } as Record<string, string>)[e.formatLabel] ?? '';
  const facts = [
    e.levelLabel && !/^(Муниципальный|Школьный)$/.test(e.levelLabel) ? `уровень — ${e.levelLabel.toLowerCase()}` : '',
    e.place ? `место проведения — ${e.place}` : '',
    e.organiser ? `организатор — ${e.organiser}` : '',
  ].filter(Boolean);
  const first = `${when[0]!.toUpperCase()}${when.slice(1)} ${tookPlace(kind, range)} ${kind}${format}${e.topic ? ` по теме «${clause(e.topic).replace(/^«|»$/g, '')}»` : ''}${facts.length ? ` (${facts.join('; ')})` : ''}.`;
  return [{ kind: 'paragraph', text: first }, ...own];
}

function participants(m: MeetingDocModel): Block[] {
  const p = m.participants;
  const out: Block[] = [];
  const invitedTotal = p.present.length + p.absent.length + p.invited.length;
  const others = p.others.map((o) => [nameOrText(o.name, o.text, 'list'), o.position, o.organisation].filter(Boolean).join(', '));
  if (m.short) {
    const parts = [
      p.present.length ? `Приняли участие представители ${count(p.present.length, SCHOOLS_GEN)}${invitedTotal > p.present.length ? ` из ${invitedTotal} приглашённых` : ''}` : '',
      p.absent.length ? `не приняли участие — ${count(p.absent.length, NOUNS.school)}` : '',
      others.length ? `другие участники — ${count(others.length, ['человек', 'человека', 'человек'])}` : '',
    ].filter(Boolean);
    if (parts.length) out.push({ kind: 'paragraph', text: `${parts.join('; ').replace(/^./, (c) => c.toUpperCase())}.` });
    return out;
  }
  if (p.present.length) {
    out.push({ kind: 'paragraph', text: `Приняли участие представители ${count(p.present.length, SCHOOLS_GEN)}:`, keepNext: true });
    out.push({ kind: 'list', items: p.present.map((s, i) => `${s}${i === p.present.length - 1 ? '.' : ';'}`) });
  }
  if (p.absent.length) {
    out.push({ kind: 'paragraph', text: `Не приняли участие (${count(p.absent.length, NOUNS.school)}):`, keepNext: true });
    out.push({ kind: 'list', items: p.absent.map((a, i) => `${a.school}${a.note ? ` — ${afterDash(clause(a.note))}` : ''}${i === p.absent.length - 1 ? '.' : ';'}`) });
  }
  if (p.invited.length) {
    out.push({ kind: 'paragraph', text: 'Приглашены (отметки об участии нет):', keepNext: true });
    out.push({ kind: 'list', items: p.invited.map((s, i) => `${s}${i === p.invited.length - 1 ? '.' : ';'}`) });
  }
  if (others.length) {
    out.push({ kind: 'paragraph', text: 'Также приняли участие:', keepNext: true });
    out.push({ kind: 'list', items: others.map((s, i) => `${s}${i === others.length - 1 ? '.' : ';'}`) });
  }
  return out;
}

/** After the user's own lead-in («Рассмотрены вопросы:») or «Повестка:»; numbered, or a dash list of «…;» items ending in «.». */
function agenda(m: MeetingDocModel): Block[] {
  if (!m.agenda.length) return [];
  const lead = (m.agendaLead ?? '').trim();
  const head: Block = lead ? { kind: 'paragraph', text: /[:.]$/.test(lead) ? lead : `${lead}:`, keepNext: true } : { kind: 'heading', text: 'Повестка:' };
  const line = (a: MeetingDocModel['agenda'][number]) => `${clause(a.title)}${a.speaker ? ` (докладчик — ${speakerOf(a.speaker)})` : ''}${a.note ? `. ${clause(a.note)}` : ''}`;
  if (m.agendaNumbered === false) return [head, { kind: 'list', items: m.agenda.map((a, i) => `${clause(line(a))}${i === m.agenda.length - 1 ? '.' : ';'}`) }];
  return [head, { kind: 'list', numbered: true, items: m.agenda.map((a) => sentence(line(a))) }];
}

/** Whether the text already names the school (by its name, or by what stands in its quotes: «СОШ № 89»). */
function names(text: string, school: string): boolean {
  const t = plain(text);
  const inner = /«(.+)»/.exec(school)?.[1];
  return t.includes(plain(school)) || (!!inner && t.includes(plain(inner)));
}

function conclusions(m: MeetingDocModel): Block[] {
  if (!m.conclusions.length) return [];
  return [
    { kind: 'heading', text: 'Выводы:' },
    {
      kind: 'list', numbered: true, items: m.conclusions.map((c) => [
        sentence(c.text),
        ...(() => {
          const unnamed = c.schools.filter((x) => !names(c.text, x));
          return [!m.short && unnamed.length ? `Образовательные организации: ${unnamed.join(', ')}.` : ''];
        })(),
        c.factors.trim() ? `Факторы риска: ${sentence(c.factors)}` : '',
        c.deficits?.trim() ? `Управленческие и профессиональные дефициты: ${sentence(c.deficits)}` : '',
      ].filter(Boolean).join(' ')),
    },
  ];
}

function proposals(m: MeetingDocModel): Block[] {
  const groups = m.proposals.filter((p) => p.items.length);
  if (!groups.length) return [];
  const out: Block[] = [{ kind: 'heading', text: 'Предложения:' }];
  let n = 0;
  for (const g of groups) {
    // A proposal to no one in particular is a point of its own, as written: never gathered under «Другим:».
    if (!g.addressee.trim()) {
      for (const t of g.items) out.push({ kind: 'paragraph', text: `${++n}. ${sentence(t)}` });
      continue;
    }
    n += 1;
    if (g.items.length === 1) {
      out.push({ kind: 'paragraph', text: `${n}. ${clause(g.addressee)}: ${afterDash(sentence(g.items[0]!))}` });
      continue;
    }
    out.push({ kind: 'paragraph', text: `${n}. ${clause(g.addressee)}:`, keepNext: true });
    out.push({ kind: 'list', prefix: `${n}.`, items: g.items.map((t, j) => `${afterDash(clause(t))}${j === g.items.length - 1 ? '.' : ';'}`) });
  }
  return out;
}

/** Leader first, then in the order given. */
const membersOf = (g: MeetingGroup) => [...g.members.filter((x) => x.leader), ...g.members.filter((x) => !x.leader)];

function periodOf(g: MeetingGroup): string {
  const { from, to } = g.period;
  if (from && to) return `Срок работы — с ${formatDate(from)} по ${formatDate(to)}.`;
  if (from) return `Работает с ${formatDate(from)}.`;
  if (to) return `Срок работы — до ${formatDate(to)}.`;
  return '';
}

/** Each group: its name, its period and a table of members (leader first); in the short form only its size and leader. */
export function groupBlocks(list: MeetingGroup[], short: boolean, fullNames = false): Block[] {
  const form: NameForm = fullNames ? 'full' : 'list';
  const out: Block[] = [];
  for (const g of list) {
    const title = clause(g.title).replace(/^«|»$/g, '');
    const kind = g.kindLabel || 'Рабочая группа';
    // «Рабочая группа по математике» is already named by its kind: not «Рабочая группа «Рабочая группа …»».
    const name = !title ? kind : title.toLowerCase().startsWith(kind.toLowerCase().split(' (')[0]!) ? title : `${kind} «${title}»`;
    const members = membersOf(g);
    const leader = members.find((x) => x.leader);
    out.push({ kind: 'heading', text: name });
    const period = periodOf(g);
    if (short || !members.length) {
      const facts = [
        members.length ? `Состав — ${count(members.length, ['человек', 'человека', 'человек'])}` : '',
        leader ? `руководитель — ${nameOrText(leader.name, leader.text, 'list')}` : '',
      ].filter(Boolean).join(', ');
      const text = [facts ? sentence(facts) : '', period].filter(Boolean).join(' ');
      if (text) out.push({ kind: 'paragraph', text });
      continue;
    }
    if (period) out.push({ kind: 'paragraph', text: period, keepNext: true });
    const rows: Cell[][] = members.map((x, i) => [
      String(i + 1),
      x.leader ? { text: nameOrText(x.name, x.text, form), bold: true } : nameOrText(x.name, x.text, form),
      x.position, x.organisation,
      [x.leader ? 'руководитель' : '', x.role].filter(Boolean).join('; '),
    ]);
    out.push({
      kind: 'table',
      table: {
        sheet: g.title || 'Состав группы',
        // «Состав рабочей группы» when the group is named by its kind alone: not «Состав группы «Рабочая группа»».
        caption: !title || title.toLowerCase() === kind.toLowerCase() ? `Состав ${kind.toLowerCase().replace(/ая группа$/, 'ой группы').replace(/^районное методическое объединение/, 'районного методического объединения')}` : `Состав группы «${title}»`,
        fontSize: 12,
        columns: [
          { key: 'n', header: '№', width: 6, align: 'center' },
          // The organisation («МКОУ «Альфинская СОШ»») on one line; the role is mostly «руководитель» or empty.
          { key: 'name', header: fullNames ? 'Фамилия, имя, отчество' : 'Фамилия И.О.', width: fullNames ? 28 : 20 },
          { key: 'position', header: 'Должность', width: fullNames ? 20 : 22 },
          { key: 'organisation', header: 'Организация', width: fullNames ? 30 : 36 },
          { key: 'role', header: 'Роль', width: 16 },
        ],
        rows,
      },
    });
  }
  return out;
}

type Assignment = MeetingDocModel['assignments'][number];

/**
 * The assignments as a methodologist writes them: the items to one addressee with one deadline under one line
 * («Рабочей группе в срок до 19.03.2021:» and «– …;» items), the rest each a point of its own; numbered only
 * when there is more than one point.
 */
function assignments(m: MeetingDocModel): Block[] {
  if (!m.assignments.length) return [];
  const points: { to: string; due: string | null; items: Assignment[] }[] = [];
  for (const a of m.assignments) {
    const to = a.to?.trim() ?? '';
    const same = to ? points.find((p) => p.to === to && p.due === a.due) : undefined;
    if (same) same.items.push(a);
    else points.push({ to, due: a.due, items: [a] });
  }
  const out: Block[] = [{ kind: 'heading', text: 'Поручения:' }];
  const no = (i: number) => (points.length > 1 ? `${i + 1}. ` : '');
  const schoolsOf = (a: Assignment) => (!m.short && a.schools.length ? ` (${a.schools.join(', ')})` : '');
  points.forEach((p, i) => {
    const when = p.due ? ` в срок до ${formatDate(p.due)}` : '';
    if (!p.to) {
      const a = p.items[0]!;
      out.push({ kind: 'paragraph', text: [
        `${no(i)}${sentence(`${clause(a.text)}${a.due ? ` — в срок до ${formatDateLong(a.due)}` : ''}`)}`,
        a.responsible ? `Ответственные: ${sentence(a.responsible)}` : '',
        !m.short && a.schools.length ? `Образовательные организации: ${a.schools.join(', ')}.` : '',
      ].filter(Boolean).join(' ') });
      return;
    }
    out.push({ kind: 'paragraph', text: `${no(i)}${clause(p.to)}${when}:`, keepNext: true });
    out.push({ kind: 'list', items: p.items.map((a, j) => `${afterDash(clause(a.text))}${schoolsOf(a)}${j === p.items.length - 1 ? '.' : ';'}`) });
  });
  return out;
}

export function meetingDoc(m: MeetingDocModel): ReportDoc {
  const s = m.sections;
  const blocks: Block[] = [
    ...whatTookPlace(m),
    ...(s.participants ? participants(m) : []),
    ...(s.agenda ? agenda(m) : []),
    ...(s.conclusions ? conclusions(m) : []),
    ...(s.proposals ? proposals(m) : []),
    ...(s.groups ? groupBlocks(m.groups, m.short, m.fullNames) : []),
    ...(s.assignments ? assignments(m) : []),
    ...paragraphs(m.closing),
  ];
  const heading = resultsTitle(m.event.kindLabel === 'Совещание' ? 'совещания' : 'мероприятия', m.event.topic ?? '');
  const title = `${heading[0]!.toLowerCase()}${heading.slice(1)}`;
  return frameOf(m.requisites, 'Справка об итогах совещания (мероприятия)', title, blocks);
}
