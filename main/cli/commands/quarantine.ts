import { listQuarantine, acceptQuarantined, refuseQuarantined } from '../../services/exchange/index.js';
import { EXIT, need, CliError, type CliCommand } from '../types.js';
import { withWorkspace } from '../open.js';
import { describeOutcome } from './import.js';

export const quarantineCommand: CliCommand = {
  name: 'quarantine',
  summary: 'файлы от неизвестных ключей: показать, принять ключ или отклонить',
  help: `opora quarantine --db БАЗА [--accept ИД --fingerprint ПЕРВАЯ_ГРУППА | --refuse ИД]

Без параметров показывает файлы в карантине: что это за файл, от кого, сколько в нём записей и отпечаток ключа
(при смене ключа — и закреплённый сейчас). Сверьте отпечаток с отправителем (по телефону или лично), затем:
  --accept ИД --fingerprint XXXX  закрепить ключ отправителя (новая школа или смена ключа) и загрузить файл;
                  XXXX — первая группа отпечатка нового ключа, которую продиктовал отправитель;
  --refuse ИД  отклонить файл.`,
  options: { db: { type: 'string' }, accept: { type: 'string' }, refuse: { type: 'string' }, fingerprint: { type: 'string' } },
  run: async ({ values }, io) => {
    const db = need(values, 'db', 'база');
    if (values.accept && values.refuse) throw new CliError('Укажите либо --accept, либо --refuse.', EXIT.usage);
    return withWorkspace(db, io.now, ({ ctx }) => {
      if (values.accept) {
        const r = acceptQuarantined(ctx, values.accept as string, values.fingerprint as string | undefined);
        io.out(describeOutcome(r));
        return r.status === 'accepted' ? EXIT.ok : EXIT.notAllAccepted;
      }
      if (values.refuse) {
        refuseQuarantined(ctx, values.refuse as string);
        io.out('Файл отклонён: ничего не загружено, ключ не закреплён.');
        return EXIT.ok;
      }
      const items = listQuarantine(ctx);
      if (!items.length) io.out('Карантин пуст.');
      for (const q of items) {
        io.out(`${q.id}  «${q.issuer_name}»  новый ключ ${q.fingerprintDisplay}${q.pinnedFingerprintDisplay ? `, закреплён ${q.pinnedFingerprintDisplay}` : ''}`);
        io.out(`  ${q.explanation}`);
      }
      return EXIT.ok;
    });
  },
};
