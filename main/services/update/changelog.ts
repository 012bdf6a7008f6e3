/**
 * «Что нового» from the package's CHANGELOG.md: the sections of versions newer than the running one (and not
 * newer than the package's own). A heading is any Markdown heading that names a version («## 1.0.0 —
 * 7 декабря 2026», «## [1.0.0] - 2026-12-07»); text before the first such heading is not shown.
 */
import { compareVersions, isVersion } from './version.js';

export interface ChangelogSection {
  version: string;
  /** The section's lines without Markdown markup, empty lines dropped. */
  lines: string[];
}

const HEADING = /^#{1,4}\s+\[?v?(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)\]?/;
/** A screenful: a package from far ahead still shows its newest news and says there is more in the file. */
const MAX_LINES = 60;

function plain(line: string): string {
  return line.replace(/^#{1,6}\s+/, '').replace(/^\s*[-*+]\s+/, '• ').replace(/\*\*|__|`/g, '').replace(/\[([^\]]+)\]\([^)]*\)/g, '$1').trim();
}

export function whatsNewSince(text: string, current: string, target: string): ChangelogSection[] {
  const sections: ChangelogSection[] = [];
  let section: ChangelogSection | null = null;
  for (const raw of text.split(/\r?\n/)) {
    const h = HEADING.exec(raw);
    if (h && isVersion(h[1]!)) {
      const v = h[1]!;
      section = compareVersions(v, current) > 0 && compareVersions(v, target) <= 0 ? { version: v, lines: [] } : null;
      if (section) sections.push(section);
      continue;
    }
    const line = plain(raw);
    if (section && line) section.lines.push(line);
  }
  sections.sort((a, b) => compareVersions(b.version, a.version));
  let left = MAX_LINES;
  return sections.map((s) => {
    const lines = s.lines.slice(0, Math.max(0, left));
    left -= lines.length;
    return { version: s.version, lines: lines.length < s.lines.length ? [...lines, '… (полностью — в файле CHANGELOG.md в папке обновления)'] : lines };
  }).filter((s) => s.lines.length);
}
