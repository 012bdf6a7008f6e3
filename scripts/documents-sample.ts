/**
 * Writes the municipality's documents for a fictional meeting (tests/unit/documents-fixture.ts) to a folder —
 * the справка (full and short) and the приказ with its appendix — and, when LibreOffice is installed, their
 * pages as PNG to look at: `npx tsx scripts/documents-sample.ts ПАПКА`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { meetingDoc } from '../main/services/reports/documents/meeting.js';
import { orderDoc } from '../main/services/reports/documents/order.js';
import { renderDocx } from '../main/services/reports/docx.js';
import { meeting, order } from '../tests/unit/documents-fixture.js';

const out = process.argv[2] ?? 'documents-sample';
mkdirSync(out, { recursive: true });
const files: [string, Buffer][] = [
  ['meeting', await renderDocx(meetingDoc(meeting()))],
  ['meeting-short', await renderDocx(meetingDoc(meeting({ short: true })))],
  ['order', await renderDocx(orderDoc(order()))],
];
for (const [name, buf] of files) {
  const docx = join(out, `${name}.docx`);
  writeFileSync(docx, buf);
  try {
    execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', out, docx], { stdio: 'ignore' });
    execFileSync('pdftoppm', ['-png', '-r', process.env.DPI ?? '60', join(out, `${name}.pdf`), join(out, name)]);
  } catch {
    console.log('soffice/pdftoppm не найдены: только .docx');
  }
  console.log(docx);
}
