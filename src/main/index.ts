import { app, BrowserWindow, dialog, session, shell } from 'electron'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { localeFromSystem } from '../shared/i18n/locale'
import { contract } from '../shared/ipc/contract'
import { createMainServices } from './app/services'
import { createRouter } from './ipc/router'
import { reportFatal } from './electron/crash-dialog'
import { createElectronLogger } from './electron/electron-logger'
import { hardenSession, hardenWebContents } from './electron/harden'
import { registerIpc } from './electron/ipc-adapter'
import { recordsEdgePorts } from './electron/records-edge'
import { mainWindowOptions } from './electron/window-options'

// The Electron edge: app lifecycle, the window, and the IPC adapter. Everything else is in services.

const logger = createElectronLogger()
process.on('uncaughtException', (error) => void reportFatal(error, logger, logger.file))
process.on('unhandledRejection', (reason) => void reportFatal(reason, logger, logger.file))

if (!app.requestSingleInstanceLock()) {
  // Another copy owns the user-data folder (one writer for the records store).
  app.quit()
} else {
  let window: BrowserWindow | null = null
  app.on('second-instance', () => {
    if (!window) return
    if (window.isMinimized()) window.restore()
    window.focus()
  })
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault())
  })
  app.on('window-all-closed', () => app.quit())

  void app.whenReady().then(() => {
    const rendererHtml = join(__dirname, '../renderer/index.html')
    const appEntry = pathToFileURL(rendererHtml).href
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
        const filters = { json: { name: 'JSON', extensions: ['json'] }, pdf: { name: 'PDF', extensions: ['pdf'] }, csv: { name: 'CSV', extensions: ['csv'] }, xlsx: { name: 'Excel', extensions: ['xlsx'] } }
        const options = { defaultPath: join(app.getPath('documents'), defaultName), filters: [filters[kind]] }
        const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options)
        return result.canceled || !result.filePath ? null : result.filePath
      },
      ...recordsEdgePorts(() => window),
    })
    const router = createRouter(contract, services.handlers, logger)
    registerIpc(router, { appEntry, devServerUrl, logger })
    hardenSession(session.defaultSession)

    window = new BrowserWindow(mainWindowOptions(join(__dirname, '../preload/index.js')))
    hardenWebContents(window.webContents, { appEntry, devServerUrl, logger })
    window.once('ready-to-show', () => window?.show())
    window.on('closed', () => {
      window = null
    })
    if (devServerUrl) void window.loadURL(devServerUrl)
    else void window.loadFile(rendererHtml)
    logger.info(`VirtLab Companion ${app.getVersion()} started`)
  })
}
