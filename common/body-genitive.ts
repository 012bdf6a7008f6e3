/** The issuing body in the genitive: «Управление образования …» → «Управления образования …» for «к приказу …» and «в соответствии с приказом …»; '' when the word is not known. */
export function genitiveOfBody(name: string): string {
  const GEN: Record<string, string> = {
    'Управление': 'Управления', 'Администрация': 'Администрации', 'Министерство': 'Министерства', 'Комитет': 'Комитета',
    'Отдел': 'Отдела', 'Департамент': 'Департамента', 'Муниципальное': 'Муниципального', 'Муниципальный': 'Муниципального',
  };
  const [first, ...rest] = name.trim().split(/\s+/);
  const g = first ? GEN[first] ?? GEN[first[0]!.toUpperCase() + first.slice(1).toLowerCase()] : undefined;
  return g ? [g, ...rest].join(' ') : '';
}
