import { listQuarantine, acceptQuarantined, refuseQuarantined } from '../../services/exchange/index.js';
import { EXIT, need, CliError, type CliCommand } from '../types.js';
import { withWorkspace } from '../open.js';
import { describeOutcome } from './import.js';

export const quarantineCommand: CliCommand = {
  name: 'quarantine',
  summary: 'файлы от неизвестных ключей: показать, принять ключ или отклонить',
  help: `opora quarantine --db БАЗА [--accept ИД | --refuse ИД]

Без параметров показывает файлы в карантине: отправителя и отпечаток его ключа. Сверьте отпечаток с
отправителем (по телефону или лично), затем:
  --accept ИД  закрепить ключ отправителя (новая школа или смена ключа) и загрузить файл;
  --refuse ИД  отклонить файл.`,
  options: { db: { type: 'string' }, accept: { type: 'string' }, refuse: { type: 'string' } },
  run: async ({ values }, io) => {
    const db = need(values, 'db', 'база');
    if (values.accept && values.refuse) throw new CliError('Укажите либо --accept, либо --refuse.', EXIT.usage);
    return withWorkspace(db, io.now, ({ ctx }) => {
      if (values.accept) {
        const r = acceptQuarantined(ctx, values.accept as string);
        io.out(describeOutcome(r));
        return r.status === 'accepted' ? EXIT.ok : EXIT.notAllAccepted;
      }
      if (values.refuse) {
        refuseQuarantined(ctx, values.refuse as string);
        io.out('Файл отклонён.');
        return EXIT.ok;
      }
      const items = listQuarantine(ctx);
      if (!items.length) io.out('Карантин пуст.');
      for (const q of items) io.out(`${q.id}  ${q.received_at}  «${q.issuer_name}» (${q.issuer_id})  ключ ${q.fingerprintDisplay}  — ${q.reason_code === 'key_change' ? 'смена ключа' : 'неизвестный отправитель'}; файл ${q.file_name}`);
      return EXIT.ok;
    });
  },
};
