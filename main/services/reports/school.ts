/**
 * «Информационная справка о реализации программы повышения качества образования» for one school and a
 * period: goals and tasks, the activity table, mentoring and teacher development, the risk group (aggregate
 * figures only — never a pupil's name, birth date or class), events and decisions, indicators with dynamics.
 *
 * Works on a school's own database, and on the municipality's merged copy of a school's records (pass the
 * school's id as `owner`: every query is then limited to that school's rows).
 */
import type BetterSqlite3 from 'better-sqlite3';
import { formatDate } from '../../../common/format.js';
import { activityStatus, eventKind, eventLevel, eventFormat, mentoringReason, riskCategory, timingKind } from '../../../common/labels.js';
import { type Block, type Cell, type Period, type ReportDoc, type ReportTable, touches } from './model.js';
import { n, num, periodText, placeOf, share, signatureName } from './text.js';
import { byNumber } from '../../../common/numbering.js';

export interface SchoolSource {
  raw: BetterSqlite3.Database;
  /** Limit every query to rows owned by this school (the municipality's merged data). */
  owner?: string;
  /** Today's date, YYYY-MM-DD: what counts as overdue. */
  today: string;
}

type R = Record<string, string | number | null>;

function query(src: SchoolSource) {
  return (sql: string, ...params: unknown[]): R[] => {
    // Every query names the filtered table as alias "t"; the owner filter is added to its WHERE.
    const withOwner = src.owner ? sql.replace(/\bWHERE\b/, 'WHERE t.owner = ? AND') : sql;
    const args = src.owner ? [src.owner, ...params] : params;
    return src.raw.prepare(withOwner).all(...args) as R[];
  };
}

/** «Создание условий…» → «создание условий…», but «ВПР …» stays as it is. */
const lowerFirst = (t: string) => (/^[А-ЯЁA-Z][а-яёa-z]/.test(t) ? t[0]!.toLowerCase() + t.slice(1) : t);
const s = (v: unknown) => (v === null || v === undefined ? '' : String(v));
const dateRange = (from: unknown, to: unknown) => {
  const a = formatDate(s(from));
  const b = formatDate(s(to));
  return a && b && a !== b ? `${a}–${b}` : a || b;
};

export interface SchoolFacts {
  profile: R | null;
  period: Period;
  activities: { total: number; done: number; notDone: number; overdue: number };
  mentoring: { needing: number; withMentor: number; pairs: number };
  trainedTeachers: number;
  riskIncluded: number;
  events: number;
  decisionsOverdue: number;
}

