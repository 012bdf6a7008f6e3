import { importHistory, sentFiles } from '../../services/exchange/index.js';
import { getRole } from '../../services/core/school-profile.js';
import { receiptWords, sentFileName, writtenWords } from '../../../common/receipts.js';
import { EXIT, need, type CliCommand } from '../types.js';
import { withWorkspace } from '../open.js';

const STATUS: Record<string, string> = { accepted: 'принят', rejected: 'отклонён', quarantined: 'в карантине' };

export const historyCommand: CliCommand = {
  name: 'history',
  summary: 'история загрузок файлов обмена',
  help: `opora history --db БАЗА [--json]

Показывает последние загрузки: когда, какой файл, от кого, результат и число записей.
В школе — ещё и файлы, выгруженные для управления образования: когда записан каждый
и загружен ли он управлением (когда, сколько записей принято, сколько конфликтов).`,
  options: { db: { type: 'string' }, json: { type: 'boolean' } },
  run: async ({ values }, io) => {
    const db = need(values, 'db', 'база');
    return withWorkspace(db, io.now, ({ ctx }) => {
      const h = importHistory(ctx);
      const sent = getRole(ctx) === 'school' ? sentFiles(ctx) : null;
      if (sent && !values.json) {
        io.out('Файлы для управления образования:');
        if (!sent.length) io.out('  Выгрузок ещё не было.');
        for (const f of sent) io.out(`  №${f.seq}  ${sentFileName(f)}: ${writtenWords(f)}; ${receiptWords(f)}.`);
        io.out('');
        io.out('Загрузки:');
      }
      if (values.json) io.out(JSON.stringify(h, null, 2));
      else if (!h.length) io.out('Загрузок ещё не было.');
      else for (const r of h) io.out(`${r.at}  ${STATUS[r.status] ?? r.status}  ${r.file_name}  «${r.issuer_name}» №${r.seq ?? '—'}  ${r.status === 'accepted' ? `новых ${r.counts.new ?? 0}, изменённых ${r.counts.updated ?? 0}, удалённых ${r.counts.deleted ?? 0}` : r.reason}`);
      return EXIT.ok;
    });
  },
};
