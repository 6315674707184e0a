import { describe, expect, it, vi, beforeEach } from 'vitest'

// The real electron module is never loaded in tests: the edge files get this stand-in.
const exposed: Record<string, unknown> = {}
const handlers = new Map<string, (...args: unknown[]) => unknown>()
const openExternal = vi.fn(async () => undefined)
const showMessageBox = vi.fn(async () => ({ response: 0 }))
const writeText = vi.fn()
vi.mock('electron', () => ({
  shell: { openExternal },
  dialog: { showMessageBox },
  clipboard: { writeText },
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => (exposed[key] = value) },
  ipcRenderer: { invoke: vi.fn(async () => 'ok'), on: vi.fn(), removeListener: vi.fn() },
  ipcMain: {
    handle: (channel: string, fn: (...args: unknown[]) => unknown) => handlers.set(channel, fn),
    removeHandler: (channel: string) => handlers.delete(channel),
  },
}))

beforeEach(() => {
  openExternal.mockClear()
})

describe('window options', () => {
  it('follow the security checklist', async () => {
    const { mainWindowOptions } = await import('../../src/main/electron/window-options')
    const prefs = mainWindowOptions('/app/out/preload/index.js').webPreferences!
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    })
  })
})

describe('preload', () => {
  it('exposes only window.virtlab with named functions from the contract', async () => {
    await import('../../src/preload/index')
    expect(Object.keys(exposed)).toEqual(['virtlab'])
    const api = exposed.virtlab as Record<string, Record<string, unknown>>
    const { CHANNELS } = await import('../../src/shared/ipc/channels')
    expect(Object.keys(api).sort()).toEqual([...Object.keys(CHANNELS), 'on'].sort())
    for (const [ns, methods] of Object.entries(CHANNELS)) {
      expect(Object.keys(api[ns]!).sort(), ns).toEqual([...methods].sort())
      expect(Object.values(api[ns]!).every((f) => typeof f === 'function')).toBe(true)
    }
    expect(Object.keys(api.app!).sort()).toEqual(['info', 'openExternal', 'reportError'])
    expect(() => (api.on as unknown as (e: string, l: () => void) => void)('ipc:anything', () => undefined)).toThrow(/Unknown event/)
  })
})

describe('web contents hardening', () => {
  it('denies window.open, opens only allowlisted https links, blocks navigation away', async () => {
    const { hardenWebContents } = await import('../../src/main/electron/harden')
    const { createMemoryLogger } = await import('../../src/main/logging/logger')
    const events = new Map<string, (event: { preventDefault(): void }, url: string) => void>()
    let windowOpen: ((details: { url: string }) => { action: string }) | undefined
    const contents = {
      setWindowOpenHandler: (fn: typeof windowOpen) => (windowOpen = fn),
      on: (name: string, fn: (event: { preventDefault(): void }, url: string) => void) => events.set(name, fn),
    }
    const appEntry = 'app://app/index.html'
    hardenWebContents(contents as never, { logger: createMemoryLogger() })

    expect(windowOpen!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' })
    expect(windowOpen!({ url: 'https://learn.microsoft.com/x' })).toEqual({ action: 'deny' })
    expect(openExternal).toHaveBeenCalledTimes(1)
    expect(openExternal).toHaveBeenCalledWith('https://learn.microsoft.com/x')

    const navigate = (url: string): boolean => {
      const preventDefault = vi.fn()
      events.get('will-navigate')!({ preventDefault }, url)
      return preventDefault.mock.calls.length === 0
    }
    expect(navigate(`${appEntry}#/labs`)).toBe(true)
    expect(navigate('https://evil.example/')).toBe(false)
    expect(navigate('file:///etc/passwd')).toBe(false)
    expect(navigate('file:///app/out/renderer/index.html')).toBe(false)
    expect(navigate('app://evil/index.html')).toBe(false)
    const attach = vi.fn()
    events.get('will-attach-webview')!({ preventDefault: attach }, '')
    expect(attach).toHaveBeenCalled()
  })

  it('the IPC adapter answers only the main window\'s top frame while it shows the app', async () => {
    const { registerIpc } = await import('../../src/main/electron/ipc-adapter')
    const { createTestApp } = await import('../support/services')
    const { router, logger } = createTestApp()
    const mainFrame = { url: 'app://app/index.html#/labs' }
    let current: object | null = mainFrame
    registerIpc(router, { mainFrame: () => current, logger })
    const call = (frame: { url: string } | null) => handlers.get('app:info')!({ senderFrame: frame, sender: {} })
    await expect(call(mainFrame)).resolves.toMatchObject({ name: 'VirtLab Companion' })
    // An iframe or another window showing the same URL is not the main frame.
    await expect(call({ url: 'app://app/index.html' })).rejects.toThrow(/forbidden-sender/)
    await expect(call(null)).rejects.toThrow(/forbidden-sender/)
    // The main frame after navigating elsewhere keeps its identity but not its trust.
    mainFrame.url = 'https://evil.example/'
    await expect(call(mainFrame)).rejects.toThrow(/forbidden-sender/)
    mainFrame.url = 'app://app/index.html'
    current = null
    await expect(call(mainFrame)).rejects.toThrow(/forbidden-sender/)
    expect(logger.lines.some((l) => l.includes('refused call'))).toBe(true)
  })
})

describe('session hardening', () => {
  it('denies every permission request and check, and blocks downloads', async () => {
    const { hardenSession } = await import('../../src/main/electron/harden')
    let request: ((wc: unknown, permission: string, cb: (ok: boolean) => void) => void) | undefined
    let check: ((...args: unknown[]) => boolean) | undefined
    let download: ((event: { preventDefault(): void }) => void) | undefined
    hardenSession({
      setPermissionRequestHandler: (fn: typeof request) => (request = fn),
      setPermissionCheckHandler: (fn: typeof check) => (check = fn),
      on: (_name: string, fn: typeof download) => (download = fn),
    } as never)
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const answer = vi.fn()
      request!({}, permission, answer)
      expect(answer).toHaveBeenCalledWith(false)
    }
    expect(check!({}, 'media')).toBe(false)
    const preventDefault = vi.fn()
    download!({ preventDefault })
    expect(preventDefault).toHaveBeenCalled()
  })
})

describe('crash dialog', () => {
  it('logs an uncaught main error and shows it with copyable details', async () => {
    const { reportFatal } = await import('../../src/main/electron/crash-dialog')
    const { createMemoryLogger } = await import('../../src/main/logging/logger')
    const logger = createMemoryLogger()
    await reportFatal(new Error('disk on fire'), logger, '/logs/main.log')
    expect(logger.lines.some((l) => l.includes('[error]') && l.includes('disk on fire'))).toBe(true)
    expect(showMessageBox).toHaveBeenCalledWith(expect.objectContaining({ type: 'error', detail: expect.stringContaining('disk on fire') }))
    // The student pressed "Copy details".
    expect(writeText).toHaveBeenCalledWith(expect.stringContaining('/logs/main.log'))
  })
})
