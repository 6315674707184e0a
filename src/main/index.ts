import { app, BrowserWindow, dialog, session, shell } from 'electron'
import { join } from 'node:path'
import { localeFromSystem } from '../shared/i18n/locale'
import { contract } from '../shared/ipc/contract'
import { createMainServices } from './app/services'
import { APP_ENTRY } from './ipc/app-origin'
import { createRouter } from './ipc/router'
import { registerAppScheme, serveAppScheme } from './electron/app-protocol'
import { reportFatal } from './electron/crash-dialog'
import { createElectronLogger } from './electron/electron-logger'
import { hardenSession, hardenWebContents } from './electron/harden'
import { registerIpc } from './electron/ipc-adapter'
import { recordsEdgePorts } from './electron/records-edge'
import { mainWindowOptions } from './electron/window-options'
import { createStderrLogger, type Logger } from './logging/logger'

// The Electron edge: app lifecycle, the window, and the IPC adapter. Everything else is in services.

/** The log file; should even the logs folder be unusable, stderr (start-up must not die before its handlers exist). */
function createLogger(): Logger & { readonly file: string } {
  try {
    return createElectronLogger(app.getPath('logs'))
  } catch {
    return { ...createStderrLogger(), file: '(stderr)' }
  }
}
const logger = createLogger()
let window: BrowserWindow | null = null
/** True once the services, IPC and protocol are up: only then can a window be (re)opened. */
let started = false
let exiting = false

/**
 * A failure before the app is up, or with no window to fall back on, ends the process after the
 * dialog: a hidden process would hold the single-instance lock and block every later launch.
 */
function fatal(error: unknown, starting: boolean): void {
  if (exiting) return
  const exit = starting || !started || window === null
  if (exit) exiting = true
  void reportFatal(error, logger, logger.file, { starting })
    .catch(() => undefined)
    .finally(() => {
      if (exit) app.exit(1)
    })
}
process.on('uncaughtException', (error) => fatal(error, false))
process.on('unhandledRejection', (reason) => fatal(reason, false))

// Before `ready`: app:// is a standard, secure origin that serves out/renderer (see ipc/app-origin).
let schemeError: unknown = null
try {
  registerAppScheme()
} catch (error) {
  schemeError = error
}

if (!app.requestSingleInstanceLock()) {
  // Another copy owns the user-data folder (one writer for the records store).
  app.quit()
} else {
  let openWindow: (() => void) | null = null
  app.on('second-instance', () => {
    if (!started || !openWindow) return
    if (!window || window.isDestroyed()) {
      openWindow()
      return
    }
    if (window.isMinimized()) window.restore()
    window.show()
    window.focus()
  })
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault())
  })
  app.on('window-all-closed', () => app.quit())

  app
    .whenReady()
    .then(() => {
      if (schemeError !== null) throw schemeError
      const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL

      const services = createMainServices({
        userDataDir: app.getPath('userData'),
        systemLocale: localeFromSystem(app.getPreferredSystemLanguages()),
        appVersion: app.getVersion(),
        electronVersion: process.versions.electron ?? null,
        logger,
        openExternal: (url) => shell.openExternal(url),
        resourcesDir: app.isPackaged
          ? join(process.resourcesPath, 'app.asar.unpacked', 'resources')
          : join(app.getAppPath(), 'resources'),
        emit: (event, payload) => {
          if (window && !window.isDestroyed()) window.webContents.send(event, payload)
        },
        chooseSavePath: async (defaultName, kind) => {
          const filters = { json: { name: 'JSON', extensions: ['json'] }, pdf: { name: 'PDF', extensions: ['pdf'] }, csv: { name: 'CSV', extensions: ['csv'] } }
          const options = { defaultPath: join(app.getPath('documents'), defaultName), filters: [filters[kind]] }
          const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options)
          return result.canceled || !result.filePath ? null : result.filePath
        },
        ...recordsEdgePorts(() => window),
      })
      if (services.records.store.recovery?.readOnly || services.settings.recovery?.readOnly) {
        logger.warn('Starting with read-only records or settings: the page shows the notice')
      }
      serveAppScheme(join(__dirname, '../renderer'), logger)
      const router = createRouter(contract, services.handlers, logger)
      // Trust is the main window's top frame itself, not a URL or a file path.
      registerIpc(router, { mainFrame: () => (window && !window.isDestroyed() ? window.webContents.mainFrame : null), devServerUrl, logger })
      hardenSession(session.defaultSession)

      openWindow = () => {
        const created = new BrowserWindow(mainWindowOptions(join(__dirname, '../preload/index.js')))
        window = created
        hardenWebContents(created.webContents, { devServerUrl, logger })
        created.once('ready-to-show', () => created.show())
        created.on('closed', () => {
          if (window === created) window = null
        })
        void created.loadURL(devServerUrl ?? APP_ENTRY).catch((error: unknown) => fatal(error, false))
      }
      openWindow()
      started = true
      logger.info(`VirtLab Companion ${app.getVersion()} started`)
    })
    .catch((error: unknown) => fatal(error, true))
}
