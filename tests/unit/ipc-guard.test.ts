import { describe, it, expect } from 'vitest';
import { isTrustedSender } from '../../main/ipc-guard.js';

const page = 'file:///opt/Opora/resources/app/renderer/dist/index.html';
const ok = { fromOurWindow: true, isMainFrame: true, frameUrl: page };

describe('who may call main over IPC', () => {
  it('our page in our window, also after the app moved to another section (#hash)', () => {
    expect(isTrustedSender(ok, page)).toBe(true);
    expect(isTrustedSender({ ...ok, frameUrl: page + '#programme' }, page)).toBe(true);
  });
  it('not another window, not a subframe, not a gone frame, not another page or origin', () => {
    expect(isTrustedSender({ ...ok, fromOurWindow: false }, page)).toBe(false);
    expect(isTrustedSender({ ...ok, isMainFrame: false }, page)).toBe(false);
    expect(isTrustedSender({ ...ok, frameUrl: null }, page)).toBe(false);
    expect(isTrustedSender({ ...ok, frameUrl: 'file:///tmp/evil.html' }, page)).toBe(false);
    expect(isTrustedSender({ ...ok, frameUrl: 'https://example.org/index.html' }, page)).toBe(false);
    expect(isTrustedSender({ ...ok, frameUrl: 'не адрес' }, page)).toBe(false);
  });
});

describe('the packaged page on app://', () => {
  const appPage = 'app://opora/index.html';
  it('our app:// page may call; a file:// page or another app:// host may not', () => {
    expect(isTrustedSender({ ...ok, frameUrl: appPage + '#risk' }, appPage)).toBe(true);
    expect(isTrustedSender({ ...ok, frameUrl: 'file:///opt/Opora/resources/app/renderer/dist/index.html' }, appPage)).toBe(false);
    expect(isTrustedSender({ ...ok, frameUrl: 'app://evil/index.html' }, appPage)).toBe(false);
  });
});