/** The school's справка as a report model, plus the key figures the municipality's summaries reuse. */
export function schoolReport(src: SchoolSource, period: Period): { doc: ReportDoc; facts: SchoolFacts } {
  const q = query(src);
  const profile = q('SELECT t.* FROM school_profile t WHERE t.deleted_at IS NULL ORDER BY t.created_at LIMIT 1')[0] ?? null;
  const schoolName = s(profile?.name) || 'Образовательная организация';
  const blocks: Block[] = [];
  const p = period;

  // 1. Programme: goal and tasks
  const programme = q('SELECT t.* FROM programme t WHERE t.deleted_at IS NULL AND t.year_from <= ? AND t.year_to >= ? ORDER BY t.year_from DESC LIMIT 1', Number(p.to.slice(0, 4)), Number(p.from.slice(0, 4)))[0]
    ?? q('SELECT t.* FROM programme t WHERE t.deleted_at IS NULL ORDER BY t.year_from DESC LIMIT 1')[0];
  blocks.push({ kind: 'heading', text: '1. Цели и задачи программы' });
  if (programme) {
    const approval = programme.approval_date || programme.approval_number
      ? `, утверждена приказом${programme.approval_date ? ` от ${formatDate(s(programme.approval_date))}` : ''}${programme.approval_number ? ` № ${s(programme.approval_number)}` : ''}`
      : '';
    blocks.push({ kind: 'paragraph', text: `В школе реализуется «${s(programme.title)}»${s(programme.title).includes(s(programme.year_from)) ? '' : ` (${s(programme.year_from)}–${s(programme.year_to)} годы)`}${approval}.` });
    if (programme.goal) blocks.push({ kind: 'paragraph', text: `Стратегическая цель — ${lowerFirst(s(programme.goal)).replace(/\.?$/, '.')}` });
    const tasks = q('SELECT t.text FROM programme_task t WHERE t.deleted_at IS NULL AND t.programme_id = ? ORDER BY t.position, t.created_at', programme.id);
    if (tasks.length) {
      blocks.push({ kind: 'paragraph', text: 'Задачи:' });
      blocks.push({ kind: 'list', numbered: true, items: tasks.map((t) => s(t.text)) });
    }
    const problems = q(`SELECT t.kind, t.description, f.title AS factor FROM programme_problem t LEFT JOIN risk_factor f ON f.id = t.risk_factor_id
      WHERE t.deleted_at IS NULL AND t.programme_id = ? ORDER BY t.kind, f.title`, programme.id);
    if (problems.length) {
      blocks.push({ kind: 'paragraph', text: 'Выявленные причины низких образовательных результатов (рисковый профиль школы):' });
      for (const [kind, label] of [['internal', 'внутренние'], ['external', 'внешние']] as const) {
        const items = problems.filter((x) => x.kind === kind).map((x) => [s(x.factor), s(x.description)].filter(Boolean).join(': '));
        if (items.length) blocks.push({ kind: 'paragraph', text: `${label[0]!.toUpperCase() + label.slice(1)}: ${items.map(lowerFirst).join('; ')}.` });
      }
    }
    const directions = q('SELECT t.title FROM direction t WHERE t.deleted_at IS NULL AND t.programme_id = ? ORDER BY t.position', programme.id);
    if (directions.length) {
      blocks.push({ kind: 'paragraph', text: 'Работа ведётся по направлениям:' });
      blocks.push({ kind: 'list', items: directions.map((d) => s(d.title)) });
    }
  } else {
    blocks.push({ kind: 'paragraph', text: 'Программа повышения качества образования в «Опору» не внесена.', italic: true });
  }

  // 2. Activities
  const acts = programme
    ? q(`SELECT t.* FROM activity t WHERE t.deleted_at IS NULL AND t.programme_id = ? AND t.status <> 'cancelled'
        ORDER BY t.created_at`, programme.id).filter((a) => touches(p, s(a.date_from) || null, s(a.date_to) || null)).sort(byNumber)
    : [];
  const isOverdue = (a: R) => (a.status === 'planned' || a.status === 'in_progress') && !!a.date_to && s(a.date_to) < src.today;
  const actFacts = {
    total: acts.length,
    done: acts.filter((a) => a.status === 'done').length,
    notDone: acts.filter((a) => a.status === 'not_done').length,
    overdue: acts.filter(isOverdue).length,
  };
  blocks.push({ kind: 'heading', text: '2. Выполнение плана мероприятий' });
  blocks.push({
    kind: 'paragraph',
    text: `За период ${periodText(p)} планом предусмотрено ${n(actFacts.total, 'activity')}; выполнено — ${actFacts.done} (${share(actFacts.done, actFacts.total)}), не выполнено — ${actFacts.notDone}, срок истёк, отметки о выполнении нет — ${actFacts.overdue}.`,
  });
  blocks.push({
    kind: 'table',
    table: {
      sheet: 'Мероприятия',
      caption: 'Выполнение плана мероприятий программы',
      columns: [
        // wide enough for «2.10» on one line
        { key: 'number', header: '№', width: 7, align: 'center' },
        { key: 'title', header: 'Мероприятие', width: 29 },
        { key: 'timing', header: 'Сроки', width: 17 },
        { key: 'responsible', header: 'Ответственные', width: 20 },
        { key: 'mark', header: 'Отметка о выполнении', width: 27 },
      ],
      rows: acts.map((a): Cell[] => [
        s(a.number),
        s(a.title),
        s(a.timing_text) || timingKind.labels[s(a.timing_kind) as keyof typeof timingKind.labels] || '',
        s(a.responsible),
        activityMark(a, isOverdue(a)),
      ]),
      empty: 'Мероприятий, относящихся к периоду, в плане нет.',
    },
  });

  // 3. Mentoring and teacher development
  const staff = q('SELECT t.* FROM staff t WHERE t.deleted_at IS NULL AND (t.left_on IS NULL OR t.left_on >= ?) AND (t.hired_on IS NULL OR t.hired_on <= ?)', p.to, p.to);
  const pairs = q(`SELECT t.*, m.full_name AS mentor_name, e.full_name AS mentee_name FROM mentoring_pair t
    LEFT JOIN staff m ON m.id = t.mentor_id LEFT JOIN staff e ON e.id = t.mentee_id
    WHERE t.deleted_at IS NULL AND t.started_on <= ? AND (t.ended_on IS NULL OR t.ended_on >= ?) ORDER BY e.full_name`, p.to, p.from);
  const needing = staff.filter((x) => x.young_specialist === 1 || x.newly_arrived === 1);
  const mentored = new Set(pairs.map((x) => s(x.mentee_id)));
  const withMentor = needing.filter((x) => mentored.has(s(x.id))).length;
  const courses = q(`SELECT t.*, st.full_name AS staff_name FROM course t LEFT JOIN staff st ON st.id = t.staff_id
    WHERE t.deleted_at IS NULL AND COALESCE(t.date_to, t.date_from) >= ? AND COALESCE(t.date_from, t.date_to) <= ? ORDER BY t.date_from, st.full_name`, p.from, p.to);
  const trained = new Set(courses.map((c) => s(c.staff_id))).size;
  const hours = courses.reduce((a, c) => a + (Number(c.hours) || 0), 0);
  blocks.push({ kind: 'heading', text: '3. Наставничество и профессиональное развитие педагогов' });
  blocks.push({
    kind: 'paragraph',
    text: `В школе работает ${n(staff.length, 'teacher')}, из них молодых специалистов — ${staff.filter((x) => x.young_specialist === 1).length}, вновь прибывших — ${staff.filter((x) => x.newly_arrived === 1).length}. ` +
      `Наставник закреплён за ${withMentor} из ${n(needing.length, 'teacher')}, которым он положен (${share(withMentor, needing.length)}); наставнических пар за период — ${pairs.length}.`,
  });
  blocks.push({
    kind: 'table',
    table: {
      sheet: 'Наставничество',
      caption: 'Наставнические пары',
      columns: [
        { key: 'mentee', header: 'Наставляемый', width: 22 },
        { key: 'mentor', header: 'Наставник', width: 22 },
        { key: 'reason', header: 'Основание', width: 18 },
        { key: 'subject', header: 'Предмет', width: 18 },
        { key: 'period', header: 'Сроки', width: 16 },
      ],
      rows: pairs.map((x) => [s(x.mentee_name), s(x.mentor_name), mentoringReason.labels[s(x.reason) as keyof typeof mentoringReason.labels] ?? s(x.reason), s(x.subject),
        x.ended_on ? dateRange(x.started_on, x.ended_on) : `с ${formatDate(s(x.started_on))}`]),
      empty: 'Наставнических пар в период не было.',
    },
  });
  blocks.push({ kind: 'paragraph', text: `Курсы повышения квалификации за период прошли ${n(trained, 'teacher')} (${n(courses.length, 'course')}, всего ${n(hours, 'hour')}).` });
  blocks.push({
    kind: 'table',
    table: {
      sheet: 'Курсы',
      caption: 'Повышение квалификации педагогов',
      columns: [
        { key: 'staff', header: 'Педагог', width: 22 },
        { key: 'title', header: 'Программа курсов', width: 38 },
        { key: 'provider', header: 'Организатор', width: 18 },
        { key: 'hours', header: 'Часов', width: 8, align: 'center' },
        { key: 'dates', header: 'Сроки', width: 14 },
      ],
      rows: courses.map((c) => [s(c.staff_name), s(c.title), s(c.provider), c.hours === null ? '' : Number(c.hours), dateRange(c.date_from, c.date_to)]),
      empty: 'Курсов повышения квалификации в период не было.',
    },
  });
  const deficits = q(`SELECT d.title, COUNT(*) AS found, SUM(CASE WHEN t.resolved_on IS NOT NULL AND t.resolved_on <= ? THEN 1 ELSE 0 END) AS resolved
    FROM staff_deficit t JOIN deficit d ON d.id = t.deficit_id WHERE t.deleted_at IS NULL AND (t.identified_on IS NULL OR t.identified_on <= ?)
    GROUP BY d.title ORDER BY found DESC, d.title`, p.to, p.to);
  if (deficits.length) {
    blocks.push({
      kind: 'table',
      table: {
        sheet: 'Дефициты',
        caption: 'Профессиональные дефициты педагогов',
        columns: [
          { key: 'title', header: 'Профессиональный дефицит', width: 60 },
          { key: 'found', header: 'Выявлен у педагогов', width: 20, align: 'center' },
          { key: 'resolved', header: 'Устранён', width: 20, align: 'center' },
        ],
        rows: deficits.map((d) => [s(d.title), Number(d.found), Number(d.resolved ?? 0)]),
      },
    });
  }

  // 4. Risk group: aggregate figures by category, never names
  const entries = q('SELECT t.id, t.categories, t.included_on, t.removed_on, t.status FROM risk_entry t WHERE t.deleted_at IS NULL');
  // A pupil taken off the register and returned keeps every change in the status history; the entry itself
  // holds only the first inclusion and the last removal.
  const history = new Map<string, { on: string; status: string }[]>();
  for (const c of q('SELECT t.entry_id, t.status, t.changed_on FROM risk_status_change t WHERE t.deleted_at IS NULL ORDER BY t.changed_on, t.hlc')) {
    const list = history.get(s(c.entry_id)) ?? [];
    list.push({ on: s(c.changed_on), status: s(c.status) });
    history.set(s(c.entry_id), list);
  }
  const changesOf = (e: R) => {
    const later = (history.get(s(e.id)) ?? []).filter((c, i) => !(i === 0 && c.status === 'included'));
    const out = [{ on: s(e.included_on), status: 'included' }, ...later];
    if (e.removed_on && out[out.length - 1]!.status !== 'removed') out.push({ on: s(e.removed_on), status: 'removed' });
    return out;
  };
  const inGroupAt = (e: R, day: string) => changesOf(e).filter((c) => c.on <= day).at(-1)?.status === 'included';
  const changedIn = (e: R, status: string) => changesOf(e).filter((c) => c.status === status && c.on >= p.from && c.on <= p.to).length;
  const cats = (e: R): string[] => {
    try {
      const v = JSON.parse(s(e.categories) || '[]');
      return Array.isArray(v) ? v.map(String) : [];
    } catch {
      return [];
    }
  };
  const dayBefore = (iso: string) => {
    const d = new Date(iso + 'T00:00:00Z');
    d.setUTCDate(d.getUTCDate() - 1);
    return d.toISOString().slice(0, 10);
  };
  const startDay = dayBefore(p.from);
  const riskRow = (pred: (c: string[]) => boolean) => {
    const es = entries.filter((e) => pred(cats(e)));
    return [
      es.filter((e) => inGroupAt(e, startDay)).length,
      es.reduce((a, e) => a + changedIn(e, 'included'), 0),
      es.reduce((a, e) => a + changedIn(e, 'removed'), 0),
      es.filter((e) => inGroupAt(e, p.to)).length,
    ];
  };
  const riskRows: Cell[][] = riskCategory.codes
    .map((code) => [riskCategory.labels[code], ...riskRow((c) => c.includes(code))] as Cell[])
    .filter((r) => r.slice(1).some((v) => Number(v) > 0));
  const totals = riskRow(() => true);
  const measures = q(`SELECT COUNT(*) AS total, SUM(t.done) AS done FROM support_measure t WHERE t.deleted_at IS NULL AND t.target_kind = 'risk'
    AND COALESCE(t.date_to, t.date_from) >= ? AND COALESCE(t.date_from, t.date_to) <= ?`, p.from, p.to)[0] ?? { total: 0, done: 0 };
  const gifted = q('SELECT COUNT(*) AS n FROM gifted_pupil t WHERE t.deleted_at IS NULL AND t.included_on <= ?', p.to)[0]?.n ?? 0;
  blocks.push({ kind: 'heading', text: '4. Работа с обучающимися группы риска' });
  blocks.push({
    kind: 'paragraph',
    text: `На ${formatDate(p.to)} в группе риска состоит ${n(totals[3]!, 'pupil')}; за период включено ${totals[1]}, снято с учёта ${totals[2]}. ` +
      `Проведено мер индивидуальной поддержки: ${Number(measures.done ?? 0)} из ${Number(measures.total ?? 0)} запланированных. В перечне одарённых детей — ${n(Number(gifted), 'pupil')}. ` +
      'Сведения приводятся в обезличенном виде, по категориям; обучающийся может относиться к нескольким категориям.',
  });
  blocks.push({
    kind: 'table',
    table: {
      sheet: 'Группа риска',
      caption: 'Численность группы риска по категориям, чел.',
      columns: [
        { key: 'category', header: 'Категория', width: 36 },
        { key: 'start', header: `На ${formatDate(startDay)}`, width: 16, align: 'center' },
        { key: 'in', header: 'Включено за период', width: 16, align: 'center' },
        { key: 'out', header: 'Снято с учёта за период', width: 16, align: 'center' },
        { key: 'end', header: `На ${formatDate(p.to)}`, width: 16, align: 'center' },
      ],
      rows: riskRows.length ? [...riskRows, [{ text: 'Всего обучающихся', bold: true }, ...totals]] : [],
      empty: 'Обучающихся в группе риска в период не было.',
    },
  });

  // 5. Events and decisions
  const events = q('SELECT t.* FROM event t WHERE t.deleted_at IS NULL AND t.date_from <= ? AND COALESCE(t.date_to, t.date_from) >= ? ORDER BY t.date_from, t.title', p.to, p.from);
  const levelGen: Record<string, string> = { school: 'школьного', municipal: 'муниципального', regional: 'регионального', federal: 'федерального' };
  const byLevel = eventLevel.codes.map((c) => [levelGen[c] ?? eventLevel.labels[c].toLowerCase(), events.filter((e) => e.level === c).length] as const).filter(([, k]) => k > 0);
  const decisions = q(`SELECT t.*, e.title AS event_title, e.date_from AS event_date FROM decision t JOIN event e ON e.id = t.event_id
    WHERE t.deleted_at IS NULL AND e.deleted_at IS NULL AND e.date_from <= ? AND (t.done_on IS NULL OR t.done_on >= ? OR e.date_from >= ?) ORDER BY t.deadline, t.created_at`, p.to, p.from, p.from);
  const decOverdue = decisions.filter((d) => !d.done_on && d.deadline && s(d.deadline) < src.today);
  blocks.push({ kind: 'heading', text: '5. Проведённые мероприятия' });
  blocks.push({
    kind: 'paragraph',
    text: `За период проведено и посещено ${n(events.length, 'event')}${byLevel.length ? ': ' + byLevel.map(([l, k]) => `${l} уровня — ${k}`).join(', ') : ''}; ` +
      `участников — ${events.reduce((a, e) => a + (Number(e.participants_count) || 0), 0)}.`,
  });
  blocks.push({
    kind: 'table',
    table: {
      sheet: 'Мероприятия журнала',
      caption: 'Мероприятия за период',
      fontSize: 11,
      columns: [
        { key: 'no', header: '№', width: 5, align: 'center' },
        { key: 'date', header: 'Дата', width: 12 },
        { key: 'title', header: 'Мероприятие', width: 23 },
        { key: 'kind', header: 'Вид, уровень, форма', width: 20 },
        { key: 'participants', header: 'Участники', width: 17 },
        { key: 'outcomes', header: 'Результаты', width: 23 },
      ],
      rows: events.map((e, i) => [
        i + 1,
        dateRange(e.date_from, e.date_to),
        s(e.title),
        [eventKind.labels[s(e.kind) as keyof typeof eventKind.labels], eventLevel.labels[s(e.level) as keyof typeof eventLevel.labels]?.toLowerCase() + ' уровень', eventFormat.labels[s(e.format) as keyof typeof eventFormat.labels]?.toLowerCase()].filter(Boolean).join(', '),
        [e.participants_count !== null ? `${e.participants_count} чел.` : '', s(e.participants)].filter(Boolean).join('\n'),
        s(e.outcomes),
      ]),
      empty: 'Мероприятий за период в журнал не внесено.',
    },
  });
  blocks.push({
    kind: 'paragraph',
    text: `По итогам мероприятий дано ${n(decisions.length, 'decision')}, исполнено ${decisions.filter((d) => d.done_on).length}` +
      (decOverdue.length ? `; срок исполнения истёк у ${decOverdue.length}.` : '; просроченных поручений нет.'),
  });
  if (decOverdue.length) {
    blocks.push({
      kind: 'table',
      table: {
        sheet: 'Просроченные поручения',
        caption: 'Поручения с истёкшим сроком исполнения',
        columns: [
          { key: 'text', header: 'Поручение', width: 40 },
          { key: 'event', header: 'Мероприятие', width: 26 },
          { key: 'responsible', header: 'Ответственный', width: 18 },
          { key: 'deadline', header: 'Срок', width: 14, align: 'center' },
        ],
        rows: decOverdue.map((d) => [s(d.text), `${s(d.event_title)} (${formatDate(s(d.event_date))})`, s(d.responsible), formatDate(s(d.deadline))]),
      },
    });
  }

  // 6. Indicators with dynamics
  blocks.push({ kind: 'heading', text: '6. Показатели и их динамика' });
  const indicatorTable = programme ? indicatorsTable(q, s(programme.id)) : null;
  if (indicatorTable) blocks.push({ kind: 'table', table: indicatorTable });
  else blocks.push({ kind: 'paragraph', text: 'Показатели программы не внесены.', italic: true });

  // 7. Local acts
  const acts2 = q('SELECT t.* FROM local_act t WHERE t.deleted_at IS NULL AND (t.adopted_on IS NULL OR t.adopted_on <= ?) ORDER BY t.adopted_on, t.title', p.to);
  if (acts2.length) {
    blocks.push({ kind: 'heading', text: '7. Локальные акты' });
    blocks.push({
      kind: 'table',
      table: {
        sheet: 'Локальные акты',
        caption: 'Принятые локальные акты',
        columns: [
          { key: 'title', header: 'Локальный акт', width: 56 },
          { key: 'date', header: 'Дата принятия', width: 18, align: 'center' },
          { key: 'order', header: 'Приказ', width: 16, align: 'center' },
        ],
        rows: acts2.map((a) => [s(a.title), formatDate(s(a.adopted_on)), a.order_number ? `№ ${s(a.order_number)}` : '']),
      },
    });
  }

  const doc: ReportDoc = {
    subject: 'Информационная справка о реализации программы повышения качества образования',
    requisites: {
      organisation: [s(profile?.municipality), schoolName].filter(Boolean),
      kind: 'Информационная справка',
      date: src.today,
      number: '',
      place: placeOf(s(profile?.address), s(profile?.municipality)),
      title: `о реализации программы повышения качества образования за период ${periodText(p)}`,
    },
    blocks,
    signature: { position: 'Директор', name: profile?.director ? signatureName(s(profile.director)) : '' },
    executor: profile?.deputy ? `Исполнитель: ${s(profile.deputy)}, заместитель директора по УВР${profile.phone ? `, тел. ${s(profile.phone)}` : ''}` : undefined,
  };
  return {
    doc,
    facts: {
      profile,
      period: p,
      activities: actFacts,
      mentoring: { needing: needing.length, withMentor, pairs: pairs.length },
      trainedTeachers: trained,
      riskIncluded: totals[3]!,
      events: events.length,
      decisionsOverdue: decOverdue.length,
    },
  };
}

