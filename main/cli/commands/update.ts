import { existsSync, readFileSync } from 'node:fs';
import { createPublicKey } from 'node:crypto';
import { join } from 'node:path';
import { EXIT, CliError, type CliCommand } from '../types.js';
import { releasePublicKey, releasePrivateKeyFromEnv, keyFingerprint } from '../../services/update/release-key.js';
import { currentVersion } from '../../services/update/version.js';
import { thisSystem, KIND_WORDS } from '../../services/update/platform.js';
import { offerFor, UpdateRefusal } from '../../services/update/verify.js';
import { copyPackage, signPackage } from '../../services/update/pack.js';
import { MANIFEST_FILE } from '../../services/update/manifest.js';
import { isoDay, formatDate } from '../../../common/format.js';

export const updateCommand: CliCommand = {
  name: 'update',
  summary: 'обновление программы с флешки: проверить (--from) или подготовить для школ (--pack)',
  help: `opora update --from ПАПКА
    Проверяет папку обновления (подпись выпуска, контрольные суммы установщиков, версию, систему) и
    говорит, что нового и как установить: команду для deb/rpm/AppImage или файл установщика Windows.
    Более старую или ту же версию не предлагает.

opora update --pack ПАПКА --to ПАПКА_НАЗНАЧЕНИЯ [--version 1.2.3] [--changelog CHANGELOG.md]
    Если ПАПКА — подписанный пакет обновления (в ней есть ${MANIFEST_FILE}), проверяет его целиком и
    записывает в ПАПКУ_НАЗНАЧЕНИЯ (например, на флешку для школ) в папку «Опора — обновление <версия>»,
    затем проверяет записанное. Так делает управление образованием.
    Если ПАПКА — установщики после сборки (npm run dist, папка release/), подписывает их ключом выпуска из
    переменной окружения OPORA_RELEASE_KEY (PEM или путь к файлу PEM) и пишет пакет в ПАПКУ_НАЗНАЧЕНИЯ.
    Без этой переменной подписать нельзя. Так делает сборка выпуска.
Код завершения: 0 — готово; 1 — пакет отклонён; 2 — неверные параметры.`,
  options: { from: { type: 'string' }, pack: { type: 'string' }, to: { type: 'string' }, version: { type: 'string' }, changelog: { type: 'string' } },
  run: async ({ values }, io) => {
    const from = values.from as string | undefined;
    const pack = values.pack as string | undefined;
    if (!!from === !!pack) throw new CliError('Укажите одно из двух: --from ПАПКА (проверить обновление) или --pack ПАПКА --to ПАПКА. Справка: opora update --help', EXIT.usage);
    try {
      if (from) return await check(from, io);
      const to = values.to as string | undefined;
      if (!to) throw new CliError('Не указан параметр --to (куда записать пакет обновления). Справка: opora update --help', EXIT.usage);
      if (existsSync(join(pack!, MANIFEST_FILE))) {
        const r = await copyPackage(pack!, to, releasePublicKey());
        io.out(`Пакет обновления до версии ${r.manifest.version} проверен и записан: ${r.folder}`);
        io.out(`  установщиков: ${r.manifest.installers.length} (${[...new Set(r.manifest.installers.map((e) => KIND_WORDS[e.kind]))].join('; ')})`);
        return EXIT.ok;
      }
      return await sign(pack!, to, values, io);
    } catch (e) {
      if (e instanceof UpdateRefusal) {
        io.err(`Обновление отклонено: ${e.message}`);
        return EXIT.error;
      }
      throw e;
    }
  },
};

async function check(folder: string, io: { out(l: string): void }): Promise<number> {
  const current = currentVersion();
  const o = await offerFor(folder, { key: releasePublicKey(), current, system: thisSystem() });
  io.out(`Обновление «Опоры» ${current} → ${o.manifest.version} (выпуск от ${formatDate(o.manifest.publishedAt)}): подпись верна, файлы целы.`);
  for (const s of o.whatsNew) {
    io.out(`Что нового в ${s.version}:`);
    for (const l of s.lines) io.out(`  ${l}`);
  }
  io.out(`Для этого компьютера: ${KIND_WORDS[o.installer.kind]} — ${o.installerPath}`);
  io.out(o.command ? `Установите командой:\n  ${o.command}` : 'Запустите этот файл двойным щелчком; перед установкой закройте «Опору».');
  return EXIT.ok;
}

async function sign(installers: string, to: string, values: Record<string, unknown>, io: { out(l: string): void; err(l: string): void; now(): Date }): Promise<number> {
  let key;
  try {
    key = releasePrivateKeyFromEnv(process.env.OPORA_RELEASE_KEY, (p) => readFileSync(p, 'utf8'));
  } catch {
    throw new CliError('OPORA_RELEASE_KEY не читается как закрытый ключ Ed25519 (PEM или путь к файлу PEM).');
  }
  if (!key) throw new CliError('Подписать пакет нельзя: не задан ключ выпуска (переменная окружения OPORA_RELEASE_KEY). Ключ хранится у выпускающего, не в репозитории.', EXIT.usage);
  const signer = createPublicKey(key);
  if (keyFingerprint(signer) !== keyFingerprint(releasePublicKey())) {
    io.err(`Внимание: этот ключ (${keyFingerprint(signer)}) не тот, что встроен в программу (${keyFingerprint(releasePublicKey())}): школы такой пакет не примут.`);
  }
  const version = (values.version as string | undefined) ?? currentVersion();
  const changelog = (values.changelog as string | undefined) ?? (existsSync('CHANGELOG.md') ? 'CHANGELOG.md' : null);
  const m = await signPackage(installers, to, { key, version, publishedAt: isoDay(io.now()), changelogPath: changelog });
  io.out(`Пакет обновления ${m.version} подписан: ${to}`);
  for (const e of m.installers) io.out(`  ${e.file} — ${KIND_WORDS[e.kind]}, ${e.arch}`);
  if (!m.changelog) io.out('  CHANGELOG.md не найден: школы не увидят, что нового.');
  return EXIT.ok;
}
