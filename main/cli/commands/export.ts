import { exportToFolder } from '../../services/exchange/index.js';
import { EXIT, need, type CliCommand } from '../types.js';
import { withWorkspace } from '../open.js';

export const exportCommand: CliCommand = {
  name: 'export',
  summary: 'выгрузить файл(ы) обмена в папку (обычно на флешку)',
  help: `opora export --db БАЗА --out ПАПКА [--for ИДЕНТИФИКАТОР_ШКОЛЫ|all]

Школа: выгружает полный снимок своих данных для муниципалитета (без ФИО и дат рождения обучающихся),
подписанный ключом школы и зашифрованный для муниципалитета.
Муниципалитет: выгружает для школы (или для всех подключённых школ, --for all — по умолчанию)
мероприятия муниципальной дорожной карты, классификацию школы и комментарии куратора.
Файл пишется во временный файл, сбрасывается на носитель, переименовывается, читается обратно и
проверяется; печатается путь каждого записанного файла — после этого носитель можно извлечь.`,
  options: { db: { type: 'string' }, out: { type: 'string' }, for: { type: 'string' } },
  run: async ({ values }, io) => {
    const db = need(values, 'db', 'база');
    const out = need(values, 'out', 'папка');
    return withWorkspace(db, io.now, ({ ctx }) => {
      const written = exportToFolder(ctx, out, { forSchool: values.for as string | undefined });
      for (const w of written) io.out(w.path);
      io.err(`Записано файлов: ${written.length}. Файлы проверены — носитель можно извлечь.`);
      return EXIT.ok;
    });
  },
};
