/**
 * Russian typography for every printed report and its Excel export, applied once at the renderers: the
 * sentences the builders compose glue users' text to their own punctuation («…выполнено.» + «;»), and users
 * paste text from Word and e-mails with doubled quotes and stray dots. What a reader sees as a misprint is
 * fixed here rather than in each builder.
 */
import type { Block, Cell, ReportDoc, ReportTable } from './model.js';

const NBSP = '\u00A0';

/** One piece of text, typeset: «45 %» with a no-break space, no «.;» or «..», no doubled quotes. */
export function typeset(text: string): string {
  return text
    // A number and its per cent sign never part at a line end.
    .replace(/(\d)[ \t]+%/g, `$1${NBSP}%`)
    // «выполнено.;» and «выполнено..» where a sentence of ours follows a user's full stop (an ellipsis stays).
    .replace(/\.+\s*;/g, (m) => (m.startsWith('...') ? m : ';'))
    .replace(/(^|[^.])\.\.(?!\.)/g, '$1.')
    // ""Ромашка"", «"Ромашка"»: one pair of quotes is enough, and in Russian it is «ёлочки».
    .replace(/""+/g, '"')
    .replace(/«"|"«/g, '«')
    .replace(/"»|»"/g, '»')
    .replace(/"([^"\n]+)"/g, '«$1»');
}

const cell = (c: Cell): Cell => (typeof c === 'string' ? typeset(c) : c !== null && typeof c === 'object' ? { ...c, text: typeset(c.text) } : c);

export function typesetTable(t: ReportTable): ReportTable {
  return {
    ...t,
    caption: typeset(t.caption),
    columns: t.columns.map((c) => ({ ...c, header: typeset(c.header) })),
    rows: t.rows.map((r) => r.map(cell)),
    ...(t.empty ? { empty: typeset(t.empty) } : {}),
  };
}

function typesetBlock(b: Block): Block {
  switch (b.kind) {
    case 'heading':
    case 'paragraph':
      return { ...b, text: typeset(b.text) };
    case 'rich':
      return { ...b, runs: b.runs.map((r) => ({ ...r, text: typeset(r.text) })) };
    case 'list':
      return { ...b, items: b.items.map(typeset) };
    case 'table':
      return { ...b, table: typesetTable(b.table) };
  }
}

export function typesetDoc(doc: ReportDoc): ReportDoc {
  return {
    ...doc,
    requisites: { ...doc.requisites, title: typeset(doc.requisites.title), organisation: doc.requisites.organisation.map(typeset) },
    blocks: doc.blocks.map(typesetBlock),
    ...(doc.appendices ? { appendices: doc.appendices.map((a) => ({ ...a, doc: typesetDoc(a.doc) })) } : {}),
  };
}
