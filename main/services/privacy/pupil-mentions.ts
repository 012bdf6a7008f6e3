/**
 * The name check's public face for the exchange and its tests; the check itself is in privacy/names/
 * (matcher.ts says what counts as a mention and why).
 */
export { pupilMatcher, redact, type PupilFacts, type Mention, type Matcher } from './names/matcher.js';

/** Lowered, ё → е, one char per char: positions found in it are positions in the original text. */
export function fold(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.toLowerCase();
    out += c === 'ё' ? 'е' : c.length === ch.length ? c : ch;
  }
  return out;
}
