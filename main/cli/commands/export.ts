import { exportToFolder, outgoingReview, ensureIdentity } from '../../services/exchange/index.js';
import { getRole } from '../../services/core/school-profile.js';
import { EXIT, need, type CliCommand } from '../types.js';
import { withWorkspace } from '../open.js';
import type { OutgoingReview } from '../../../preload/contract/exchange.js';

/** The review as lines: each value with what looks like a name or a birth date put in ⟦ ⟧, so it stands out in a terminal too. */
export function reviewLines(r: OutgoingReview): string[] {
  const head = r.total === 0
    ? ['Новых и изменённых текстов с прошлой выгрузки нет.']
    : [`${r.firstFile ? 'Первая выгрузка: уходят все тексты' : 'Новые и изменённые с прошлой выгрузки тексты'} — ${r.total}` +
      (r.flagged ? `, из них похожи на ФИО или дату рождения обучающегося: ${r.flagged}.` : '; похожих на ФИО или дату рождения обучающегося нет.')];
  const lines = r.items.map((it) => {
    let text = '';
    let at = 0;
    for (const m of it.marks) {
      text += it.text.slice(at, m.start) + '⟦' + it.text.slice(m.start, m.end) + '⟧';
      at = m.end;
    }
    text += it.text.slice(at);
    return `${it.marks.length ? '! ' : '  '}${it.record} — поле «${it.field}»: ${text.replace(/\s*\n\s*/g, ' ⏎ ')}`;
  });
  const hidden = r.total - r.items.length;
  return [...head, ...lines, ...(hidden > 0 ? [`…и ещё ${hidden} без похожих на ФИО или дату рождения.`] : [])];
}

export const exportCommand: CliCommand = {
  name: 'export',
  summary: 'выгрузить файл(ы) обмена в папку (обычно на флешку)',
  help: `opora export --db БАЗА --out ПАПКА [--for ИДЕНТИФИКАТОР_ШКОЛЫ|all]
opora export --db БАЗА_ШКОЛЫ --review

Школа: выгружает полный снимок своих данных для муниципалитета (без ФИО и дат рождения обучающихся),
подписанный ключом школы и зашифрованный для муниципалитета.
Муниципалитет: выгружает для школы (или для всех подключённых школ, --for all — по умолчанию)
мероприятия муниципальной дорожной карты, классификацию школы и комментарии куратора.
Файл пишется во временный файл, сбрасывается на носитель, переименовывается, читается обратно и
проверяется; печатается путь каждого записанного файла — после этого носитель можно извлечь.

--review (школа): ничего не записывает, а печатает каждый текст, который уйдёт в управление образования и
которого не было в прошлом файле (или который изменился), — запись, поле и сам текст; похожее на ФИО или
дату рождения обучающегося выделено ⟦так⟧, такие строки отмечены «!». Код 0, если таких нет, 3 — если есть.`,
  options: { db: { type: 'string' }, out: { type: 'string' }, for: { type: 'string' }, review: { type: 'boolean' } },
  run: async ({ values }, io) => {
    const db = need(values, 'db', 'база');
    if (values.review) {
      return withWorkspace(db, io.now, ({ ctx }) => {
        if (getRole(ctx) !== 'school') {
          io.err('Просмотр исходящих текстов (--review) делается в рабочем месте школы.');
          return EXIT.usage;
        }
        const r = outgoingReview(ctx, ensureIdentity(ctx).ownerId);
        for (const line of reviewLines(r)) io.out(line);
        return r.flagged ? EXIT.notAllAccepted : EXIT.ok;
      });
    }
    const out = need(values, 'out', 'папка');
    return withWorkspace(db, io.now, ({ ctx }) => {
      const written = exportToFolder(ctx, out, { forSchool: values.for as string | undefined });
      for (const w of written) io.out(w.path);
      io.err(`Записано файлов: ${written.length}. Файлы проверены — носитель можно извлечь.`);
      return EXIT.ok;
    });
  },
};
