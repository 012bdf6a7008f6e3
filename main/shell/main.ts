/**
 * The Electron shell — the only code that imports electron. It makes the window, wires the one IPC
 * channel to the same `dispatch` the browser host and tests use, and locks the window down.
 */
import { app, BrowserWindow, ipcMain, Menu, session, shell, dialog, protocol } from 'electron';
import { join } from 'node:path';
import { Workspace } from '../workspace.js';
import { dispatch } from '../handlers.js';
import { CSP } from '../csp.js';
import { isTrustedSender } from '../ipc-guard.js';
import { safeStorageBox } from './secret-box.js';
import { startInstaller } from './installer.js';
import { APP_SCHEME, APP_INDEX_URL, serveAppRequest } from '../app-protocol.js';

const rendererRoot = join(__dirname, '../renderer/dist');
const rendererUrl = APP_INDEX_URL;
// DevTools only when running from the source tree: in the installed app they would hand anyone at the
// keyboard a console with the page's IPC bridge.
const devTools = !app.isPackaged;

// Must happen before `ready`: app:// behaves as a standard, secure origin (so CSP 'self', fetch and
// relative URLs work as on http), and nothing else about it is privileged. codeCache: Chromium may keep the compiled
// code of our scripts between starts (in the profile's «Code Cache», as it does for any web page over https), so an
// old laptop need not compile the same 300 KB again on each start; without it custom schemes get no code cache.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }]);

/** Serves the renderer folder on app://opora/, refusing anything outside it (see main/app-protocol.ts). */
function registerAppProtocol() {
  protocol.handle(APP_SCHEME, (req) => serveAppRequest(req.url, rendererRoot));
}

let mainWindow: BrowserWindow | null = null;

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1360,
    height: 880,
    minWidth: 1024,
    minHeight: 640,
    title: 'Опора',
    icon: join(__dirname, '../resources/build/icon.png'),
    show: false,
    webPreferences: {
      preload: join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
      devTools,
    },
  });
  win.once('ready-to-show', () => win.show());
  // Nothing navigates away and nothing opens new windows: the app has one page.
  win.webContents.on('will-navigate', (e) => e.preventDefault());
  win.webContents.on('will-redirect', (e) => e.preventDefault());
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  win.webContents.on('will-attach-webview', (e) => e.preventDefault());
  void win.loadURL(rendererUrl);
  return win;
}

