/** «2.10» after «2.9»: activity numbers compared part by part, as numbers where they are numbers. */
export function byNumber(a: Record<string, unknown>, b: Record<string, unknown>): number {
  const pa = String(a.number ?? '').split(/[.\s]+/);
  const pb = String(b.number ?? '').split(/[.\s]+/);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? '';
    const y = pb[i] ?? '';
    const d = /^\d+$/.test(x) && /^\d+$/.test(y) ? Number(x) - Number(y) : x.localeCompare(y, 'ru');
    if (d) return d;
  }
  return 0;
}
