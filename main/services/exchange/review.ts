/**
 * «Что уходит»: before the school's file is written, the person sees every free-text value that is new or
 * changed since the last file — by record and field, with what looks like a pupil's name or birth date marked —
 * and can replace a marked value's names by codes one by one or all at once. The automatic check
 * (outgoing-check.ts) is a second net; this list is the person's own look at what leaves.
 *
 * «Since the last file»: when a school file is written, a hash of every outgoing text value is kept in
 * `sent_text` (local, never synced); a value whose hash differs (or is absent) is new or changed.
 */
import { tableSpec, upTables } from '../../../db/registry/index.js';
import type { ServiceContext } from '../core/context.js';
import { AppError } from '../core/errors.js';
import { rewriteText } from '../core/writer.js';
import { redact } from '../privacy/pupil-mentions.js';
import { codeSayer } from '../privacy/people.js';
import { matcher, textColumns, recordTitle, pupilCodes, pupilOfEntries } from './outgoing-check.js';
import { outgoingTexts, sentHashes, textHash, textKey } from './sent-texts.js';
import type { OutgoingReview, ReviewItem } from '../../../preload/contract/exchange.js';

/** Short values and long: a flagged value is shown whole up to this, a long unflagged one cut. */
const SHOWN_CHARS = 600;
/** The list shows every flagged value, and at most this many others (the count says how many there are). */
const SHOWN_ITEMS = 300;

/** Where the school finds a pupil again: the latest live risk-group entry, else the gifted list's, else nowhere. */
function pupilRecord(ctx: ServiceContext): (pupilId: string) => { table: 'risk_entry' | 'gifted_pupil'; id: string } | null {
  const risk = ctx.raw.prepare('SELECT id FROM risk_entry WHERE pupil_id = ? AND deleted_at IS NULL ORDER BY included_on DESC, created_at DESC LIMIT 1').pluck();
  const gifted = ctx.raw.prepare('SELECT id FROM gifted_pupil WHERE pupil_id = ? AND deleted_at IS NULL ORDER BY created_at DESC LIMIT 1').pluck();
  return (pupilId) => {
    const r = risk.get(pupilId) as string | undefined;
    if (r) return { table: 'risk_entry', id: r };
    const g = gifted.get(pupilId) as string | undefined;
    return g ? { table: 'gifted_pupil', id: g } : null;
  };
}

/** The list the export screen and `opora export --review` show: new or changed outgoing texts, flagged first. */
export function outgoingReview(ctx: ServiceContext, owner: string): OutgoingReview {
  const sent = sentHashes(ctx);
  const firstFile = sent.size === 0 && !ctx.raw.prepare('SELECT 1 FROM exchange_export LIMIT 1').get();
  const m = matcher(ctx);
  const codes = pupilCodes(ctx);
  const pupilOf = pupilOfEntries(ctx);
  const recordOf = pupilRecord(ctx);
  const flagged: ReviewItem[] = [];
  const other: ReviewItem[] = [];
  let total = 0;
  for (const v of outgoingTexts(ctx, owner)) {
    // The built-in catalogue (risk factors, deficits) is the same in every school: nothing of the school's own to read.
    if (v.builtin || sent.get(textKey(v.table, v.id, v.column)) === textHash(v.value)) continue;
    total++;
    const found = m.find(v.value);
    const marks = found.map((x) => ({ start: x.start, end: x.end, kind: x.kind }));
    if (!marks.length && other.length >= SHOWN_ITEMS) continue;
    const named = recordTitle(v.table, v.row, codes, pupilOf);
    // «Фактор риска «X» — Фактор риска: X» says the same twice: the record is then named by its kind alone.
    const title = named === `«${v.value.trim().slice(0, 60)}»` ? '' : named;
    const cut = !marks.length && v.value.length > SHOWN_CHARS;
    const item: ReviewItem = {
      table: v.table, id: v.id, column: v.column,
      record: `${tableSpec(v.table).title}${title ? ' ' + title : ''}${v.row.deleted_at ? ' (удалённая)' : ''}`,
      field: v.label, text: cut ? v.value.slice(0, SHOWN_CHARS) + '…' : v.value, marks,
      pupils: [...new Set(found.map((x) => x.pupilId))].map((p) => ({ code: codes.get(p) ?? 'обучающийся', open: recordOf(p) })),
    };
    (marks.length ? flagged : other).push(item);
  }
  return { firstFile, total, flagged: flagged.length, items: [...flagged, ...other] };
}

export { recordSentTexts } from './sent-texts.js';

/** «Заменить кодом» on one value: its names become the pupils' codes, its birth dates a neutral phrase, through the writer. */
export function replaceInValue(ctx: ServiceContext, owner: string, item: { table: string; id: string; column: string }): { replaced: boolean } {
  if (!upTables().includes(item.table) || !textColumns(item.table).some(([c]) => c === item.column)) {
    throw new AppError('bad_input', 'Это поле не уходит из школы: заменять в нём нечего.');
  }
  return ctx.raw.transaction(() => {
    const value = ctx.raw.prepare(`SELECT ${item.column} FROM ${item.table} WHERE id = ? AND owner = ?`).pluck().get(item.id, owner);
    if (typeof value !== 'string') throw new AppError('not_found', 'Запись не найдена: возможно, её уже изменили. Обновите список.');
    const found = matcher(ctx).find(value);
    if (!found.length) return { replaced: false };
    rewriteText(ctx, item.table, item.id, item.column, redact(value, found, codeSayer(ctx)(value)));
    return { replaced: true };
  })();
}
