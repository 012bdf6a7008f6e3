import { importHistory } from '../../services/exchange/index.js';
import { EXIT, need, type CliCommand } from '../types.js';
import { withWorkspace } from '../open.js';

const STATUS: Record<string, string> = { accepted: 'принят', rejected: 'отклонён', quarantined: 'в карантине' };

export const historyCommand: CliCommand = {
  name: 'history',
  summary: 'история загрузок файлов обмена',
  help: `opora history --db БАЗА [--json]

Показывает последние загрузки: когда, какой файл, от кого, результат и число записей.`,
  options: { db: { type: 'string' }, json: { type: 'boolean' } },
  run: async ({ values }, io) => {
    const db = need(values, 'db', 'база');
    return withWorkspace(db, io.now, ({ ctx }) => {
      const h = importHistory(ctx);
      if (values.json) io.out(JSON.stringify(h, null, 2));
      else if (!h.length) io.out('Загрузок ещё не было.');
      else for (const r of h) io.out(`${r.at}  ${STATUS[r.status] ?? r.status}  ${r.file_name}  «${r.issuer_name}» №${r.seq ?? '—'}  ${r.status === 'accepted' ? `новых ${r.counts.new ?? 0}, изменённых ${r.counts.updated ?? 0}, удалённых ${r.counts.deleted ?? 0}` : r.reason}`);
      return EXIT.ok;
    });
  },
};
