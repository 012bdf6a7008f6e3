/**
 * The `opora` command line end to end, with real files: init (municipality and by enrollment), enroll, demo,
 * export, import (lines, --json, --dry-run, exit codes), verify, quarantine, history, and Russian errors.
 */
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync, existsSync, readdirSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tempDir } from '../helpers.js';
import { runCli } from '../../main/cli/index.js';

const root = resolve(__dirname, '../..');

async function opora(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l), now: () => new Date('2026-11-25T10:00:00Z') });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('opora command line', () => {
  it('a school and its municipality exchange bundles both ways', async () => {
    const d = tempDir('opora-cli-');
    const m = join(d, 'muni.sqlite');
    const s = join(d, 'school.sqlite');
    const init = await opora('init', '--db', m, '--municipality', 'Управление образования Энского района (вымышленное)');
    expect(init.code).toBe(0);
    expect(init.out).toMatch(/^[0-9a-f-]{36}$/);
    expect(init.err).toMatch(/Отпечаток ключа/);

    const enr = await opora('enroll', '--db', m, '--name', 'МКОУ «Энская ООШ» (вымышленная)', '--out', join(d, 'school.opora-enroll'), '--json');
    expect(enr.code).toBe(0);
    const enrolled = JSON.parse(enr.out) as { schoolId: string; code: string; file: string };
    const schoolId = enrolled.schoolId;
    expect(enrolled.code).toMatch(/^[A-HJKMNP-Z2-9]{10}$/);
    expect(enrolled.file).toBe(join(d, 'school.opora-enroll'));
    expect(schoolId).toMatch(/^[0-9a-f-]{36}$/);
    expect(existsSync(join(d, 'school.opora-enroll'))).toBe(true);

    const wrong = await opora('init', '--db', s, '--enrollment', join(d, 'school.opora-enroll'), '--code', 'AAAAA-AAAAA');
    expect(wrong.code).not.toBe(0);
    expect(wrong.err).toMatch(/Код подключения неверен.*Осталось попыток: 4/);
    const sinit = await opora('init', '--db', s, '--enrollment', join(d, 'school.opora-enroll'), '--code', enrolled.code.toLowerCase());
    expect(sinit.code).toBe(0);
    expect(sinit.out.trim()).toBe(schoolId);

    const demo = await opora('demo', '--db', s, '--size', 'small', '--seed', '4');
    expect(demo.code).toBe(0);
    expect(demo.out).toMatch(/Добавлено записей: \d+/);

    const ex = await opora('export', '--db', s, '--out', join(d, 'usb'));
    expect(ex.code).toBe(0);
    const bundle = ex.out.trim();
    expect(existsSync(bundle)).toBe(true);
    expect(ex.err).toMatch(/носитель можно извлечь/);

    const ver = await opora('verify', bundle);
    expect(ver.code).toBe(0);
    expect(ver.out).toMatch(/подпись верна/);
    const verDb = await opora('verify', bundle, '--db', m);
    expect(verDb.out).toMatch(/расшифрован и проверен по частям/);

    const dry = await opora('import', '--db', m, '--dry-run', '--json', join(d, 'usb'));
    expect(dry.code).toBe(0);
    const dryJson = JSON.parse(dry.out) as { file: string; status: string; counts: { new: number } }[];
    expect(dryJson).toHaveLength(1);
    expect(dryJson[0]!.status).toBe('accepted');
    const imp = await opora('import', '--db', m, '--json', join(d, 'usb'));
    const impJson = JSON.parse(imp.out) as { file: string; status: string; counts: { new: number; updated: number; unchanged: number; deleted: number } }[];
    expect(imp.code).toBe(0);
    expect(impJson[0]).toMatchObject({ file: bundle, status: 'accepted' });
    expect(impJson[0]!.counts.new).toBe(dryJson[0]!.counts.new);
    expect(impJson[0]!.counts.new).toBeGreaterThan(300);

    // Twice: unchanged. A damaged file next to it: exit code 3, one line per bundle.
    writeFileSync(join(d, 'usb', 'повреждён.opora'), readFileSync(bundle).subarray(0, 500));
    const again = await opora('import', '--db', m, join(d, 'usb'));
    expect(again.code).toBe(3);
    const lines = again.out.split('\n');
    expect(lines).toHaveLength(2);
    expect(lines.find((l) => l.includes('повреждён.opora'))).toMatch(/отклонён — Файл обрезан/);
    expect(lines.find((l) => !l.includes('повреждён.opora'))).toMatch(/принят .* без изменений \d+/);

    const hist = await opora('history', '--db', m);
    expect(hist.out.split("\n").length).toBe(3);

    // Down: for all enrolled schools; the school imports it.
    const down = await opora('export', '--db', m, '--out', join(d, 'usb2'), '--for', 'all');
    expect(down.code).toBe(0);
    const back = await opora('import', '--db', s, '--json', ...down.out.trim().split('\n'));
    expect(back.code).toBe(0);
    expect((JSON.parse(back.out) as { status: string }[])[0]!.status).toBe('accepted');

    // The school reads its receipt: the file it wrote, and that the department loaded it, with the counts.
    const receipt = await opora('history', '--db', s);
    const loaded = impJson[0]!.counts;
    const records = loaded.new + loaded.updated + loaded.unchanged + loaded.deleted;
    expect(receipt.out).toContain('Файлы для управления образования:');
    expect(receipt.out).toMatch(new RegExp(`№1  .*\\.opora: записан на флешку \\d\\d\\.\\d\\d\\.\\d{4} в \\d\\d:\\d\\d; загружен управлением образования \\d\\d\\.\\d\\d\\.\\d{4} в \\d\\d:\\d\\d: принято ${records} запис`));
  });

  it('quarantine from the command line: an unknown sender is listed, then accepted', async () => {
    const d = tempDir('opora-cli-');
    const m = join(d, 'muni.sqlite');
    const s = join(d, 'loner.sqlite');
    await opora('init', '--db', m, '--municipality', 'Управление (вымышленное)');
    await opora('demo', '--db', s, '--size', 'small');
    const ex = await opora('export', '--db', s, '--out', join(d, 'usb'));
    const imp = await opora('import', '--db', m, '--json', ex.out.trim());
    expect(imp.code).toBe(3);
    const r = (JSON.parse(imp.out) as { status: string; reason: string }[])[0]!;
    expect(r.status).toBe('quarantined');
    expect(r.reason).toMatch(/Отпечаток ключа: [0-9A-F ]+/);
    const list = await opora('quarantine', '--db', m);
    const id = list.out.split(/\s+/)[0]!;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(list.out).toMatch(/Отправитель «[^»]+» этой программе ещё не знаком/);
    expect(list.out).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
    // Without the first group of the fingerprint the key is not taken.
    const blind = await opora('quarantine', '--db', m, '--accept', id);
    expect(blind.code).not.toBe(0);
    expect(blind.err).toMatch(/первую группу отпечатка/);
    const group = /новый ключ ([0-9A-F]{4})/.exec(list.out)![1]!;
    const acc = await opora('quarantine', '--db', m, '--accept', id, '--fingerprint', group.toLowerCase());
    expect(acc.code).toBe(0);
    expect(acc.out).toMatch(/принят/);
  });

  it('errors are Russian, on stderr, with a non-zero exit; --help documents every command', async () => {
    const none = await opora();
    expect(none.code).toBe(2);
    expect(none.out).toMatch(/Команды:/);
    for (const c of ['init', 'enroll', 'demo', 'export', 'import', 'verify', 'quarantine', 'history']) {
      const h = await opora(c, '--help');
      expect(h.code).toBe(0);
      expect(h.out).toMatch(new RegExp(`opora ${c}`));
    }
    const unknown = await opora('frobnicate');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/Неизвестная команда/);
    const badOpt = await opora('import', '--db', 'x.sqlite', '--bogus');
    expect(badOpt.code).toBe(2);
    expect(badOpt.err).toMatch(/Неизвестный параметр --bogus/);
    const missing = await opora('import', '--db', join(tempDir(), 'нет.sqlite'), 'a.opora');
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/не найден/);
    const noDb = await opora('export', '--out', 'x');
    expect(noDb.code).toBe(2);
    expect(noDb.err).toMatch(/Не указан параметр --db/);
    const d = tempDir();
    const bad = join(d, 'bad.opora');
    writeFileSync(bad, 'не файл обмена');
    const ver = await opora('verify', bad);
    expect(ver.code).toBe(1);
    expect(ver.err).toMatch(/НЕ прошёл проверку — Это не файл обмена/);
    mkdirSync(join(d, 'empty'));
    const empty = await opora('init', '--db', join(d, 'm.sqlite'), '--municipality', 'Управление');
    expect(empty.code).toBe(0);
    const exp = await opora('export', '--db', join(d, 'm.sqlite'), '--out', join(d, 'out'));
    expect(exp.code).toBe(1);
    expect(exp.err).toMatch(/Нет школ, которым выдан файл подключения/);
    expect(readdirSync(join(d, 'empty'))).toEqual([]);
  });

  it('runs as a plain Node process with exit codes (the bin runs this same entry, bundled)', () => {
    const d = tempDir('opora-cli-');
    // `npm test` has just bundled the entry (tests/global-setup.ts): the command runs as installed, through the bin,
    // and each process starts from the bundle. The inner loop (no build) runs the source through tsx instead.
    const bundled = !process.env.OPORA_SKIP_BUILD && existsSync(join(root, 'dist/cli.cjs'));
    const entry = bundled ? [join(root, 'bin/opora.cjs')] : ['--import', 'tsx', join(root, 'main/cli.ts')];
    const run = (...args: string[]) => spawnSync(process.execPath, [...entry, ...args], { cwd: root, encoding: 'utf8' });
    const init = run('init', '--db', join(d, 'm.sqlite'), '--municipality', 'Управление (вымышленное)');
    expect(init.status).toBe(0);
    expect(init.stdout.trim()).toMatch(/^[0-9a-f-]{36}$/);
    const bad = run('import', '--db', join(d, 'm.sqlite'), join(d, 'нет такого файла.opora'));
    expect(bad.status).toBe(3);
    expect(bad.stdout).toMatch(/отклонён — Файл не удалось прочитать/);
    const usage = run('nope');
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/Неизвестная команда/);
    expect(run('--help').stdout).toMatch(/opora <команда>/);
  }, 120_000); // separate Node processes, each loading the app: slow when other test files share the cores
});
