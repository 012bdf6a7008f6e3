/**
 * Issue 18, item 8: a bundle's name is checked like an attached file's — no path separators, no control or
 * direction characters, no program hidden behind a second extension — at the door and at the import itself
 * (the command line has no door), and a refused name is shown with its hidden characters made visible.
 */
import { describe, it, expect, afterEach } from 'vitest';
import { readFileSync } from 'node:fs';
import { incomingFileNameProblem, visibleFileName } from '../../common/file-names.js';
import { makePair, type Pair } from './exchange-fixtures.js';
import { importBundle } from '../../main/services/exchange/index.js';
import { exchangeInputs } from '../../preload/contract/exchange.js';

const pairs: Pair[] = [];
afterEach(() => {
  while (pairs.length) pairs.pop()!.close();
});

describe('names of files handed to the app', () => {
  it('ordinary names pass, whatever their language, spaces or dots', () => {
    for (const n of ['Опора СШ № 13 25.11.2026 №4.opora', 'протокол совещания.docx', 'фото 1.jpg', 'v1.2 отчёт.pdf', 'setup.exe', 'архив.tar.gz'])
      expect(incomingFileNameProblem(n), n).toBeNull();
  });

  it('path separators, hidden direction or control characters, a program behind a second extension are refused in words', () => {
    expect(incomingFileNameProblem('../../keys.opora')).toMatch(/не должно содержать/);
    expect(incomingFileNameProblem('отчёт\u202Eexe.opora')).toMatch(/невидимые или управляющие символы/);
    expect(incomingFileNameProblem('файл\u0007.opora')).toMatch(/невидимые или управляющие/);
    expect(incomingFileNameProblem('протокол.pdf .exe')).toMatch(/два расширения/);
    expect(incomingFileNameProblem('протокол.docx.scr')).toMatch(/два расширения/);
    expect(visibleFileName('отчёт\u202Eexe.opora')).toBe('отчёт?exe.opora');
  });

  it('the door refuses such a bundle name before reading the file', () => {
    const r = exchangeInputs.importGroup.safeParse({ files: [{ fileName: 'данные.pdf .exe', dataBase64: 'AAAA' }] });
    expect(r.success).toBe(false);
    expect(JSON.stringify(r.error?.issues)).toMatch(/два расширения/);
  });

  it('the import refuses it too (the command line has no door), and the history shows the name with the hidden characters visible', () => {
    const p = makePair({ demo: null });
    pairs.push(p);
    const bytes = readFileSync(p.exportSchool());
    const r = importBundle(p.muni.ctx, { fileName: 'школа\u202Easo.opora', bytes });
    expect(r.status).toBe('rejected');
    expect(r.reasonCode).toBe('bad_file_name');
    expect(r.file).toBe('школа?aso.opora');
    expect(importBundle(p.muni.ctx, { fileName: 'школа.opora', bytes }).status).toBe('accepted');
  });
});
