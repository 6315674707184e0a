import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

// A recording stand-in for `electron`: src/main/index.ts runs against it as it would in the app.
const fake = vi.hoisted(() => {
  type Fn = (...args: unknown[]) => unknown
  const listeners = new Map<string, Fn[]>()
  const state = {
    paths: {} as Record<string, string>,
    failWindow: false,
    windows: [] as FakeWindow[],
    exitCodes: [] as number[],
    quits: 0,
    dialogs: [] as { message: string; detail: string }[],
    schemes: [] as unknown[],
    protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
    ipc: new Map<string, Fn>(),
    ipcOn: [] as string[],
    emit(event: string, ...args: unknown[]) {
      for (const fn of listeners.get(event) ?? []) fn(...args)
    },
    reset() {
      listeners.clear()
      state.windows = []
      state.exitCodes = []
      state.quits = 0
      state.dialogs = []
      state.schemes = []
      state.protocolHandlers.clear()
      state.ipc.clear()
      state.ipcOn = []
      state.failWindow = false
    },
  }
  class FakeWindow {
    private readonly events = new Map<string, Fn[]>()
    destroyed = false
    loaded: string[] = []
    readonly webContents = {
      mainFrame: { url: '' },
      send: () => undefined,
      setWindowOpenHandler: () => undefined,
      on: () => undefined,
    }
    constructor() {
      if (state.failWindow) throw new Error('GPU process gone')
      state.windows.push(this)
    }
    once(event: string, fn: Fn) {
      this.on(event, fn)
    }
    on(event: string, fn: Fn) {
      this.events.set(event, [...(this.events.get(event) ?? []), fn])
    }
    loadURL(url: string) {
      this.loaded.push(url)
      this.webContents.mainFrame.url = url
      return Promise.resolve()
    }
    isDestroyed() {
      return this.destroyed
    }
    isMinimized() {
      return false
    }
    restore() {}
    show() {}
    focus() {}
    close() {
      this.destroyed = true
      for (const fn of this.events.get('closed') ?? []) fn()
    }
  }
  const app = {
    on: (event: string, fn: Fn) => listeners.set(event, [...(listeners.get(event) ?? []), fn]),
    getPath: (name: string) => state.paths[name] ?? join(state.paths.userData ?? '/nonexistent', name),
    requestSingleInstanceLock: () => true,
    quit: () => (state.quits += 1),
    exit: (code: number) => state.exitCodes.push(code),
    whenReady: () => Promise.resolve(),
    isPackaged: false,
    getVersion: () => '0.1.0',
    getPreferredSystemLanguages: () => ['zh-CN'],
    getAppPath: () => process.cwd(),
  }
  function join(...parts: string[]): string {
    return parts.join('/')
  }
  return { state, FakeWindow, app }
})

vi.mock('electron', () => ({
  app: fake.app,
  BrowserWindow: fake.FakeWindow,
  dialog: {
    showMessageBox: async (options: { message: string; detail: string }) => {
      fake.state.dialogs.push(options)
      return { response: 1 }
    },
    showSaveDialog: async () => ({ canceled: true }),
    showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
  },
  clipboard: { writeText: () => undefined },
  shell: { openExternal: async () => undefined },
  session: { defaultSession: { setPermissionRequestHandler: () => undefined, setPermissionCheckHandler: () => undefined, on: () => undefined } },
  protocol: {
    registerSchemesAsPrivileged: (schemes: unknown[]) => fake.state.schemes.push(...schemes),
    handle: (scheme: string, fn: (request: Request) => Promise<Response>) => fake.state.protocolHandlers.set(scheme, fn),
  },
  ipcMain: {
    handle: (channel: string, fn: (...args: unknown[]) => unknown) => fake.state.ipc.set(channel, fn),
    removeHandler: (channel: string) => fake.state.ipc.delete(channel),
    on: (channel: string) => fake.state.ipcOn.push(channel),
  },
}))

const dirs: string[] = []
let processListeners: { uncaught: NodeJS.UncaughtExceptionListener[]; rejection: NodeJS.UnhandledRejectionListener[] }

