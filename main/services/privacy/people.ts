/**
 * Who the name check looks for and whom it leaves alone, read from the school's database: every pupil whose
 * name or birth date is still on file (live and deleted alike — a text written before a deletion still names
 * the child), the adults (staff and the director named in the profile), and the pupils' codes said instead
 * of their names. The outgoing check and the erasure of a pupil's name read the same lists.
 */
import type { ServiceContext } from '../core/context.js';
import { tableSpec, type Field } from '../../../db/registry/index.js';
import { revealRows } from './vault.js';
import type { PupilFacts, Mention } from './names/matcher.js';
import { codeInCase } from './names/code-case.js';

/**
 * The pupil's code, said instead of the name wherever the name must not go: «обучающийся № N», N the
 * pupil's place among all of the school's pupil records in order of creation. Records are tombstoned,
 * never removed, so the number stays the pupil's for good.
 */
export function pupilCodes(ctx: ServiceContext): Map<string, string> {
  const ids = ctx.raw.prepare('SELECT id FROM pupil ORDER BY created_at, id').pluck().all() as string[];
  return new Map(ids.map((id, i) => [id, `обучающийся № ${i + 1}`]));
}

/**
 * What stands in a text instead of a pupil's name: the code in the case the name stood in («беседа с
 * обучающимся № 1»). Built once per rewrite; `sayer(text)` is the callback `redact` takes for that text.
 */
export function codeSayer(ctx: ServiceContext): (text: string) => (pupilId: string, m: Mention) => string {
  const codes = pupilCodes(ctx);
  const names = new Map(knownPupils(ctx).map((p) => [p.id, p.fullName]));
  return (text) => (id, m) => codeInCase(codes.get(id) ?? 'обучающийся', text.slice(m.start, m.end), text.slice(0, m.start), names.get(id));
}

type PupilRow = { id: string; full_name: string; birth_date: string | null; class_name: string };
const facts = (r: PupilRow): PupilFacts => ({ id: r.id, fullName: r.full_name, birthDate: r.birth_date, className: r.class_name });

/** Every pupil the school has entered whose name or birth date is still on file; needs the key (names are sealed). */
export function knownPupils(ctx: ServiceContext): PupilFacts[] {
  const rows = ctx.raw.prepare("SELECT id, full_name, birth_date, class_name FROM pupil WHERE full_name <> '' OR birth_date IS NOT NULL").all() as PupilRow[];
  return revealRows(ctx.raw, rows).map(facts);
}

/** One pupil, live or deleted, or null when the record is gone. */
export function pupilFacts(ctx: ServiceContext, pupilId: string): PupilFacts | null {
  const row = ctx.raw.prepare('SELECT id, full_name, birth_date, class_name FROM pupil WHERE id = ?').get(pupilId) as PupilRow | undefined;
  return row ? facts(revealRows(ctx.raw, [row])[0]!) : null;
}

/** Staff and the director and deputies named in the school's profile, whether or not they are in «Кадры». */
export function schoolAdults(ctx: ServiceContext): PupilFacts[] {
  const out = (ctx.raw.prepare("SELECT id, full_name FROM staff WHERE deleted_at IS NULL AND full_name <> ''").all() as { id: string; full_name: string }[])
    .map((r) => ({ id: r.id, fullName: r.full_name, birthDate: null }));
  const profileNames = Object.entries(tableSpec('school_profile').fields as Record<string, Field>)
    .filter(([, f]) => f.kind === 'text' && !f.personal && f.label.includes('ФИО')).map(([c]) => c);
  for (const row of ctx.raw.prepare('SELECT * FROM school_profile WHERE deleted_at IS NULL').all() as Record<string, unknown>[]) {
    for (const c of profileNames) if (typeof row[c] === 'string' && row[c]) out.push({ id: `profile:${c}`, fullName: row[c] as string, birthDate: null });
  }
  return out;
}
