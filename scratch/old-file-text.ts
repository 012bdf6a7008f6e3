/**
 * The text a person would read in an attached file, for the check that no pupil's name leaves the school inside
 * a file the school chose to pass on: plain text (UTF-8, UTF-16 or Windows-1251, as Notepad files in Russian
 * often are) and the XML parts of Office Open XML and OpenDocument files (.docx, .xlsx, .pptx, .odt, .ods, .odp).
 * Any other kind — a photo, a PDF, an old .doc — cannot be read here: `null`, and the screen says so before
 * such a file is shared.
 */
import { unzipSync } from 'fflate';
import { fileTextKind } from '../common/file-names.js';

export { fileTextKind };
/** What the XML parts of one document may add up to once inflated: far above any real protocol, far below trouble. */
const MAX_XML_BYTES = 64 * 1024 * 1024;

function decodePlain(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1251').decode(bytes);
  }
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Tags out, entities decoded; the end of a paragraph, cell, row or line break becomes a line break, so words of two paragraphs do not run together. */
function xmlText(xml: string): string {
  return xml
    .replace(/<\/(?:w:p|a:p|text:p|text:h|si|c|row|table:table-cell|table:table-row|w:tc)>|<(?:w:br|w:tab|text:line-break|text:tab|a:br)\b[^>]*\/?>/g, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (all, e: string) =>
      e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : ENTITIES[e] ?? all);
}

/** The readable text of the file, or null when this kind of file cannot be read (or is not what its name says). */
export function fileText(fileName: string, bytes: Uint8Array): string | null {
  const kind = fileTextKind(fileName);
  if (kind === 'plain') return decodePlain(bytes);
  if (kind === 'unreadable') return null;
  let total = 0;
  try {
    const parts = unzipSync(bytes, {
      filter: (f) => {
        if (!/\.xml$/i.test(f.name)) return false;
        total += f.originalSize;
        if (total > MAX_XML_BYTES) throw new Error('too large');
        return true;
      },
    });
    return Object.values(parts).map((p) => xmlText(new TextDecoder('utf-8').decode(p))).join('\n');
  } catch {
    // Not a zip after all, damaged, or absurdly large inside: it cannot be checked, so it is treated as unreadable.
    return null;
  }
}
