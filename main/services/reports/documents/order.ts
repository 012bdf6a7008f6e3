/**
 * «Приказ» approving a справка or a roadmap, laid out as seed 002: the body, «П Р И К А З», date and number,
 * place, heading, the preamble «В соответствии с …, п р и к а з ы в а ю:», numbered points, the signer, the
 * «СОГЛАСОВАНО» block, the executor; then, from a new page, «Приложение 1 к приказу … от … № …» and the
 * approved справка without requisites of its own (they are the order's).
 */
import type { Block, ReportDoc } from '../model.js';
import type { OrderDocModel } from './model.js';
import { clause, dateAndNumber, frameOf, genitiveOfBody } from './requisites.js';

export function orderDoc(m: OrderDocModel): ReportDoc {
  const r = m.requisites;
  const blocks: Block[] = [];
  const preamble = clause(m.preamble);
  blocks.push({
    kind: 'rich',
    runs: preamble ? [{ text: `${preamble}, ` }, { text: 'п р и к а з ы в а ю:', bold: true }] : [{ text: 'П р и к а з ы в а ю:', bold: true }],
  });
  const points = m.points.map((p) => p.trim()).filter(Boolean);
  if (points.length) blocks.push({ kind: 'list', numbered: true, items: points.map((p) => (/[.!?]$/.test(p) ? p : `${p}.`)) });
  const doc = frameOf(r, 'Приказ', 'Об утверждении справки', blocks);
  if (m.appendix) {
    // The body that issues the order, in the genitive: «к приказу Управления образования …».
    const issuer = genitiveOfBody(r.subordinate || r.body[r.body.length - 1] || '');
    const mark = ['Приложение 1', issuer ? `к приказу ${issuer}` : 'к приказу', dateAndNumber(r.date, r.number)];
    const a = m.appendix.doc;
    // The order is signed once: the справка keeps a signature and an executor only when they are someone else's.
    const same = (x?: { position: string; name: string }, y?: { position: string; name: string }) => !!x && !!y && x.name === y.name && x.position === y.position;
    const approved: ReportDoc = {
      ...a,
      requisites: { ...a.requisites, kind: '', title: m.appendix.title || a.requisites.title },
      signature: same(a.signature, doc.signature) ? undefined : a.signature,
      executor: a.executor === doc.executor ? undefined : a.executor,
    };
    doc.appendices = [{ mark, doc: approved }];
  }
  return doc;
}
