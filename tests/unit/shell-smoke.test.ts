/**
 * The desktop shell's start-up, run in Node: there is no Electron binary on our machines, so `electron` is
 * replaced by a stand-in that records what the shell asks of it (a third-party API we cannot run here; all
 * of our own code runs for real). A crash in main/shell's own code — a typo, a wrong import, a handler that
 * throws — fails here before a school sees a window that never opens.
 */
import { describe, it, expect, vi, beforeEach, afterEach } from 'vitest';
import { join } from 'node:path';
import { readdirSync } from 'node:fs';
import { tempDir } from '../helpers.js';
import { APP_INDEX_URL } from '../../main/app-protocol.js';

type Fn = (...a: any[]) => any;

const stand = vi.hoisted(() => {
  const state = {
    calls: [] as string[],
    lock: true,
    packaged: true,
    userData: '',
    documents: '',
    keyStore: 'throws' as 'throws' | 'none' | 'basic_text' | 'works',
    windows: [] as any[],
    ipc: new Map<string, Fn>(),
    protocols: new Map<string, Fn>(),
    schemes: [] as any[],
    menu: null as any,
    appEvents: new Map<string, Fn>(),
    session: { permission: null as Fn | null, check: null as Fn | null, device: null as Fn | null, before: null as Fn | null, headers: null as Fn | null, events: [] as string[] },
    openDialogs: [] as any[],
    messageBoxes: [] as any[],
    opened: [] as string[],
    quits: 0,
  };
  return state;
});

vi.mock('electron', () => {
  const s = stand;
  class BrowserWindow {
    options: any;
    handlers = new Map<string, Fn>();
    loaded: string | null = null;
    openHandler: Fn | null = null;
    webContents: any;
    constructor(options: any) {
      this.options = options;
      const wc: any = {
        on: (ev: string, fn: Fn) => this.handlers.set(ev, fn),
        setWindowOpenHandler: (fn: Fn) => (this.openHandler = fn),
        reload: () => s.calls.push('reload'),
      };
      wc.mainFrame = { url: APP_INDEX_URL_PLACEHOLDER };
      this.webContents = wc;
      s.windows.push(this);
      s.calls.push('BrowserWindow');
    }
    once() {}
    show() {}
    isMinimized() { return false; }
    restore() {}
    focus() {}
    loadURL(url: string) {
      this.loaded = url;
      this.webContents.mainFrame.url = url;
      return Promise.resolve();
    }
  }
  const APP_INDEX_URL_PLACEHOLDER = 'about:blank';
  const api = {
    app: {
      get isPackaged() { return s.packaged; },
      requestSingleInstanceLock: () => s.lock,
      quit: () => { s.quits++; },
      on: (ev: string, fn: Fn) => { s.appEvents.set(ev, fn); },
      enableSandbox: () => s.calls.push('enableSandbox'),
      whenReady: () => { s.calls.push('whenReady'); return Promise.resolve(); },
      getPath: (name: string) => (name === 'userData' ? s.userData : name === 'documents' ? s.documents : `/nonexistent/${name}`),
      getVersion: () => '0.1.0',
    },
    BrowserWindow,
    ipcMain: { handle: (ch: string, fn: Fn) => { s.ipc.set(ch, fn); s.calls.push('ipc'); } },
    Menu: { buildFromTemplate: (t: any) => t, setApplicationMenu: (m: any) => { s.menu = m; } },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (fn: Fn) => (s.session.permission = fn),
        setPermissionCheckHandler: (fn: Fn) => (s.session.check = fn),
        setDevicePermissionHandler: (fn: Fn) => (s.session.device = fn),
        on: (ev: string) => s.session.events.push(ev),
        webRequest: { onBeforeRequest: (fn: Fn) => (s.session.before = fn), onHeadersReceived: (fn: Fn) => (s.session.headers = fn) },
      },
    },
    shell: { openPath: async (p: string) => { s.opened.push(p); return ''; }, showItemInFolder: (p: string) => s.opened.push(p) },
    dialog: {
      showOpenDialog: async (_w: unknown, o: any) => { s.openDialogs.push(o); return { canceled: true, filePaths: [] }; },
      showMessageBox: async (o: any) => { s.messageBoxes.push(o); return { response: 0 }; },
    },
    protocol: {
      registerSchemesAsPrivileged: (list: any[]) => { s.schemes.push(...list); s.calls.push('registerSchemes'); },
      handle: (scheme: string, fn: Fn) => { s.protocols.set(scheme, fn); s.calls.push('protocol'); },
    },
    safeStorage: {
      isEncryptionAvailable: () => {
        if (s.keyStore === 'throws') throw new Error('The keyring is locked');
        return s.keyStore !== 'none';
      },
      getSelectedStorageBackend: () => (s.keyStore === 'basic_text' ? 'basic_text' : 'gnome_libsecret'),
      encryptString: (t: string) => Buffer.from('wrapped:' + t),
      decryptString: (b: Buffer) => b.toString().replace(/^wrapped:/, ''),
    },
  };
  return { ...api, default: api };
});

