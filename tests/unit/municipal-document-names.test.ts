/**
 * Issue 20, item 11: a methodologist's documents come out as they write them. A приказ approving an
 * «Информационная справка …» is headed «Об утверждении информационной справки …» (not «Об утверждении справки
 * Информационная справка …»), and the printed file keeps the registration number as written: «12/01-13» →
 * «12-01-13», not «12 01-13».
 */
import { describe, it, expect, afterAll } from 'vitest';
import { join } from 'node:path';
import { tempDir } from '../helpers.js';
import { testClock } from './exchange-fixtures.js';
import { readDocx } from './report-reader.js';
import { openWorkspaceFile } from '../../main/cli/workspace-file.js';
import { initMunicipality } from '../../main/services/core/municipality-profile.js';
import { saveDocument, draftOrder, approvedSpravka, blankDocument, listDocuments } from '../../main/services/municipality/documents.js';
import { saveReportSettings, getReportSettings } from '../../main/services/municipality/report-settings.js';
import { printDocument } from '../../main/services/reports/documents/print.js';
import { documentSaveInput } from '../../preload/contract/meetings.js';

const dir = tempDir('opora-doc-names-');
const clock = testClock('2026-12-07T10:00:00Z');
const muni = openWorkspaceFile(join(dir, 'muni.sqlite'), clock.now);
initMunicipality(muni.ctx, 'Управление образования (вымышленное)');
afterAll(() => muni.close());

const spravka = saveDocument(muni.ctx, documentSaveInput.parse({
  document: { kind: 'spravka', title: 'Информационная справка по итогам совещания руководителей (вымышленная)', number: '12/01-13', doc_date: '2026-12-07' },
  sections: null,
}));

describe('a printed document and the приказ approving it', () => {
  it('the file name keeps the number as written', async () => {
    const f = await printDocument(muni.ctx, spravka.document.id);
    expect(f.fileName).toBe('Справка № 12-01-13 от 07.12.2026.docx');
  });

  it('the приказ is headed «Об утверждении информационной справки …» and approves it in the same words', async () => {
    const order = draftOrder(muni.ctx, spravka.document.id);
    expect(order.document.title).toBe('Об утверждении информационной справки по итогам совещания руководителей (вымышленная)');
    expect(String(order.document.points)).toMatch(/^Утвердить информационную справку по итогам совещания/);
    const text = (await readDocx((await printDocument(muni.ctx, order.document.id)).bytes)).paragraphs.join('\n');
    expect(text).toContain('Об утверждении информационной справки по итогам совещания');
    expect(text).not.toMatch(/справки Информационная справка/i);
  });

  it('other kinds of titles read right too', () => {
    expect(approvedSpravka('Об итогах совещания').genitive).toBe('справки об итогах совещания');
    expect(approvedSpravka('Аналитическая справка о результатах ВПР').genitive).toBe('аналитической справки о результатах ВПР');
    expect(approvedSpravka('Справка по итогам мониторинга').accusative).toBe('справку по итогам мониторинга');
  });
});

describe('a new letter', () => {
  it('takes the place and the signer from the requisites, and is not in the register until saved', () => {
    saveReportSettings(muni.ctx, { ...getReportSettings(muni.ctx), place: 'г. Энск', headName: 'Н.Г. Гвоздкова', headPosition: 'Начальник Управления образования' });
    const before = listDocuments(muni.ctx).length;
    const blank = blankDocument(muni.ctx, 'letter').document;
    expect([blank.place, blank.signer_surname, blank.signer_first_name, blank.signer_patronymic, blank.signer_position])
      .toEqual(['г. Энск', 'Гвоздкова', 'Н.', 'Г.', 'Начальник Управления образования']);
    expect(blank.id).toBeUndefined();
    expect(listDocuments(muni.ctx)).toHaveLength(before);
  });
});