beforeEach(() => {
  fake.state.reset()
  vi.resetModules()
  processListeners = { uncaught: process.listeners('uncaughtException'), rejection: process.listeners('unhandledRejection') }
  const dir = mkdtempSync(join(tmpdir(), 'virtlab-lifecycle-'))
  dirs.push(dir)
  fake.state.paths = { userData: join(dir, 'userData'), logs: join(dir, 'logs'), documents: dir }
})

afterEach(() => {
  // index.ts installs process-wide handlers; take them off again.
  for (const l of process.listeners('uncaughtException')) if (!processListeners.uncaught.includes(l)) process.off('uncaughtException', l)
  for (const l of process.listeners('unhandledRejection')) if (!processListeners.rejection.includes(l)) process.off('unhandledRejection', l)
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

async function start(): Promise<void> {
  await import('../../src/main/index')
}

describe('the Electron edge starts', () => {
  it('serves the renderer from app:// and checks IPC by frame, with no electron-log channel', async () => {
    await start()
    await vi.waitFor(() => expect(fake.state.windows).toHaveLength(1))
    expect(fake.state.windows[0]!.loaded).toEqual(['app://app/index.html'])
    expect(fake.state.schemes).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }])
    expect([...fake.state.ipc.keys()].some((c) => c.includes('ELECTRON_LOG'))).toBe(false)
    expect(fake.state.ipcOn.some((c) => c.includes('ELECTRON_LOG'))).toBe(false)

    const serve = fake.state.protocolHandlers.get('app')!
    const page = await serve(new Request('app://app/index.html'))
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toMatch(/text\/html/)
    expect(await page.text()).toContain('Content-Security-Policy')
    expect((await serve(new Request('app://app/..%2fmain%2findex.ts'))).status).toBe(404)
    expect((await serve(new Request('app://app/no-such-file.js'))).status).toBe(404)

    const info = fake.state.ipc.get('app:info')!
    const mainFrame = fake.state.windows[0]!.webContents.mainFrame
    await expect(info({ senderFrame: mainFrame })).resolves.toMatchObject({ name: 'VirtLab Companion' })
    await expect(info({ senderFrame: { url: 'app://app/index.html' } })).rejects.toThrow(/forbidden-sender/)
    expect(fake.state.exitCodes).toEqual([])
  })

  it.each([
    ['settings.json is a folder', (userData: string) => mkdirSync(join(userData, 'settings.json'), { recursive: true })],
    ['records.json is a folder', (userData: string) => mkdirSync(join(userData, 'records.json'), { recursive: true })],
    ['userData is a file', (userData: string) => writeFileSync(userData, 'x')],
  ])('when %s: opens the window (with the notice) instead of dying hidden', async (_name, arrange) => {
    arrange(fake.state.paths.userData!)
    await start()
    await vi.waitFor(() => expect(fake.state.windows).toHaveLength(1))
    expect(fake.state.dialogs).toEqual([])
    expect(fake.state.exitCodes).toEqual([])
  })

  it('a start-up failure is logged, shown, and the process exits (no hidden process holding the lock)', async () => {
    fake.state.failWindow = true
    await start()
    await vi.waitFor(() => expect(fake.state.exitCodes).toEqual([1]))
    expect(fake.state.dialogs).toHaveLength(1)
    expect(fake.state.dialogs[0]!.message).toMatch(/无法启动.*could not start/)
    expect(fake.state.dialogs[0]!.detail).toMatch(/GPU process gone/)
  })

  it('a second launch opens a window when the first one has none', async () => {
    await start()
    await vi.waitFor(() => expect(fake.state.windows).toHaveLength(1))
    fake.state.windows[0]!.close()
    fake.state.emit('second-instance')
    expect(fake.state.windows).toHaveLength(2)
    expect(fake.state.windows[1]!.loaded).toEqual(['app://app/index.html'])
    // With a window open, a second launch just brings it forward.
    fake.state.emit('second-instance')
    expect(fake.state.windows).toHaveLength(2)
  })
})