/** Imports the shell afresh (its start-up runs at import) and lets `whenReady().then(…)` finish. */
async function startShell() {
  vi.resetModules();
  await import('../../main/shell/main.js');
  await new Promise((r) => setTimeout(r, 20));
}

function reset() {
  const d = tempDir('opora-shell-');
  Object.assign(stand, {
    calls: [], lock: true, packaged: true, userData: join(d, 'userData'), documents: join(d, 'Документы'), keyStore: 'throws',
    windows: [], ipc: new Map(), protocols: new Map(), schemes: [], menu: null, appEvents: new Map(),
    session: { permission: null, check: null, device: null, before: null, headers: null, events: [] },
    openDialogs: [], messageBoxes: [], opened: [], quits: 0,
  });
}

/** A message from our own window's main frame, as Electron would deliver it. */
function fromOurWindow() {
  const wc = stand.windows[0].webContents;
  return { sender: wc, senderFrame: wc.mainFrame };
}

async function call(name: string, input: unknown = {}, event: unknown = fromOurWindow()) {
  return stand.ipc.get('opora:call')!(event, { name, input });
}

describe('the Electron shell starts against a stand-in for electron', () => {
  beforeEach(reset);
  afterEach(async () => {
    // The workspace closes its database on quit, as the app does.
    stand.appEvents.get('before-quit')?.();
    await new Promise((r) => setTimeout(r, 10));
  });

  it('registers the app:// scheme before ready, serves it, and opens one locked-down window on it', async () => {
    await startShell();
    expect(stand.calls.indexOf('registerSchemes')).toBeLessThan(stand.calls.indexOf('whenReady'));
    expect(stand.schemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }]);
    expect(stand.calls).toContain('enableSandbox');
    expect([...stand.protocols.keys()]).toEqual(['app']);
    const traversal: Response = await stand.protocols.get('app')!(new Request('app://opora/%2e%2e/%2e%2e/package.json'));
    expect(traversal.status).toBe(404);

    expect(stand.windows).toHaveLength(1);
    const w = stand.windows[0];
    expect(w.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, devTools: false });
    expect(w.options.webPreferences.preload).toMatch(/preload\.cjs$/);
    expect(w.options.title).toBe('Опора');
    expect(w.loaded).toBe(APP_INDEX_URL);
    // Nothing navigates away or opens a window.
    const prevented = vi.fn();
    w.handlers.get('will-navigate')({ preventDefault: prevented });
    expect(prevented).toHaveBeenCalled();
    expect(w.openHandler()).toEqual({ action: 'deny' });

    // The session refuses every permission and any non-app request.
    const answers: boolean[] = [];
    stand.session.permission!(null, 'media', (ok: boolean) => answers.push(ok));
    expect(answers).toEqual([false]);
    expect(stand.session.check!()).toBe(false);
    const cancelled: boolean[] = [];
    stand.session.before!({ url: 'https://example.org/' }, (r: { cancel: boolean }) => cancelled.push(r.cancel));
    stand.session.before!({ url: APP_INDEX_URL }, (r: { cancel: boolean }) => cancelled.push(r.cancel));
    expect(cancelled).toEqual([true, false]);
  });

  it('wires exactly one IPC channel to the handlers, and only our own page may call it', async () => {
    await startShell();
    expect([...stand.ipc.keys()]).toEqual(['opora:call']);
    const state = await call('workspace.state');
    expect(state).toMatchObject({ ok: true, value: { role: 'none' } });
    const stranger = { sender: { mainFrame: null }, senderFrame: { url: 'https://evil.example/' } };
    expect(await call('workspace.state', {}, stranger)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await call('no.such.call')).toMatchObject({ ok: false, code: 'unknown_call' });
  });

  it('survives a key store that throws: a school is created, its keys kept in the plain key file', async () => {
    stand.keyStore = 'throws';
    await startShell();
    expect(await call('workspace.createSchool', { name: 'МКОУ «Тестовая школа»' })).toMatchObject({ ok: true, value: { role: 'school' } });
    expect(await call('exchange.state')).toMatchObject({ ok: true });
    expect(readdirSync(stand.userData)).toContain('opora.sqlite.keyring');
  });

  it('uses the OS key store when there is one', async () => {
    stand.keyStore = 'works';
    await startShell();
    expect(await call('workspace.createSchool', { name: 'МКОУ «Тестовая школа»' })).toMatchObject({ ok: true, value: { role: 'school' } });
  });

  it('wires the menu: «Открыть папку данных» opens the data folder, «О программе» shows the version', async () => {
    await startShell();
    const labels = stand.menu.map((m: { label: string }) => m.label);
    expect(labels).toEqual(['Файл', 'Правка', 'Вид', 'Справка']);
    const item = (top: string, label: string) => stand.menu.find((m: any) => m.label === top).submenu.find((i: any) => i.label === label);
    item('Файл', 'Открыть папку данных').click();
    expect(stand.opened).toEqual([stand.userData]);
    item('Справка', 'О программе').click();
    expect(stand.messageBoxes[0].message).toBe('Опора 0.1.0');
    expect(stand.messageBoxes[0].detail).toMatch(/«Настройки» → «Обновление программы»/);
  });

  it('wires the dialogs: the update folder and the workspace file are asked for in their own words', async () => {
    await startShell();
    expect(await call('update.check', { pick: true })).toMatchObject({ ok: true, value: { status: 'cancelled' } });
    expect(stand.openDialogs[0]).toMatchObject({ title: 'Папка обновления «Опоры» (на флешке)', buttonLabel: 'Проверить эту папку', properties: ['openDirectory', 'createDirectory'] });
    expect(await call('workspace.pickFile')).toMatchObject({ ok: true, value: { cancelled: true } });
    expect(stand.openDialogs[1]).toMatchObject({ title: 'Файл рабочего места «Опоры»', properties: ['openFile'] });
  });

  it('hands an update installer to the system and then closes, so the installer can replace the files', async () => {
    await startShell();
    const check = await call('update.check');
    expect(check).toMatchObject({ ok: true, value: { startsInstaller: true, folderDialog: true } });
    vi.useFakeTimers();
    try {
      const { startInstaller } = await import('../../main/shell/installer.js');
      expect(await startInstaller('E:\\Опора — обновление 1.1.0\\opora-1.1.0-windows-x64-setup.exe')).toBeNull();
      expect(stand.opened).toEqual(['E:\\Опора — обновление 1.1.0\\opora-1.1.0-windows-x64-setup.exe']);
      expect(stand.quits).toBe(0);
      vi.advanceTimersByTime(2000);
      expect(stand.quits).toBe(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a second copy of the app only hands over to the first and quits', async () => {
    stand.lock = false;
    await startShell();
    expect(stand.quits).toBe(1);
    expect(stand.windows).toHaveLength(0);
    expect(stand.ipc.size).toBe(0);
  });
});
