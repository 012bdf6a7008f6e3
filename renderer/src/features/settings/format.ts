/** «25.11.2026 в 10:05» in the computer's local time. */
export function formatMoment(iso: string): string {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getDate())}.${p(d.getMonth() + 1)}.${d.getFullYear()} в ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** «840 Б», «12,5 КБ», «3,2 МБ». */
export function formatSize(bytes: number): string {
  const n = (v: number) => v.toLocaleString('ru-RU', { maximumFractionDigits: 1 });
  if (bytes < 1024) return `${bytes} Б`;
  if (bytes < 1024 * 1024) return `${n(bytes / 1024)} КБ`;
  return `${n(bytes / (1024 * 1024))} МБ`;
}
