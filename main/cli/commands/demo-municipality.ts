/**
 * `opora demo --db МУНИЦИПАЛИТЕТ --schools N [--seed S]`: a demo municipality whose N fictional schools
 * send their data through the real export → import path (see services/municipality/demo.ts). Called by the
 * demo command when --schools is given.
 */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { generateMunicipalityDemo } from '../../services/municipality/demo.js';
import { count } from '../../../common/format.js';
import { EXIT, CliError, type CliIO } from '../types.js';
import { withWorkspace } from '../open.js';

export const MUNICIPALITY_DEMO_HELP = `
opora demo --db БАЗА_МУНИЦИПАЛИТЕТА --schools N [--seed S]
Создаёт демонстрационный муниципалитет: реестр из N вымышленных школ разного размера и успешности,
партнёрские группы, кураторов, дорожную карту. Данные каждой школы проходят настоящий путь: файл
подключения → база школы → выгрузка → загрузка в муниципалитет. База должна быть новой (пустой).`;

export async function runMunicipalityDemo(values: Record<string, unknown>, io: CliIO): Promise<number> {
  const db = String(values.db ?? '');
  const n = Number(values.schools);
  if (!Number.isSafeInteger(n) || n < 1 || n > 2000) throw new CliError('Параметр --schools: целое число от 1 до 2000.', EXIT.usage);
  const seed = values.seed === undefined ? 1 : Number(values.seed);
  if (!Number.isSafeInteger(seed)) throw new CliError('Параметр --seed должен быть целым числом.', EXIT.usage);
  if (existsSync(resolve(db)) && statSync(resolve(db)).size > 0) {
    throw new CliError(`Файл «${db}» уже существует. Демонстрационный муниципалитет создаётся в новой базе — укажите другое имя.`);
  }
  return withWorkspace(db, io.now, async ({ ctx }) => {
    let last = 0;
    const res = await generateMunicipalityDemo(ctx, {
      schools: n,
      seed,
      onProgress: (done, total) => {
        const pct = Math.floor((done / total) * 10);
        if (pct !== last || done === total) io.err(`Школы: ${done} из ${total}`);
        last = pct;
      },
    });
    io.out(`Демонстрационный муниципалитет готов: ${count(res.schools, ['школа', 'школы', 'школ'])} в реестре, данные прислали ${res.imported} (${Math.round(res.ms / 100) / 10} с).`);
    return EXIT.ok;
  }, { create: true });
}
