// Electron main process: one window, locked down (see docs/architecture.md,
// "Electron security"), content from app://quartier/, IPC through the one
// register wrapper, handlers shared with the web mode.
import path from 'node:path';
import { app, BrowserWindow, ipcMain, Menu, session, shell } from 'electron';
import { createMainServices } from '../handlers/create-handlers';
import { registerIpcHandlers } from '../ipc/register';
import { isAllowedExternalUrl } from '../security/urls';
import { electronDialogs } from './dialogs';
import { electronSecretCipher } from './safe-storage';
import { handleAppProtocol, registerAppScheme } from './app-protocol';
import { APP_ENTRY_URL, EXTERNAL_LINK_HOSTS } from './config';

const trustedWebContents = new Set<number>();
let mainWindow: BrowserWindow | null = null;

function openExternalIfAllowed(url: string): void {
  if (isAllowedExternalUrl(url, EXTERNAL_LINK_HOSTS)) {
    shell.openExternal(url).catch((error: unknown) => console.error('Quartier: Link konnte nicht geöffnet werden:', error));
  } else {
    console.warn(`Quartier: Navigation/Link blockiert: ${url.slice(0, 200)}`);
  }
}

/** Applies to every webContents, including any a bug or an attack might create. */
function guardWebContents(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.on('will-navigate', (event, url) => {
      event.preventDefault();
      openExternalIfAllowed(url);
    });
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      openExternalIfAllowed(url);
      return { action: 'deny' };
    });
  });
}

function denyAllPermissions(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
}

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: 'Quartier',
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: path.join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false,
      devTools: !app.isPackaged,
    },
  });
  const id = window.webContents.id;
  trustedWebContents.add(id);
  window.on('closed', () => {
    trustedWebContents.delete(id);
    if (mainWindow === window) mainWindow = null;
  });
  window.once('ready-to-show', () => window.show());
  window.loadURL(APP_ENTRY_URL).catch((error: unknown) => console.error('Quartier: Oberfläche konnte nicht geladen werden:', error));
  return window;
}

async function start(): Promise<void> {
  // All renderers sandboxed, whatever a window's options say.
  app.enableSandbox();
  registerAppScheme();
  guardWebContents();

  // Two instances would write the same IndexedDB and settings; focus the first instead.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });

  await app.whenReady();
  if (app.isPackaged) Menu.setApplicationMenu(null);
  denyAllPermissions();
  handleAppProtocol(path.join(app.getAppPath(), 'dist', 'renderer'));

  const { handlers } = await createMainServices({
    mode: 'electron',
    version: app.getVersion(),
    dataDir: app.getPath('userData'),
    dialogs: electronDialogs(() => mainWindow),
    secretCipher: electronSecretCipher(),
  });
  registerIpcHandlers(ipcMain, handlers, {
    isTrustedWebContents: (id) => trustedWebContents.has(id),
    onInternalError: (channel, error) => console.error(`Quartier: interner Fehler bei ${channel}:`, error),
    onRejectedSender: (channel, url) => console.warn(`Quartier: IPC ${channel} von fremdem Absender abgelehnt (${url ?? 'kein Frame'})`),
  });

  mainWindow = createWindow();
  app.on('window-all-closed', () => app.quit());
}

start().catch((error: unknown) => {
  console.error('Quartier konnte nicht starten:', error);
  app.exit(1);
});
