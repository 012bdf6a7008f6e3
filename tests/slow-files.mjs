/**
 * The unit files that take longest (fuzzing every byte of a bundle, many schools' files merged, the command line
 * as separate processes, LibreOffice opening documents): `npm test` runs them first (tests/sequencer.ts), the inner
 * loop (`npm run test:unit`) leaves them out.
 */
export const SLOW = [
  'exchange-hostile', 'report-municipality', 'cli-exchange', 'exchange-roundtrip', 'exchange-merge', 'exchange-school-limits',
  'municipal-demo', 'exchange-trust', 'report-xml-chars', 'report-sentences', 'cli-documents', 'exchange-review', 'file-read-whole',
];