/** The completion mark as printed: what the school wrote, or what the status says when it wrote nothing. */
export function activityMark(a: R, overdue: boolean): Cell {
  const mark = s(a.completion_mark);
  const status = activityStatus.labels[s(a.status) as keyof typeof activityStatus.labels] ?? '';
  if (a.status === 'not_done') return { text: mark || status, italic: true };
  if (overdue) return { text: mark ? `${mark}\nСрок истёк ${formatDate(s(a.date_to))}` : `Срок истёк ${formatDate(s(a.date_to))}, отметки о выполнении нет`, italic: true };
  if (a.status === 'done') return mark || `${status}${a.completed_on ? ' ' + formatDate(s(a.completed_on)) : ''}`;
  return mark || status;
}

/** Indicators with baseline, the last periods' actual (target) values and the change from the baseline. */
function indicatorsTable(q: ReturnType<typeof query>, programmeId: string): ReportTable | null {
  const inds = q('SELECT t.* FROM indicator t WHERE t.deleted_at IS NULL AND t.programme_id = ? ORDER BY t.kind, t.title', programmeId);
  if (!inds.length) return null;
  const values = q(`SELECT t.* FROM indicator_value t JOIN indicator i ON i.id = t.indicator_id
    WHERE t.deleted_at IS NULL AND i.programme_id = ? ORDER BY t.period`, programmeId);
  const periods = [...new Set(values.map((v) => s(v.period)))].sort().slice(-4);
  const rows = inds.map((ind): Cell[] => {
    const vs = values.filter((v) => v.indicator_id === ind.id);
    const base = vs.find((v) => v.baseline !== null)?.baseline ?? null;
    const actuals = vs.filter((v) => v.actual !== null);
    const last = actuals[actuals.length - 1];
    const higher = ind.higher_is_better === 1;
    let dyn: Cell = '—';
    const unit = s(ind.unit);
    if (last && base !== null) {
      const d = Number(last.actual) - Number(base);
      const unitD = unit === '%' ? ' п. п.' : unit ? ` ${unit}` : '';
      if (Math.abs(d) < 1e-9) dyn = 'без изменений';
      else dyn = { text: `${d > 0 ? '+' : '−'}${num(Math.abs(d))}${unitD} (${(d > 0) === higher ? 'улучшение' : 'ухудшение'})`, italic: (d > 0) !== higher };
    }
    return [
      s(ind.title),
      unit,
      num(base as number | null),
      ...periods.map((per) => {
        const v = vs.find((x) => x.period === per);
        if (!v) return '';
        const target = v.target !== null ? `цель ${num(Number(v.target))}` : '';
        return v.actual !== null ? `${num(Number(v.actual))}${target ? `\n(${target})` : ''}` : target;
      }),
      dyn,
    ];
  });
  return {
    sheet: 'Показатели',
    caption: 'Показатели программы: факт (цель) по годам',
    fontSize: 11,
    columns: [
      { key: 'title', header: 'Показатель', width: 32 },
      { key: 'unit', header: 'Ед. изм.', width: 8, align: 'center' },
      { key: 'base', header: 'Базовое значение', width: 13, align: 'center' },
      ...periods.map((per) => ({ key: 'p' + per, header: per, width: 9, align: 'center' as const })),
      { key: 'dyn', header: 'Динамика к базовому', width: 16 },
    ],
    rows,
  };
}
