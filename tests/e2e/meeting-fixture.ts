/**
 * The video-conference of issue 20 as the methodologist wrote it (people and schools fictional), shared by the two
 * browser walks that enter it: meetings.test.ts (the meeting's own form) and meetings-group.test.ts (its working
 * group and assignments). Both print the справка and read the .docx back.
 */
import type { Locator, Page } from 'playwright-core';
import { join } from 'node:path';
import { expect } from 'vitest';
import { paragraphText } from '../unit/report-reader.js';

export const NOW = () => new Date('2026-11-25T10:00:00');
export const SCHOOLS = ['Альфинская', 'Бетинская', 'Гаммовская', 'Дельтинская', 'Эпсилонская', 'Зетинская', 'Этинская', 'Тетинская', 'Йотинская', 'Каппинская'].map((n) => `МКОУ «${n} СОШ»`);
export const ABSENT = 4;
export const AGENDA = [
  'Доля обучающихся, не достигших базового уровня по ВПР',
  'Доля обучающихся с отметкой «2» по итогам четверти',
  'Доля выпускников 9 классов, не получивших аттестат',
  'Доля педагогов, прошедших диагностику профессиональных дефицитов',
  'Доля молодых педагогов с наставником',
  'Доля обучающихся группы риска с индивидуальным планом',
  'Участие школ в сетевом взаимодействии',
  'Выполнение школьных «дорожных карт»',
];
export const CONCLUSIONS = [
  ['Доля не достигших базового уровня выше городской', 'низкая учебная мотивация обучающихся', 'отсутствие анализа результатов ВПР на уровне ШМО'],
  ['Отметки «2» по итогам четверти не согласуются с результатами ВПР', 'необъективность текущего оценивания', 'дефицит умений формирующего оценивания у педагогов'],
  ['Диагностика профессиональных дефицитов проведена не во всех школах', 'высокая нагрузка педагогов', 'управленческий дефицит планирования методической работы'],
  ['Молодые педагоги закреплены за наставниками частично', 'высокая доля молодых педагогов', 'нет системы наставничества в школе'],
  ['Индивидуальные планы для обучающихся группы риска составлены формально', 'высокая доля детей из семей в трудной жизненной ситуации', 'дефицит компетенций в индивидуализации обучения'],
  ['Сетевое взаимодействие между школами не организовано', 'территориальная удалённость', 'отсутствие механизмов взаимодействия'],
] as const;
/** Name and the school (index in SCHOOLS) the member works at; -1: the methodical centre. */
export const MEMBERS: [string, number][] = [
  ['Абрамова Ирина Сергеевна', 0], ['Белов Андрей Викторович', 1], ['Власова Елена Петровна', 2], ['Григорьева Ольга Ивановна', 3],
  ['Дмитриев Павел Олегович', 5], ['Егорова Наталья Юрьевна', 6], ['Жукова Анна Михайловна', 7], ['Зайцев Роман Андреевич', 8],
  ['Исаева Марина Львовна', 9], ['Климова Татьяна Николаевна', -1], ['Лебедева Светлана Игоревна', -1],
];
export const TASKS = [
  'провести анализ результатов ВПР по каждому классу',
  'подготовить перечень заданий с низким процентом решаемости',
  'разработать рекомендации по объективности оценивания',
  'составить план методических семинаров на апрель – май',
  'представить проект сетевого взаимодействия школ',
];

export async function fillRow(section: Locator, index: number, label: string, value: string) {
  await section.getByTestId(/-row$/).nth(index).getByLabel(label).first().fill(value);
}

/** Screenshots for the closing note when SHOTS_DIR is set; nothing otherwise. */
export async function shot(page: Page, name: string) {
  if (process.env.SHOTS_DIR) await page.screenshot({ path: join(process.env.SHOTS_DIR, `${name}.png`), fullPage: true });
}

export async function pickDate(scope: Locator | Page, testId: string, value: string) {
  const input = scope.getByTestId(testId);
  await input.fill(value);
  await input.press('Enter');
}

/** Each part found after the one before it: a string is a paragraph's whole text or its start. */
export function expectInOrder(p: string[], parts: (string | RegExp)[]) {
  let at = -1;
  for (const part of parts) {
    const next = p.findIndex((x, k) => k > at && (typeof part === 'string' ? x === part || x.startsWith(part) : part.test(x)));
    expect(next, `«${String(part)}» после «${p[at] ?? ''}»`).toBeGreaterThan(at);
    at = next;
  }
}

/** The signature is never alone on a page: the paragraph before it keeps with it. Returns that paragraph's text. */
export function beforeSignature(xml: string, signatureStart: string): string {
  const paras = [...xml.slice(xml.indexOf('<w:body>')).matchAll(/<w:p>[\s\S]*?<\/w:p>|<w:p [\s\S]*?<\/w:p>/g)].map((m) => m[0]);
  const sig = paras.findIndex((x) => paragraphText(x).startsWith(signatureStart));
  expect(sig).toBeGreaterThan(0);
  expect(paras[sig - 1]).toContain('<w:keepNext/>');
  return paragraphText(paras[sig - 1]!);
}
