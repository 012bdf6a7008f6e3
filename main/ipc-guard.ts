/**
 * Who may call main over IPC: only our own page, in the main frame of our own window. Kept out of the
 * shell (no electron import) so the rule is unit-tested.
 */

export interface SenderFacts {
  /** The message came from our window's webContents. */
  fromOurWindow: boolean;
  /** The sending frame is that window's main frame (not an iframe). */
  isMainFrame: boolean;
  /** The sending frame's URL; null when the frame is gone. */
  frameUrl: string | null;
}

/** The page's own address without the part the app changes while it runs (#section, ?query). */
function pageOf(url: string): string | null {
  try {
    const u = new URL(url);
    u.hash = '';
    u.search = '';
    return u.href;
  } catch {
    return null;
  }
}

export function isTrustedSender(facts: SenderFacts, rendererUrl: string): boolean {
  if (!facts.fromOurWindow || !facts.isMainFrame || !facts.frameUrl) return false;
  const page = pageOf(facts.frameUrl);
  return page !== null && page === pageOf(rendererUrl);
}
