import { readFileSync, existsSync } from 'node:fs';
import { initMunicipality } from '../../services/core/municipality-profile.js';
import { openEnrollment, ensureIdentity, displayFingerprint, MAX_CODE_ATTEMPTS } from '../../services/exchange/index.js';
import { CliError, EXIT, type CliCommand } from '../types.js';
import { withWorkspace } from '../open.js';

export const initCommand: CliCommand = {
  name: 'init',
  summary: 'создать рабочее место муниципалитета или школы (по файлу подключения)',
  help: `opora init --db ФАЙЛ --municipality НАИМЕНОВАНИЕ
opora init --db ФАЙЛ --enrollment ФАЙЛ_ПОДКЛЮЧЕНИЯ --code КОД [--name НАИМЕНОВАНИЕ_ШКОЛЫ]

Создаёт новую базу данных рабочего места.
  --municipality  рабочее место муниципалитета (органа управления образованием) с этим наименованием;
                  печатает идентификатор муниципалитета.
  --enrollment    рабочее место школы по файлу подключения, полученному от муниципалитета
                  (*.opora-enroll); школа получает идентификатор, выданный муниципалитетом, и закрепляет
                  его ключ. Если база уже содержит школу, файл подключения применяется к ней.
  --code          код подключения (10 знаков), который муниципалитет передал отдельно от файла
                  (распечатанным или по телефону); после ${MAX_CODE_ATTEMPTS} неверных кодов файл не принимается.
  --name          другое наименование школы (по умолчанию — из файла подключения).
Ключи подписи и шифрования создаются рядом с базой (ФАЙЛ.keys, доступ только владельцу) и никогда не выгружаются.`,
  options: { db: { type: 'string' }, municipality: { type: 'string' }, enrollment: { type: 'string' }, code: { type: 'string' }, name: { type: 'string' } },
  run: async ({ values }, io) => {
    const db = values.db as string | undefined;
    if (!db) throw new CliError('Не указан параметр --db (файл базы данных). Справка: opora init --help', EXIT.usage);
    const muni = values.municipality as string | undefined;
    const enr = values.enrollment as string | undefined;
    if (!!muni === !!enr) throw new CliError('Укажите ровно один из параметров: --municipality НАИМЕНОВАНИЕ или --enrollment ФАЙЛ.', EXIT.usage);
    if (muni) {
      if (existsSync(db)) throw new CliError(`Файл «${db}» уже существует. Укажите новый файл для рабочего места муниципалитета.`);
      return withWorkspace(db, io.now, ({ ctx }) => {
        const m = initMunicipality(ctx, muni);
        const id = ensureIdentity(ctx);
        io.out(m.id);
        io.err(`Создано рабочее место муниципалитета «${m.name}». Отпечаток ключа: ${displayFingerprint(id.fingerprint)}`);
        return EXIT.ok;
      }, { create: true });
    }
    const code = values.code as string | undefined;
    if (!code) throw new CliError('Не указан параметр --code: код подключения, который управление образования передало отдельно от файла.', EXIT.usage);
    let bytes: Buffer;
    try {
      bytes = readFileSync(enr!);
    } catch {
      throw new CliError(`Файл подключения «${enr}» не удалось прочитать.`);
    }
    return withWorkspace(db, io.now, ({ ctx }) => {
      const r = openEnrollment(ctx, bytes, code, values.name ? { name: values.name } : undefined);
      io.out(r.enrollment.schoolId);
      io.err(`Школа «${r.school.name}» подключена к муниципалитету «${r.enrollment.municipalityName}». Отпечаток ключа муниципалитета: ${r.enrollment.fingerprintDisplay}`);
      return EXIT.ok;
    }, { create: true });
  },
};
