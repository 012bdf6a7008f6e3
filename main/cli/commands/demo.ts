import { generateDemo } from '../../services/school/demo.js';
import { getRole } from '../../services/core/school-profile.js';
import { EXIT, need, CliError, type CliCommand } from '../types.js';
import { withWorkspace } from '../open.js';
import { runMunicipalityDemo, MUNICIPALITY_DEMO_HELP } from './demo-municipality.js';

export const demoCommand: CliCommand = {
  name: 'demo',
  summary: 'заполнить школу вымышленными данными для пробы и тестов',
  help: `opora demo --db БАЗА_ШКОЛЫ [--size small|large] [--seed N]

Добавляет в рабочее место школы реалистичные, полностью вымышленные данные: программу, мероприятия,
кадры и наставничество, группу риска, журнал мероприятий. Пустая база сначала становится школой.
  --size  small (по умолчанию; малокомплектная школа) или large (1 200 обучающихся — для замеров);
  --seed  число, от которого зависят данные (по умолчанию 1): одинаковое число — одинаковые данные.
${MUNICIPALITY_DEMO_HELP}`,
  options: { db: { type: 'string' }, size: { type: 'string' }, seed: { type: 'string' }, schools: { type: 'string' } },
  run: async ({ values }, io) => {
    const db = need(values, 'db', 'база школы');
    if (values.schools !== undefined) return runMunicipalityDemo(values, io);
    const size = (values.size as string | undefined) ?? 'small';
    if (size !== 'small' && size !== 'large') throw new CliError('Параметр --size: small или large.', EXIT.usage);
    const seed = values.seed === undefined ? 1 : Number(values.seed);
    if (!Number.isSafeInteger(seed)) throw new CliError('Параметр --seed должен быть целым числом.', EXIT.usage);
    return withWorkspace(db, io.now, ({ ctx }) => {
      if (getRole(ctx) === 'municipality') throw new CliError('Это рабочее место муниципалитета; демонстрационные данные заполняются в базе школы.');
      const { counts } = generateDemo(ctx, { size, seed });
      const total = Object.values(counts).reduce((a, b) => a + b, 0);
      io.out(`Добавлено записей: ${total}`);
      return EXIT.ok;
    }, { create: true });
  },
};
