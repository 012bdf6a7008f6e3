/**
 * Minimal and time-limited (152-ФЗ art. 5): a pupil's name and birth date are kept while the pupil is in the
 * risk group or on the gifted list, and for a period after leaving — by default to the end of the school year
 * after next (setting retention_years: school years after the one the pupil left in). Then they are erased;
 * the pseudonymous records (categories, dates, measures) stay, so the statistics do not change. Runs when the
 * file is opened and once a day after; the user sees what goes when and can erase one pupil at once.
 * An empty value replaces the sealed one, and secure_delete zeroes the old bytes. Every text that names the
 * pupil is rewritten with the pupil's code first (writer.eraseMentions), which reads the name: while the
 * workspace is locked the daily erasure waits for the unlock (the export cannot run locked either).
 */
import type { ServiceContext } from '../core/context.js';
import { AppError, notFound } from '../core/errors.js';
import { dayOf } from '../../../db/rules.js';
import { schoolYearOf } from '../../../common/periods.js';
import { personalColumns, fieldOf } from '../../../db/registry/index.js';
import { revealRows, vaultStatus } from './vault.js';
import { logAccess } from './access-log.js';
import { eraseMentions } from '../core/writer.js';
import type { ErasurePlan } from '../../../preload/contract/privacy.js';

export function retentionYears(ctx: ServiceContext): number {
  const s = ctx.raw.prepare("SELECT value FROM privacy_setting WHERE key = 'retention_years'").pluck().get() as string | undefined;
  return s === undefined ? 2 : Number(s);
}

export function setRetentionYears(ctx: ServiceContext, years: number): void {
  ctx.raw.prepare("INSERT OR REPLACE INTO privacy_setting (key, value) VALUES ('retention_years', ?)").run(String(years));
}

/** The day after which the data of a pupil who left on `leftOn` is erased: 31 August, `years` school years on. */
export function eraseAfter(leftOn: string, years: number): string {
  const end = schoolYearOf(leftOn).to;
  return `${Number(end.slice(0, 4)) + years}${end.slice(4)}`;
}

type Candidate = { id: string; full_name: string; class_name: string; left_on: string };

/** Pupils with a name on file who are in no list any more: left the risk group, not on the gifted list. */
function leavers(ctx: ServiceContext): Candidate[] {
  return ctx.raw.prepare(`SELECT p.id, p.full_name, p.class_name, MAX(e.removed_on) AS left_on FROM pupil p
      JOIN risk_entry e ON e.pupil_id = p.id AND e.deleted_at IS NULL
    WHERE p.deleted_at IS NULL AND (p.full_name <> '' OR p.birth_date IS NOT NULL)
      AND NOT EXISTS (SELECT 1 FROM risk_entry x WHERE x.pupil_id = p.id AND x.deleted_at IS NULL AND (x.status = 'included' OR x.removed_on IS NULL))
      AND NOT EXISTS (SELECT 1 FROM gifted_pupil g WHERE g.pupil_id = p.id AND g.deleted_at IS NULL)
    GROUP BY p.id ORDER BY left_on`).all() as Candidate[];
}

/**
 * Erases one pupil's personal data (and the health details and consent givers of the pupil's entries).
 * `textsDone`: the caller has already rewritten the texts naming the pupil, in the same transaction.
 */
export function erasePupilData(ctx: ServiceContext, pupilId: string, why: 'expired' | 'request', textsDone = false): void {
  ctx.raw.transaction(() => {
    const exists = ctx.raw.prepare('SELECT 1 FROM pupil WHERE id = ? AND deleted_at IS NULL').get(pupilId);
    if (!exists) throw notFound('Обучающийся');
    // First the texts that name the pupil (the name is still readable), then the name itself.
    if (!textsDone) eraseMentions(ctx, pupilId);
    const blank = (table: string) => personalColumns(table).map((c) => `${c} = ${fieldOf(table, c)!.kind === 'text' ? "''" : 'NULL'}`).join(', ');
    ctx.raw.prepare(`UPDATE pupil SET ${blank('pupil')} WHERE id = ?`).run(pupilId);
    ctx.raw.prepare(`UPDATE risk_entry SET ${blank('risk_entry')} WHERE pupil_id = ?`).run(pupilId);
    ctx.raw.prepare(`UPDATE consent SET ${blank('consent')} WHERE entry_id IN (SELECT id FROM risk_entry WHERE pupil_id = ?)`).run(pupilId);
    logAccess(ctx, 'erase', pupilId, why === 'expired' ? 'истёк срок хранения' : 'по запросу');
  })();
}

/** What will be erased and when (names shown to the user while the file is open), and what is due now. */
export function erasurePlan(ctx: ServiceContext): ErasurePlan {
  const years = retentionYears(ctx);
  const today = dayOf(ctx.now());
  const rows = revealRows(ctx.raw, leavers(ctx)).map((r) => ({ pupilId: r.id, name: r.full_name, className: r.class_name, leftOn: r.left_on, eraseAfter: eraseAfter(r.left_on, years) }));
  return { retentionYears: years, today, pupils: rows };
}

/** Erases every pupil whose period has run out; returns how many. Needs the key (the texts are searched for the name). */
export function eraseExpired(ctx: ServiceContext): number {
  const years = retentionYears(ctx);
  const today = dayOf(ctx.now());
  const due = leavers(ctx).filter((c) => today > eraseAfter(c.left_on, years)).map((c) => c.id);
  if (!due.length) return 0;
  ctx.raw.transaction(() => {
    // One pass over the school's texts for everyone due (at the end of August that may be a whole class).
    eraseMentions(ctx, due);
    for (const id of due) erasePupilData(ctx, id, 'expired', true);
  })();
  return due.length;
}

/** A pupil's data erased at once, on a parent's request: only when the pupil is in no list. */
export function eraseOnRequest(ctx: ServiceContext, pupilId: string): void {
  const listed = ctx.raw.prepare(`SELECT 1 FROM risk_entry x WHERE x.pupil_id = @p AND x.deleted_at IS NULL AND x.status = 'included'
    UNION ALL SELECT 1 FROM gifted_pupil g WHERE g.pupil_id = @p AND g.deleted_at IS NULL`).get({ p: pupilId });
  if (listed) throw new AppError('still_listed', 'Обучающийся ещё в группе риска или в списке одарённых: сначала снимите его с учёта (или удалите из списка), затем сотрите сведения.');
  erasePupilData(ctx, pupilId, 'request');
}

const lastRun = new WeakMap<object, string>();

/** On open and once a day after (the workspace calls it with every context it hands out; cheap when done). */
export function eraseExpiredDaily(ctx: ServiceContext): void {
  const day = dayOf(ctx.now());
  if (lastRun.get(ctx.raw) === day) return;
  if (!ctx.raw.prepare("SELECT 1 FROM sqlite_master WHERE name = 'privacy_setting'").get()) { lastRun.set(ctx.raw, day); return; }
  const v = vaultStatus(ctx.raw);
  // Locked: tried again with the next context handed out, which after the unlock finds the key.
  if (v.locked && !v.lost) return;
  lastRun.set(ctx.raw, day);
  eraseExpired(ctx);
}
