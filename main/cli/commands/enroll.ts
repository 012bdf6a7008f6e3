import { writeBundleFile, enrollSchool, reissueEnrollment } from '../../services/exchange/index.js';
import { dirname, basename } from 'node:path';
import { renameSync, existsSync } from 'node:fs';
import { EXIT, need, CliError, type CliCommand } from '../types.js';
import { withWorkspace } from '../open.js';

export const enrollCommand: CliCommand = {
  name: 'enroll',
  summary: 'добавить школу в список муниципалитета и создать для неё файл подключения',
  help: `opora enroll --db БАЗА_МУНИЦИПАЛИТЕТА --name НАИМЕНОВАНИЕ_ШКОЛЫ --out ФАЙЛ
opora enroll --db БАЗА_МУНИЦИПАЛИТЕТА --school ИДЕНТИФИКАТОР --out ФАЙЛ

Создаёт файл подключения школы, подписанный ключом муниципалитета: идентификатор и наименование школы,
открытый ключ муниципалитета и одноразовый секрет. Передайте файл в школу (на флешке). Первый файл
обмена от школы докажет знание секрета, и её ключ будет закреплён автоматически.
Печатает идентификатор школы.
  --name    новая школа с этим наименованием;
  --school  новый файл подключения для школы, уже внесённой в список (прежний утерян или сменился компьютер);
  --out     куда записать файл подключения (обычно с расширением .opora-enroll).`,
  options: { db: { type: 'string' }, name: { type: 'string' }, school: { type: 'string' }, out: { type: 'string' } },
  run: async ({ values }, io) => {
    const db = need(values, 'db', 'база муниципалитета');
    const out = need(values, 'out', 'файл подключения');
    if (!values.name === !values.school) throw new CliError('Укажите --name для новой школы или --school для повторного подключения.', EXIT.usage);
    if (existsSync(out)) throw new CliError(`Файл «${out}» уже существует. Укажите другое имя.`);
    return withWorkspace(db, io.now, ({ ctx }) => {
      const f = values.name ? enrollSchool(ctx, values.name as string) : reissueEnrollment(ctx, values.school as string);
      const written = writeBundleFile(dirname(out) || '.', basename(out) + '.opora', f.bytes);
      renameSync(written, out);
      io.out(f.schoolId);
      io.err(`Файл подключения школы «${f.schoolName}» записан: ${out}`);
      return EXIT.ok;
    });
  },
};
