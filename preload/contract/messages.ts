/**
 * The words zod says when a schema carries no message of its own. Zod's Russian locale still names types
 * and values in English («ожидалось string, получено null», «"a"|"b"») and a person filling in a form cannot
 * act on that; these say what to do, in Russian only, without type names, codes or ids.
 */
import type { z } from 'zod';

type Issue = Parameters<z.core.$ZodErrorMap>[0];

const n = (x: number | bigint) => String(x).replace('.', ',');

function invalidType(iss: Extract<Issue, { code: 'invalid_type' }>): string {
  if (iss.input === null || iss.input === undefined || iss.input === '') return 'Заполните поле';
  switch (iss.expected) {
    case 'number': return 'Введите число';
    case 'int': return 'Введите целое число';
    case 'string': return 'Введите текст';
    case 'boolean': return 'Отметьте или снимите флажок';
    case 'array': return 'Выберите значения из списка';
    case 'date': return 'Введите дату как ДД.ММ.ГГГГ';
    default: return 'Значение не подходит для этого поля';
  }
}

/** The message of an issue whose schema gave none; undefined never, so the locale is never reached. */
export function ruMessage(iss: Issue): string {
  switch (iss.code) {
    case 'invalid_type': return invalidType(iss);
    case 'too_small':
      if (iss.origin === 'string') return Number(iss.minimum) <= 1 ? 'Заполните поле' : `Не короче ${n(iss.minimum)} символов`;
      if (iss.origin === 'array' || iss.origin === 'set') return `Выберите не меньше ${n(iss.minimum)}`;
      return `Число не меньше ${n(iss.minimum)}`;
    case 'too_big':
      if (iss.origin === 'string') return `Не длиннее ${n(iss.maximum)} символов — сократите текст`;
      if (iss.origin === 'array' || iss.origin === 'set') return `Выберите не больше ${n(iss.maximum)}`;
      if (iss.origin === 'file') return 'Файл слишком большой';
      return `Число не больше ${n(iss.maximum)}`;
    case 'invalid_format':
      if (iss.format === 'uuid' || iss.format === 'guid') return 'Выберите запись из списка';
      if (iss.format === 'email') return 'Адрес электронной почты записан неверно';
      return 'Значение записано неверно';
    case 'not_multiple_of': return 'Введите целое число';
    case 'invalid_value': return 'Выберите значение из списка';
    case 'invalid_union': return 'Значение не подходит для этого поля';
    case 'unrecognized_keys': return 'Форма передала поле, которого здесь нет';
    case 'invalid_key':
    case 'invalid_element': return 'Одно из значений не подходит';
    default: return 'Значение не подходит для этого поля';
  }
}
