/**
 * A problem as a school words it, offered against the risk-factor catalogue: the factor sharing the most word
 * stems with it, when it shares at least half of the factor's own. The description is kept as written either way.
 */
import type { ServiceContext } from '../../core/context.js';
import { liveRows } from '../../core/writer.js';

const stems = (s: string) => new Set(s.toLowerCase().replace(/ё/g, 'е').split(/[^а-яa-z0-9]+/).filter((w) => w.length > 3).map((w) => w.slice(0, 5)));

export function matchFactor(ctx: ServiceContext, text: string): { id: string; title: string; kind: string } | undefined {
  const words = stems(text);
  let best: { id: string; title: string; kind: string } | undefined;
  let bestScore = 0;
  for (const f of liveRows(ctx, 'risk_factor', 'title')) {
    const own = stems(String(f.title));
    if (!own.size) continue;
    let shared = 0;
    for (const w of own) if (words.has(w)) shared++;
    const score = shared / own.size;
    if (score >= 0.5 && score > bestScore) { best = { id: String(f.id), title: String(f.title), kind: String(f.kind) }; bestScore = score; }
  }
  return best;
}
