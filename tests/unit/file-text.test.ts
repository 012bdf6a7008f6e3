/** The readable text of attached files, as the outgoing check sees it: real .docx and .xlsx written by the libraries we print with, Notepad's encodings. */
import { describe, it, expect } from 'vitest';
import { Document, Packer, Paragraph, TextRun, Table, TableRow, TableCell } from 'docx';
import ExcelJS from 'exceljs';
import { fileText, fileTextKind, extractText } from '../../main/services/privacy/file-text.js';
import { encode, utf16le, utf16be } from './shared-file-fixtures.js';

/** Windows-1251 of a Russian string (А–я are 0xC0–0xFF in order). */
function cp1251(s: string): Buffer {
  return Buffer.from([...s].map((ch) => {
    const c = ch.codePointAt(0)!;
    if (c >= 0x410 && c <= 0x44f) return c - 0x410 + 0xc0;
    if (ch === 'Ё') return 0xa8;
    if (ch === 'ё') return 0xb8;
    return c;
  }));
}

describe('text of an attached file', () => {
  it('reads a .docx whose name is split across runs, in paragraphs and table cells', async () => {
    const doc = new Document({
      sections: [{
        children: [
          new Paragraph({ children: [new TextRun('Протокол педсовета. О постановке на учёт: '), new TextRun({ text: 'Лебе', bold: true }), new TextRun('дев Дмитрий')] }),
          new Table({ rows: [new TableRow({ children: [new TableCell({ children: [new Paragraph('5А')] }), new TableCell({ children: [new Paragraph('20.03.2014')] })] })] }),
        ],
      }],
    });
    const text = fileText('Протокол.docx', await Packer.toBuffer(doc))!;
    expect(text).toContain('Лебедев Дмитрий');
    expect(text).toMatch(/5А\s+20\.03\.2014/);
  });

  it('reads the cells of an .xlsx', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Список').addRows([['ФИО', 'Класс'], ['Соколова Мария Игоревна', '7Б']]);
    const text = fileText('список.xlsx', Buffer.from(await wb.xlsx.writeBuffer()))!;
    expect(text).toContain('Соколова Мария Игоревна');
  });

  it('reads plain text in UTF-8, UTF-16 and Windows-1251', () => {
    const s = 'Ученик Ёлкин Пётр, 5А';
    expect(fileText('a.txt', Buffer.from(s, 'utf8'))).toBe(s);
    expect(fileText('a.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]))).toBe(s);
    expect(fileText('a.txt', cp1251(s))).toBe(s);
  });

  it('says a photo or a PDF cannot be read, and a broken .docx too', () => {
    expect(fileTextKind('фото.JPG')).toBe('unreadable');
    expect(fileText('протокол.pdf', Buffer.from('%PDF-1.4 Лебедев'))).toBeNull();
    expect(fileTextKind('протокол.docx')).toBe('office');
    expect(fileText('протокол.docx', Buffer.from('это не zip'))).toBeNull();
  });

  it('reads plain text in KOI8-R, CP866 and UTF-16 without a BOM, as written', () => {
    for (const s of ['Ученик Ёлкин Пётр, 5А', 'ИВАНОВ ИВАН', 'Иванов']) {
      expect(fileText('a.txt', encode(s, 'koi8-r'))).toBe(s);
      expect(fileText('a.txt', encode(s, 'ibm866'))).toBe(s);
      expect(fileText('a.txt', encode(s, 'windows-1251'))).toBe(s);
      expect(fileText('a.txt', utf16le(s, false))).toBe(s);
      expect(fileText('a.txt', utf16be(s, false))).toBe(s);
    }
  });

  it('reads the dates of an .xlsx, which Excel keeps as numbers, as dates', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Даты рождения').addRows([['Дата'], [new Date(Date.UTC(2014, 2, 20))]]);
    const text = fileText('даты.xlsx', Buffer.from(await wb.xlsx.writeBuffer()))!;
    expect(text).toContain('20.03.2014');
    expect(text).toContain('Даты рождения');
  });

  it('reads RTF: \\\'xx in the document\'s code page and \\uN', () => {
    const rtf = Buffer.from("{\\rtf1\\ansi\\ansicpg1251 \\'cb\\'e5\\'e1\\'e5\\'e4\\'e5\\'e2 \\u1044?\\u1084?\\u1080?\\u1090?\\u1088?\\u1080?\\u1081?\\par}");
    expect(fileText('протокол.rtf', rtf)).toContain('Лебедев Дмитрий');
  });

  it('says why a file cannot be read whole', () => {
    expect(extractText('протокол.pdf', Buffer.from('%PDF-1.4'))).toEqual({ ok: false, why: 'kind' });
    expect(extractText('протокол.docx', Buffer.from('это не zip'))).toEqual({ ok: false, why: 'damaged' });
  });
});
