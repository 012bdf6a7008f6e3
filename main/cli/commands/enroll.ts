import { writeBundleFile, enrollSchool, reissueEnrollment, displayCode } from '../../services/exchange/index.js';
import { dirname, basename } from 'node:path';
import { renameSync, existsSync } from 'node:fs';
import { EXIT, need, CliError, type CliCommand } from '../types.js';
import { withWorkspace } from '../open.js';

export const enrollCommand: CliCommand = {
  name: 'enroll',
  summary: 'добавить школу в список муниципалитета и создать для неё файл подключения',
  help: `opora enroll --db БАЗА_МУНИЦИПАЛИТЕТА --name НАИМЕНОВАНИЕ_ШКОЛЫ --out ФАЙЛ [--json]
opora enroll --db БАЗА_МУНИЦИПАЛИТЕТА --school ИДЕНТИФИКАТОР --out ФАЙЛ [--json]

Создаёт файл подключения школы, подписанный ключом муниципалитета: идентификатор и наименование школы,
открытый ключ муниципалитета и одноразовый секрет, запечатанный кодом подключения. Передайте файл в школу
(на флешке), а код — отдельно: распечатайте или продиктуйте по телефону. Без кода файл бесполезен. Первый
файл обмена от школы докажет знание секрета, и её ключ будет закреплён автоматически.
Печатает идентификатор школы и код подключения (с --json: {"schoolId", "code", "file"}).
  --name    новая школа с этим наименованием;
  --school  новый файл подключения для школы, уже внесённой в список (прежний утерян или сменился компьютер);
  --out     куда записать файл подключения (обычно с расширением .opora-enroll);
  --json    результат одной строкой JSON.`,
  options: { db: { type: 'string' }, name: { type: 'string' }, school: { type: 'string' }, out: { type: 'string' }, json: { type: 'boolean' } },
  run: async ({ values }, io) => {
    const db = need(values, 'db', 'база муниципалитета');
    const out = need(values, 'out', 'файл подключения');
    if (!values.name === !values.school) throw new CliError('Укажите --name для новой школы или --school для повторного подключения.', EXIT.usage);
    if (existsSync(out)) throw new CliError(`Файл «${out}» уже существует. Укажите другое имя.`);
    return withWorkspace(db, io.now, ({ ctx }) => {
      const f = values.name ? enrollSchool(ctx, values.name as string) : reissueEnrollment(ctx, values.school as string);
      const written = writeBundleFile(dirname(out) || '.', basename(out) + '.opora', f.bytes);
      renameSync(written, out);
      if (values.json) io.out(JSON.stringify({ schoolId: f.schoolId, code: f.code, file: out }));
      else io.out(`${f.schoolId}\nКод подключения: ${displayCode(f.code)}`);
      io.err(`Файл подключения школы «${f.schoolName}» записан: ${out}. Код подключения передайте школе отдельно от файла.`);
      return EXIT.ok;
    });
  },
};
