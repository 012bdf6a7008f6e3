/**
 * The heading of a справка about an event: «Об итогах видеоконференции «…»». A methodologist often types the topic
 * as the heading itself («Об итогах видеоконференции с руководителями …»); then it is the heading as written, never
 * «Об итогах … «Об итогах …»». The draft in the register and the справка printed without one read it from here.
 */
export function resultsTitle(kindGenitive: string, topic: string): string {
  const t = topic.trim().replace(/^«([^«»]*)»$/, '$1').replace(/[.;,\s]+$/, '');
  if (/^(об|по)\s+итога[хм](\s|$)/iu.test(t)) return `${t[0]!.toUpperCase()}${t.slice(1)}`;
  return t ? `Об итогах ${kindGenitive} «${t}»` : `Об итогах ${kindGenitive}`;
}