function lockDownSession() {
  const ses = session.defaultSession;
  // The app needs no camera, microphone, notifications, USB, HID or serial devices: every request is refused.
  ses.setPermissionRequestHandler((_wc, _perm, cb) => cb(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  // A device chooser answered with "none" (the page can never pick a flash drive or a token this way).
  ses.on('select-hid-device', (e, _d, cb) => { e.preventDefault(); cb(null); });
  ses.on('select-serial-port', (e, _ports, _wc, cb) => { e.preventDefault(); cb(''); });
  ses.on('select-usb-device', (e, _d, cb) => { e.preventDefault(); cb(); });
  // No remote content and no file:// pages: only our own app:// files may load.
  ses.webRequest.onBeforeRequest((details, cb) => {
    const ok = details.url.startsWith(`${APP_SCHEME}://`) || (devTools && details.url.startsWith('devtools://')) || details.url.startsWith('data:') || details.url.startsWith('blob:');
    cb({ cancel: !ok });
  });
  ses.webRequest.onHeadersReceived((details, cb) => {
    cb({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } });
  });
}

function registerIpc(workspace: Workspace) {
  ipcMain.handle('opora:call', async (event, msg: unknown) => {
    // Only our own top-level page may call: not a subframe, not another window, not a navigated page.
    const frame = event.senderFrame;
    const trusted = isTrustedSender(
      { fromOurWindow: !!mainWindow && event.sender === mainWindow.webContents, isMainFrame: !!frame && frame === event.sender.mainFrame, frameUrl: frame?.url ?? null },
      rendererUrl,
    );
    if (!trusted) {
      return { ok: false, code: 'forbidden', message: 'Запрос отклонён: неизвестный источник.' };
    }
    const m = (msg ?? {}) as { name?: unknown; input?: unknown };
    return dispatch(workspace, typeof m.name === 'string' ? m.name : '', m.input);
  });
}

function buildMenu(workspace: Workspace) {
  Menu.setApplicationMenu(
    Menu.buildFromTemplate([
      {
        label: 'Файл',
        submenu: [
          { label: 'Открыть папку данных', click: () => void shell.openPath(workspace.dataDir) },
          // A reloaded window asks main to lock first (privacy.state windowOpened), so this shows the lock screen.
          { label: 'Заблокировать', accelerator: 'CmdOrCtrl+L', click: () => mainWindow?.webContents.reload() },
          { type: 'separator' },
          { label: 'Выход', role: 'quit' },
        ],
      },
      { label: 'Правка', submenu: [{ label: 'Отменить', role: 'undo' }, { label: 'Повторить', role: 'redo' }, { type: 'separator' }, { label: 'Вырезать', role: 'cut' }, { label: 'Копировать', role: 'copy' }, { label: 'Вставить', role: 'paste' }, { label: 'Выделить всё', role: 'selectAll' }] },
      { label: 'Вид', submenu: [{ label: 'Обновить', role: 'reload' }, { label: 'Крупнее', role: 'zoomIn' }, { label: 'Мельче', role: 'zoomOut' }, { label: 'Обычный размер', role: 'resetZoom' }, { type: 'separator' }, { label: 'Во весь экран', role: 'togglefullscreen' }] },
      {
        label: 'Справка',
        submenu: [{ label: 'О программе', click: () => void dialog.showMessageBox({ title: 'О программе', message: `Опора ${app.getVersion()}`, detail: 'Поддержка школ с низкими образовательными результатами. Работает без сети.\nОбновление — с флешки: «Настройки» → «Обновление программы».' }) }],
      },
    ]),
  );
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });
  app.enableSandbox();
  void app.whenReady().then(() => {
    const workspace = new Workspace(app.getPath('userData'));
    // exchange: private keys wrapped by the OS secret store; bundles written to a folder the user picks.
    workspace.secretBox = safeStorageBox();
    workspace.pickFolder = async (q) => {
      const r = mainWindow
        ? await dialog.showOpenDialog(mainWindow, { title: q?.title ?? 'Куда записать файл обмена (например, флешка)', properties: ['openDirectory', 'createDirectory'], buttonLabel: q?.buttonLabel ?? 'Записать сюда' })
        : { canceled: true, filePaths: [] };
      return r.canceled ? null : (r.filePaths[0] ?? null);
    };
    workspace.pickFile = async () => {
      const r = mainWindow
        ? await dialog.showOpenDialog(mainWindow, { title: 'Файл рабочего места «Опоры»', properties: ['openFile'], filters: [{ name: 'База данных «Опоры»', extensions: ['sqlite', 'db'] }], buttonLabel: 'Открыть' })
        : { canceled: true, filePaths: [] };
      return r.canceled ? null : (r.filePaths[0] ?? null);
    };
    // Generated documents go to «Документы/Опора» and open with the system's program at once.
    workspace.documentsDir = join(app.getPath('documents'), 'Опора');
    workspace.openPath = async (path, reveal) => {
      if (reveal) {
        shell.showItemInFolder(path);
        return null;
      }
      return (await shell.openPath(path)) || null;
    };
    // An update's installer (Windows) starts from the flash drive once services/update has checked it.
    workspace.update = { startInstaller };
    registerAppProtocol();
    lockDownSession();
    registerIpc(workspace);
    buildMenu(workspace);
    mainWindow = createWindow();
    app.on('before-quit', () => void workspace.close());
  });
  app.on('window-all-closed', () => app.quit());
  app.on('web-contents-created', (_e, contents) => {
    contents.on('will-navigate', (e) => e.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}
