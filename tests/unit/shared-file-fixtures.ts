/**
 * Real files a school might attach, each with a fictional pupil (Лебедев Дмитрий Андреевич, born 20.03.2014)
 * hidden where the old reader did not look: built here with docx, exceljs and fflate, never mocked.
 */
import { Document, Packer, Paragraph, TextRun, Header, Footer } from 'docx';
import ExcelJS from 'exceljs';
import { unzipSync, zipSync, strToU8 } from 'fflate';

export const PUPIL = { full_name: 'Лебедев Дмитрий Андреевич', birth_date: '2014-03-20' };

export const docx = async (...lines: string[]) => Buffer.from(await Packer.toBuffer(new Document({ sections: [{ children: lines.map((l) => new Paragraph(l)) }] })));

/** A package with some parts added or replaced. */
export function withParts(pkg: Uint8Array, parts: Record<string, Uint8Array | string>): Buffer {
  const files: Record<string, Uint8Array> = unzipSync(pkg);
  for (const [k, v] of Object.entries(parts)) files[k] = typeof v === 'string' ? strToU8(v) : v;
  return Buffer.from(zipSync(files));
}

export const utf16le = (s: string, bom = true) => Buffer.concat([bom ? Buffer.from([0xff, 0xfe]) : Buffer.alloc(0), Buffer.from(s, 'utf16le')]);
export const utf16be = (s: string, bom = true) => {
  const le = Buffer.from(s, 'utf16le');
  for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
  return Buffer.concat([bom ? Buffer.from([0xfe, 0xff]) : Buffer.alloc(0), le]);
};

/** Single-byte Cyrillic through the tables of TextDecoder (the inverse of decoding). */
export function encode(s: string, label: 'windows-1251' | 'koi8-r' | 'ibm866'): Buffer {
  const dec = new TextDecoder(label);
  const map = new Map<string, number>();
  for (let i = 0; i < 256; i++) map.set(dec.decode(Uint8Array.of(i)), i);
  return Buffer.from([...s].map((ch) => map.get(ch) ?? 0x3f));
}

