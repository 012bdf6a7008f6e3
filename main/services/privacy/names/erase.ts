/**
 * When a pupil's name is erased (retention expiry, a parent's request, the deletion of the pupil's record),
 * every text at the school that names the pupil or gives the birth date is rewritten with the pupil's code,
 * so nothing written earlier can carry the name out later and nothing needs to remember it. This module
 * says what the texts become; the caller writes them through the writer's bookkeeping (rewriteText), in the
 * same transaction as the erasure, so the corrected text wins at the municipality too.
 */
import type { ServiceContext } from '../../core/context.js';
import { allTables, type Field } from '../../../../db/registry/index.js';
import { pupilMatcher, redact, type Matcher } from './matcher.js';
import { codeSayer, pupilFacts, schoolAdults, knownPupils } from '../people.js';

export interface TextRewrite { table: string; id: string; column: string; value: string }

/**
 * Every text field of every school table (those that travel and those that stay), live rows and tombstones,
 * that names one of the pupils: the field's new text. Several pupils at once (the yearly erasure of everyone
 * whose period ran out) cost one pass over the texts. Reads the pupils' names, so it needs the key.
 */
export function mentionRewrites(ctx: ServiceContext, pupilIds: readonly string[]): TextRewrite[] {
  const erased = pupilIds.map((id) => pupilFacts(ctx, id)).filter((p): p is NonNullable<typeof p> => !!p && (!!p.fullName || !!p.birthDate));
  if (!erased.length) return [];
  const ids = new Set(erased.map((p) => p.id));
  const adults = schoolAdults(ctx);
  const these = pupilMatcher(erased, adults);
  // The other pupils too: «Иванова Эвелина» is the sister's full name, not the erased Иванов's surname and a stray word.
  let all: Matcher | null = null;
  const m: Matcher = {
    find(text) {
      const mine = these.find(text);
      if (!mine.length) return mine;
      all ??= pupilMatcher(knownPupils(ctx), adults);
      const theirs = all.find(text).filter((o) => !ids.has(o.pupilId));
      return mine.filter((x) => !theirs.some((o) => o.start <= x.start && o.end >= x.end && o.end - o.start > x.end - x.start));
    },
  };
  const say = codeSayer(ctx);
  const out: TextRewrite[] = [];
  for (const spec of allTables()) {
    if (spec.side !== 'school') continue;
    const cols = Object.entries(spec.fields as Record<string, Field>).filter(([, f]) => f.kind === 'text' && !f.personal).map(([c]) => c);
    if (!cols.length) continue;
    for (const row of ctx.raw.prepare(`SELECT id, ${cols.join(', ')} FROM ${spec.name}`).all() as Record<string, unknown>[]) {
      for (const c of cols) {
        const text = row[c];
        if (typeof text !== 'string' || !text) continue;
        const found = m.find(text);
        if (found.length) out.push({ table: spec.name, id: row.id as string, column: c, value: redact(text, found, say(text)) });
      }
    }
  }
  return out;
}
