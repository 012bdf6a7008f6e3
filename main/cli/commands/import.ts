import { importPaths, type ImportOutcome } from '../../services/exchange/index.js';
import { EXIT, need, CliError, type CliCommand } from '../types.js';
import { withWorkspace } from '../open.js';

const STATUS = { accepted: 'принят', rejected: 'отклонён', quarantined: 'в карантине' } as const;

export function describeOutcome(r: ImportOutcome): string {
  const who = r.issuer ? ` от «${r.issuer.name}» №${r.sequence}` : '';
  if (r.status === 'accepted') {
    const c = r.counts!;
    const conflicts = c.conflicts ? `, конфликтов ${c.conflicts}` : '';
    const again = r.repeated ? ' (уже был загружен, ничего не изменилось)' : '';
    return `${r.file}: ${STATUS.accepted}${who}${r.dryRun ? ' (проверка без записи)' : ''} — новых ${c.new}, изменённых ${c.updated}, без изменений ${c.unchanged}, удалённых ${c.deleted}${conflicts}${again}`;
  }
  return `${r.file}: ${STATUS[r.status]}${who} — ${r.reason}`;
}

export const importCommand: CliCommand = {
  name: 'import',
  summary: 'загрузить файлы обмена (файлы или папки целиком)',
  help: `opora import --db БАЗА [--dry-run] [--json] ПУТЬ...

Загружает файлы обмена (*.opora) — перечисленные файлы и все файлы *.opora из перечисленных папок.
Каждый файл проверяется (подпись, отправитель, целостность, схема данных) и сливается в базу одной
транзакцией: всё или ничего. По строке на файл: принят (новых / изменённых / без изменений / удалённых)
или отклонён с причиной. Файл от неизвестного ключа помещается в карантин (см. opora quarantine).
  --dry-run  показать, что изменилось бы, ничего не записывая;
  --json     напечатать JSON-массив [{file, status: "accepted"|"rejected"|"quarantined", reason?, counts?}].
Код завершения: 0 — все файлы приняты; 3 — хотя бы один отклонён или в карантине.`,
  options: { db: { type: 'string' }, json: { type: 'boolean' }, 'dry-run': { type: 'boolean' } },
  positionals: true,
  run: async ({ values, positionals }, io) => {
    const db = need(values, 'db', 'база');
    if (!positionals.length) throw new CliError('Укажите файлы или папки для загрузки. Справка: opora import --help', EXIT.usage);
    return withWorkspace(db, io.now, ({ ctx }) => {
      const results = importPaths(ctx, positionals, {
        dryRun: !!values['dry-run'],
        onProgress: values.json ? undefined : (_d, _t, r) => io.out(describeOutcome(r)),
      });
      if (values.json) {
        io.out(JSON.stringify(results.map((r) => ({
          file: r.file, status: r.status,
          ...(r.reason ? { reason: r.reason } : {}), ...(r.reasonCode ? { reasonCode: r.reasonCode } : {}),
          ...(r.counts ? { counts: r.counts } : {}), ...(r.dryRun ? { dryRun: true } : {}),
        })), null, 2));
      } else if (!results.length) io.err('Файлы обмена (*.opora) не найдены.');
      return results.length && results.every((r) => r.status === 'accepted') ? EXIT.ok : EXIT.notAllAccepted;
    });
  },
};
