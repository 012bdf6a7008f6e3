/**
 * The unit files that take longest (fuzzing every byte of a bundle, many schools' files merged, the command line
 * as separate processes, LibreOffice opening documents): `npm test` runs them first (tests/sequencer.ts), the inner
 * loop (`npm run test:unit`) leaves them out.
 */
export const SLOW = [
  'exchange-hostile', 'report-municipality', 'cli-exchange', 'exchange-roundtrip', 'exchange-merge', 'exchange-school-limits',
  'municipal-demo', 'exchange-trust', 'report-xml-chars', 'report-sentences', 'cli-documents', 'exchange-review', 'file-read-whole',
];

/**
 * The longest browser walks, longest first. They are small files (a list of steps over shared helpers), so on a
 * clean clone — no timings from an earlier run — vitest would start them last, and the two form walks (a minute
 * each) ran alone at the end of CI's run. `npm test` starts them before everything else, in this order.
 */
export const LONG_WALKS = [
  'forms-walk-school', 'forms-walk-municipality', 'meetings-group', 'municipality', 'pupil-code', 'meetings', 'typed-dates', 'versions',
];
