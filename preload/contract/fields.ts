/** Zod building blocks with Russian messages, shared by every schema in the contract. */
import { z } from 'zod';
import { hasXmlForbidden, softBreaks } from '../../common/xml-chars.js';
import { isRealDate } from '../../common/format.js';
import { parseTypedDate, datesInOrder } from '../../common/dates.js';

export const id = z.string().uuid({ message: 'Неверный идентификатор записи' });

/** A character no document can hold (common/xml-chars.ts): said in words, the text kept in the field to fix. */
const xmlMessage = (label: string) => `В поле «${label}» есть служебный символ, который нельзя напечатать в документе (обычно он приходит при копировании из другой программы). Удалите его: наберите текст заново или вставьте его как обычный текст.`;

export const text = (label: string, max = 2000) =>
  z.string({ message: `Поле «${label}» должно быть текстом` })
    .overwrite(softBreaks)
    .trim()
    .min(1, { message: `Заполните поле «${label}»` })
    .max(max, { message: `Поле «${label}» длиннее ${max} символов — сократите его` })
    .refine((s) => !hasXmlForbidden(s), { message: xmlMessage(label) });

export const optText = (label: string, max = 10000) =>
  z.string({ message: `Поле «${label}» должно быть текстом` })
    .overwrite(softBreaks)
    .trim()
    .max(max, { message: `Поле «${label}» длиннее ${max} символов — сократите его` })
    .refine((s) => !hasXmlForbidden(s), { message: xmlMessage(label) })
    .default('');

/**
 * A date as stored (ISO) or as typed (common/dates.ts: «01,09,20», «1 сентября 2020»…), stored as ISO; what the
 * parser cannot read is refused with its message, so a form keeps the text in the field and says why.
 */
export const date = (label: string) =>
  z.string({ message: `Укажите дату в поле «${label}»` })
    .overwrite((s) => {
      const r = isRealDate(s) ? null : parseTypedDate(s);
      return r?.ok && r.iso ? r.iso : s;
    })
    .superRefine((s, ctx) => {
      if (isRealDate(s)) return;
      const r = parseTypedDate(s);
      const why = r.ok ? 'Не удалось прочитать дату — введите её как ДД.ММ.ГГГГ' : r.message;
      ctx.addIssue({ code: 'custom', message: `В поле «${label}» ${why[0]!.toLowerCase()}${why.slice(1)}` });
    });

export const optDate = (label: string) => date(label).nullable().default(null);

export const flag = z.union([z.boolean(), z.literal(0), z.literal(1)]).transform((b) => (b ? 1 : 0));

export const optInt = (label: string, min = 0, max = 1_000_000) =>
  z.number({ message: `В поле «${label}» должно быть число` })
    .int({ message: `В поле «${label}» должно быть целое число` })
    .min(min, { message: `В поле «${label}» число не меньше ${min}` })
    .max(max, { message: `В поле «${label}» число не больше ${max}` })
    .nullable()
    .default(null);

export const optNumber = (label: string) =>
  z.number({ message: `В поле «${label}» должно быть число` }).finite().nullable().default(null);

export const oneOf = <T extends readonly [string, ...string[]]>(label: string, codes: T) =>
  z.enum(codes, { message: `Выберите значение в поле «${label}» из списка` });

/** A date range where the end, if given, is not before the start. */
export function rangeOk(from: string | null | undefined, to: string | null | undefined) {
  return datesInOrder(from, to);
}
