/**
 * Children's data on the school's computer (issue 12): the lock, the password and its recovery code. Handlers
 * in main/services/privacy/privacy.handlers.ts. The lock calls work for any role: a municipality may set a
 * password too, and a locked file must be unlockable before anything else is known about it.
 */
import { z } from 'zod';
import { call, callWithBytes, ANY_ROLE } from './define.js';
import { fileOutput } from './bytes.js';
import { id } from './fields.js';

export interface PrivacyState {
  /** The personal data cannot be read until the password (or the recovery code) is entered. */
  locked: boolean;
  /** The device's key file is missing or unreadable and no password was set: the names cannot be read. */
  lost: boolean;
  hasPassword: boolean;
  /** How the data key is kept without a password: 'safeStorage' (the OS key store) or 'plain' (a key file). */
  keyStore: string;
  /** Minutes without activity after which the workspace locks itself (0 — never). */
  idleMinutes: number;
  /** Pupils are on file and no password protects them. */
  suggestPassword: boolean;
}

export interface AccessLogEntry {
  /** ISO time. */
  at: string;
  /** The OS account name. */
  user: string;
  /** share_unchecked: a file the app cannot read passed on to the department on the person's word (the share dialog's tick). */
  action: 'open_card' | 'print' | 'export' | 'erase' | 'share_unchecked';
  /** The pupil's code («обучающийся № N»), never the name; '' when the action concerns no one pupil. */
  pupil: string;
  detail: string;
}

export interface ErasurePlan {
  /** School years after the one the pupil left in (2: to the end of the school year after next). */
  retentionYears: number;
  today: string;
  /** Pupils in no list any more, with the day after which their name and birth date are erased. */
  pupils: { pupilId: string; name: string; className: string; leftOn: string; eraseAfter: string }[];
}

const password = z.string({ message: 'Введите пароль' }).min(8, { message: 'Пароль — не короче 8 символов' }).max(200, { message: 'Пароль — не длиннее 200 символов' });
const anyPassword = z.string({ message: 'Введите пароль' }).min(1, { message: 'Введите пароль' }).max(200, { message: 'Пароль — не длиннее 200 символов' });
const code = z.string({ message: 'Введите код восстановления' }).trim().min(1, { message: 'Введите код восстановления' }).max(60, { message: 'Код восстановления длиннее 60 знаков' });

export const privacyCalls = {
  /** `windowOpened`: a window (or a reload of it) starts at the lock screen when a password is set. */
  'privacy.state': call<PrivacyState>(...ANY_ROLE)(z.strictObject({ windowOpened: z.boolean().optional() })),
  'privacy.unlock': call<PrivacyState>(...ANY_ROLE)(z.strictObject({ password: anyPassword })),
  'privacy.lock': call<PrivacyState>(...ANY_ROLE)(z.strictObject({})),
  /** The window saw keys or clicks (sent at most once a minute): the idle lock counts from here. */
  'privacy.touch': call<PrivacyState>(...ANY_ROLE)(z.strictObject({})),
  /**
   * Sets the password, or changes it (then `current` is the present one). `understood`: the user has read that
   * without the password and the recovery code the pupils' data cannot be read by anyone.
   */
  'privacy.setPassword': call<{ recoveryCode: string }>(...ANY_ROLE)(z.strictObject({
    current: z.string().max(200).optional(),
    password,
    understood: z.literal(true, { message: 'Подтвердите, что поняли: без пароля и кода восстановления данные не прочитать' }),
  })),
  /** A forgotten password: the recovery code sets a new one (and a new code is issued). */
  'privacy.recover': call<{ recoveryCode: string }>(...ANY_ROLE)(z.strictObject({ code, password })),
  'privacy.setIdle': call<PrivacyState>(...ANY_ROLE)(z.strictObject({
    idleMinutes: z.number({ message: 'Укажите число минут' }).int({ message: 'Укажите целое число минут' }).min(0, { message: 'Не меньше 0 минут' }).max(480, { message: 'Не больше 480 минут' }),
  })),

  /** The consent form of one risk-group entry, prefilled, to print for signing (.docx). */
  'privacy.consentForm': callWithBytes(fileOutput, 'school')(z.strictObject({ entryId: id })),
  /** Entries in the group today with ОВЗ or health details and no consent on file (the dashboard's flag). */
  'privacy.consentMissing': call<{ count: number }>('school')(z.strictObject({})),
  /** «Что хранится о ребёнке»: everything kept about one pupil (.docx). */
  'privacy.pupilReport': callWithBytes(fileOutput, 'school')(z.strictObject({ pupilId: id })),
  'privacy.erasure.plan': call<ErasurePlan>('school')(z.strictObject({})),
  'privacy.erasure.setRetention': call<ErasurePlan>('school')(z.strictObject({
    years: z.number({ message: 'Укажите число лет' }).int({ message: 'Укажите целое число лет' }).min(0, { message: 'Не меньше 0' }).max(10, { message: 'Не больше 10 лет' }),
  })),
  /** Erases one pupil's name and birth date at once (a parent's request); the pupil must be in no list. */
  'privacy.erasure.erase': call<ErasurePlan>('school')(z.strictObject({ pupilId: id })),
  'privacy.accessLog': call<AccessLogEntry[]>(...ANY_ROLE)(z.strictObject({})),
};
