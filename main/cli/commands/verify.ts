import { readFileSync } from 'node:fs';
import { verifyBundle } from '../../services/exchange/index.js';
import { EXIT, CliError, type CliCommand } from '../types.js';
import { withWorkspace } from '../open.js';

const KIND: Record<string, string> = { 'school-data': 'данные школы', 'municipality-plan': 'план муниципалитета для школы', enrollment: 'файл подключения' };

export const verifyCommand: CliCommand = {
  name: 'verify',
  summary: 'проверить подпись и целостность файла, ничего не записывая',
  help: `opora verify ПУТЬ [--db БАЗА_ПОЛУЧАТЕЛЯ]

Проверяет структуру файла, подпись (ключом, указанным в файле), контрольные суммы содержимого и
ограничения размеров. Ничего не записывает. Зашифрованное содержимое проверяется по частям, если
указана база получателя (--db). Закреплён ли ключ отправителя, проверяет только загрузка (opora import).
Код завершения: 0 — файл цел; 1 — файл повреждён или подделан.`,
  options: { db: { type: 'string' } },
  positionals: true,
  run: async ({ values, positionals }, io) => {
    if (positionals.length !== 1) throw new CliError('Укажите один файл для проверки. Справка: opora verify --help', EXIT.usage);
    let bytes: Buffer;
    try {
      bytes = readFileSync(positionals[0]!);
    } catch {
      throw new CliError(`Файл «${positionals[0]}» не удалось прочитать.`);
    }
    const check = (ctx?: Parameters<typeof verifyBundle>[1]) => {
      const r = verifyBundle(bytes, ctx);
      if (!r.ok) {
        io.err(`${positionals[0]}: файл НЕ прошёл проверку — ${r.reason}`);
        return EXIT.error;
      }
      const m = r.manifest!;
      io.out(`${positionals[0]}: подпись верна, содержимое цело.`);
      io.out(`  вид: ${KIND[m.kind] ?? m.kind}; формат ${m.formatVersion}; версия программы ${m.appVersion}`);
      io.out(`  отправитель: ${m.issuer.name} (${m.issuer.id}); отпечаток ключа ${r.fingerprintDisplay}`);
      io.out(`  получатель: ${m.recipient ? `${m.recipient.name} (${m.recipient.id})` : 'не указан'}; номер ${m.sequence}; создан ${m.createdAt}`);
      io.out(`  записей: ${Object.values(m.counts).reduce((a, b) => a + b, 0)}; частей: ${m.entries.length}; ` +
        (r.encrypted ? (r.entriesChecked ? `зашифрован, расшифрован и проверен по частям (${r.entriesChecked})` : 'зашифрован для получателя; части проверит получатель') : `не зашифрован, проверено частей: ${r.entriesChecked}`));
      return EXIT.ok;
    };
    if (values.db) return withWorkspace(values.db as string, io.now, ({ ctx }) => check(ctx));
    return check();
  },
};
