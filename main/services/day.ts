/** The local calendar day (YYYY-MM-DD) of a moment: the @day every rule in db/rules.ts is evaluated on. */
export function dayOf(now: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}