async function xlsx(build: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The zip with every entry's declared uncompressed size set to 16 bytes (central directory and local headers). */
export function understated(zip: Uint8Array): Buffer {
  const d = Buffer.from(zip);
  for (let i = 0; i + 4 <= d.length; i++) {
    const sig = d.readUInt32LE(i);
    if (sig === 0x04034b50 && i + 30 <= d.length) d.writeUInt32LE(16, i + 22);
    if (sig === 0x02014b50 && i + 46 <= d.length) d.writeUInt32LE(16, i + 24);
  }
  return d;
}

const ODF_MANIFEST = '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>';
const odf = (mime: string, content: string) => Buffer.from(zipSync({
  mimetype: [strToU8(mime), { level: 0 }],
  'content.xml': strToU8(content),
  'META-INF/manifest.xml': strToU8(ODF_MANIFEST),
}));

/** Every kind the reader must see a pupil in: [what, file name, bytes]. */
export async function pupilFiles(): Promise<[string, string, Buffer][]> {
  const plainDocx = await docx('Протокол педагогического совета', 'Решили: утвердить план.');
  const long = 'Обсудили итоги четверти. '.repeat(400);
  const rtf1251 = Buffer.concat([Buffer.from("{\\rtf1\\ansi\\ansicpg1251\\deff0{\\fonttbl{\\f0 Times New Roman;}}\\f0 "), Buffer.from([...encode('Лебедев Дмитрий', 'windows-1251')].map((b) => `\\'${b.toString(16)}`).join('')), Buffer.from('\\par}')]);
  const rtfUnicode = Buffer.from(`{\\rtf1\\ansi\\uc1 ${[...'Лебедев Дмитрий'].map((c) => `\\u${c.charCodeAt(0)}?`).join('')}\\par}`);
  return [
    ['Excel: дата рождения числом в ячейке', 'даты.xlsx', await xlsx((wb) => { wb.addWorksheet('Список').addRows([['Дата'], [new Date(Date.UTC(2014, 2, 20))]]); })],
    ['Excel: лист назван по ученику', 'лист.xlsx', await xlsx((wb) => { wb.addWorksheet('Лебедев Дмитрий').addRow(['5А']); })],
    ['Excel: строка в ячейке (общие строки)', 'строки.xlsx', await xlsx((wb) => { wb.addWorksheet('Список').addRow(['Лебедев Дмитрий Андреевич']); })],
    ['Word: часть не *.xml', 'часть.docx', withParts(plainDocx, { 'word/glossary/part.bin': '<?xml version="1.0"?><w:p xmlns:w="x"><w:t>Лебедев Дмитрий</w:t></w:p>' })],
    ['Word: часть в UTF-16 с BOM', 'utf16.docx', withParts(plainDocx, { 'customXml/item1.xml': utf16le('<?xml version="1.0" encoding="UTF-16"?><r>Лебедев Дмитрий</r>') })],
    ['Word: часть в UTF-16BE без BOM', 'utf16be.docx', withParts(plainDocx, { 'customXml/item2.xml': utf16be('<?xml version="1.0" encoding="UTF-16"?><r>Лебедев Дмитрий</r>', false) })],
    ['Word: часть в windows-1251 по объявлению', '1251.docx', withParts(plainDocx, { 'customXml/item3.xml': Buffer.concat([Buffer.from('<?xml version="1.0" encoding="windows-1251"?><r>'), encode('Лебедев Дмитрий', 'windows-1251'), Buffer.from('</r>')]) })],
    ['Word: altChunk HTML с числовыми сущностями', 'altchunk.docx', withParts(plainDocx, { 'word/afchunk1.htm': '<html><body><p>&#1051;&#1077;&#1073;&#1077;&#1076;&#1077;&#1074; &#x414;&#x43c;&#x438;&#x442;&#x440;&#x438;&#x439;</p></body></html>' })],
    ['Word: altChunk RTF', 'altchunk-rtf.docx', withParts(plainDocx, { 'word/afchunk2.rtf': rtf1251 })],
    ['Word: вложенная книга Excel', 'вложение.docx', withParts(plainDocx, { 'word/embeddings/Microsoft_Excel_Worksheet.xlsx': await xlsx((wb) => { wb.addWorksheet('Лист1').addRow(['Лебедев Дмитрий']); }) })],
    ['Word: ФИО в атрибуте', 'атрибут.docx', withParts(plainDocx, { 'word/settings.xml': '<?xml version="1.0"?><w:settings xmlns:w="x"><w:docVars><w:docVar w:name="ученик" w:val="Лебедев Дмитрий"/></w:docVars></w:settings>' })],
    ['Word: ФИО в комментарии XML', 'комментарий.docx', withParts(plainDocx, { 'word/people.xml': '<?xml version="1.0"?><w:people xmlns:w="x"><!-- Лебедев Дмитрий --></w:people>' })],
    ['Word: ФИО в колонтитуле', 'колонтитул.docx', Buffer.from(await Packer.toBuffer(new Document({ sections: [{ headers: { default: new Header({ children: [new Paragraph('Лебедев Дмитрий')] }) }, footers: { default: new Footer({ children: [new Paragraph('стр.')] }) }, children: [new Paragraph('Протокол')] }] })))],
    ['Word: ФИО разбито на части', 'части.docx', Buffer.from(await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph({ children: [new TextRun('Лебе'), new TextRun({ text: 'дев', bold: true }), new TextRun(' Дмитрий')] })] }] })))],
    ['Word: заголовок zip занижает размер', 'размер.docx', understated(await docx(long, 'Лебедев Дмитрий'))],
    ['Word: дата рождения числом Excel', 'число.docx', await docx('Код даты: 41718')],
    ['OpenDocument: текст (.odt)', 'протокол.odt', odf('application/vnd.oasis.opendocument.text', '<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="o" xmlns:text="t"><office:body><office:text><text:p>Леб<text:span>едев</text:span> Дмитрий</text:p></office:text></office:body></office:document-content>')],
    ['OpenDocument: таблица с датой (.ods)', 'список.ods', odf('application/vnd.oasis.opendocument.spreadsheet', '<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="o" xmlns:table="t" xmlns:text="x"><table:table table:name="Список"><table:table-row><table:table-cell office:value-type="date" office:date-value="2014-03-20"><text:p>20 мар</text:p></table:table-cell></table:table-row></table:table></office:document-content>')],
    ['PowerPoint: слайд (.pptx)', 'слайды.pptx', Buffer.from(zipSync({ '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="t"/>'), 'ppt/slides/slide1.xml': strToU8('<?xml version="1.0"?><p:sld xmlns:p="p" xmlns:a="a"><a:p><a:r><a:t>Лебедев </a:t></a:r><a:r><a:t>Дмитрий</a:t></a:r></a:p></p:sld>') }))],
    ['Текст: KOI8-R', 'список.txt', encode('Список: Лебедев Дмитрий, 5А', 'koi8-r')],
    ['Текст: CP866', 'список866.txt', encode('Список: Лебедев Дмитрий, 5А', 'ibm866')],
    ['Текст: windows-1251', 'список1251.csv', encode('Список;Лебедев Дмитрий;5А', 'windows-1251')],
    ['Текст: UTF-16LE без BOM', 'список16.txt', utf16le('Список: Лебедев Дмитрий, 5А', false)],
    ['Текст: UTF-16BE с BOM', 'список16be.txt', utf16be('Список: Лебедев Дмитрий, 5А')],
    ['HTML: числовые сущности', 'страница.html', Buffer.from('<html><body><p>&#1051;&#1077;&#1073;&#1077;&#1076;&#1077;&#1074; &#1044;&#1084;&#1080;&#1090;&#1088;&#1080;&#1081;</p></body></html>')],
    ['HTML: ФИО в атрибуте', 'атрибут.htm', Buffer.from('<html><body><img alt="Лебедев Дмитрий" src="x.png"></body></html>')],
    ['RTF: \\\'xx в кодировке 1251', 'протокол.rtf', rtf1251],
    ['RTF: \\uN', 'протокол-u.rtf', rtfUnicode],
  ];
}

/** A zip of one deflated entry written by hand, its uncompressed size declared as 16 bytes. */
export function handZip(name: string, deflated: Buffer): Buffer {
  const n = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(8, 8);
  local.writeUInt32LE(deflated.length, 18); local.writeUInt32LE(16, 22); local.writeUInt16LE(n.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 4); central.writeUInt16LE(20, 6); central.writeUInt16LE(8, 10);
  central.writeUInt32LE(deflated.length, 20); central.writeUInt32LE(16, 24); central.writeUInt16LE(n.length, 28);
  const cdOffset = 30 + n.length + deflated.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(1, 8); end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46 + n.length, 12); end.writeUInt32LE(cdOffset, 16);
  return Buffer.concat([local, n, deflated, central, n, end]);
}
