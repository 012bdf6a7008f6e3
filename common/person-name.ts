/**
 * A person's name as documents need it (ГОСТ Р 7.0.97-2025): stored as surname, name, patronymic — the
 * last two may be initials («Н.», «Г.») — and printed «И.О. Фамилия» at a signature, «Фамилия И.О.» in lists.
 */
export interface PersonName {
  surname: string;
  /** Given name or its initial with a dot («Наталья» or «Н.»); '' when unknown. */
  name: string;
  /** Patronymic or its initial with a dot; '' when none. */
  patronymic: string;
}
