import { afterAll, beforeAll, inject } from 'vitest'
import { createReadStream, existsSync, mkdirSync, statSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { dirname, extname, join, normalize, resolve, sep } from 'node:path'
import { _electron, chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { readFileSync } from 'node:fs'
import type { Locale } from '../../src/shared/i18n/locale'
import { createTestApp, type TestApp } from '../support/services'

export const ROOT = resolve(__dirname, '../..')
export const RENDERER_DIR = join(ROOT, 'out/renderer')
export const ARTIFACTS = join(ROOT, 'tests/artifacts')

declare module 'vitest' {
  export interface ProvidedContext {
    /** Decided by tests/e2e/global-setup.mjs (scripts/test-env.mjs): real Electron, or a Chromium-based browser. */
    e2eBrowser: { mode: 'electron' | 'chromium'; path: string }
  }
}

/** Where the e2e tests run: the real app in Electron when its binary is installed, else Chromium. */
export const E2E = inject('e2eBrowser')
/** The browser executable (Chromium mode) or Electron's binary (Electron mode). */
export const CHROMIUM = E2E.path

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
}

/** Serves the built renderer on loopback (module scripts do not load from file:// in plain Chromium). */
export async function serveRenderer(): Promise<{ url: string; close: () => Promise<void> }> {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
    throw new Error('out/renderer is missing: run `npm run build` first (npm run test:e2e does).')
  }
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname)
    const file = normalize(join(RENDERER_DIR, path === '/' ? 'index.html' : path))
    if (!file.startsWith(RENDERER_DIR + sep) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404).end('not found')
      return
    }
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' })
    createReadStream(file).pipe(response)
  })
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok))
  const { port } = server.address() as AddressInfo
  return { url: `http://127.0.0.1:${port}/index.html`, close: () => new Promise((ok) => server.close(() => ok())) }
}

/**
 * Electron mode: the built app itself (out/main, its real preload and IPC) on the test app's
 * user-data folder, so what a test seeded there (profile, records, settings) is what the app reads.
 * Main's ports are the app's own here: recorded hosts, answered save dialogs and PDFs stood in by
 * the test app do not reach it. Cannot run on the project's development machines (no binary).
 */
async function openElectron(app: TestApp, locale: Locale): Promise<AppPage> {
  const electronApp = await _electron.launch({
    executablePath: E2E.path,
    args: [ROOT, `--user-data-dir=${app.userDataDir}`, `--lang=${locale === 'zh-CN' ? 'zh-CN' : 'en-US'}`],
    env: { ...process.env, ELECTRON_ENABLE_LOGGING: '1' },
  })
  const page = await electronApp.firstWindow()
  await page.waitForLoadState('domcontentloaded')
  const context = electronApp.context()
  // Closing the "context" ends the app, as closing a Chromium context ends that test's page.
  const close = context.close.bind(context)
  context.close = async (options) => {
    await electronApp.close().catch(() => close(options))
  }
  return {
    page,
    context,
    app,
    emit: async () => {
      throw new Error('Electron mode: events come from the app’s own main process')
    },
  }
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  })
}

/**
 * Runs the BUILT preload (out/preload/index.js) in the page, with a stand-in for the two Electron
 * objects it uses: contextBridge puts the bridge on window, ipcRenderer goes through the binding.
 */
export function preloadInitScript(): string {
  const preload = readFileSync(join(ROOT, 'out/preload/index.js'), 'utf8')
  return `(() => {
    const listeners = new Map();
    const electron = {
      contextBridge: { exposeInMainWorld: (key, value) => { Object.defineProperty(window, key, { value, enumerable: true }) } },
      ipcRenderer: {
        invoke: (channel, ...args) => window.__virtlabInvoke(channel, args).then((r) => r.ok ? r.value : Promise.reject(new Error(r.message))),
        on: (event, handler) => { if (!listeners.has(event)) listeners.set(event, new Set()); listeners.get(event).add(handler) },
        removeListener: (event, handler) => { listeners.get(event)?.delete(handler) },
      },
    };
    window.__virtlabDeliver = (event, payload) => { for (const h of listeners.get(event) ?? []) h({}, payload) };
    const require = (name) => { if (name === 'electron') return electron; throw new Error('preload may not require ' + name) };
    const module = { exports: {} };
    (function (require, module, exports) { ${preload} })(require, module, module.exports);
  })();`
}

export interface AppPage {
  readonly page: Page
  readonly context: BrowserContext
  readonly app: TestApp
  /** Sends a main → renderer event, as webContents.send would. */
  emit(event: string, payload: unknown): Promise<void>
}

/**
 * Opens the built renderer with `window.virtlab` built by the same bridge builder as the preload,
 * over a Playwright binding into the REAL main-process router and services.
 */
export async function openApp(
  browser: Browser,
  baseUrl: string,
  options: { locale?: Locale; app?: TestApp; viewport?: { width: number; height: number }; reducedMotion?: 'reduce' | 'no-preference' } = {},
): Promise<AppPage> {
  const locale = options.locale ?? 'zh-CN'
  const app = options.app ?? createTestApp({ systemLocale: locale })
  if (E2E.mode === 'electron') return openElectron(app, locale)
  const context = await browser.newContext({
    locale: locale === 'zh-CN' ? 'zh-CN' : 'en-US',
    viewport: options.viewport ?? { width: 1280, height: 800 },
    // The app honours prefers-reduced-motion (no antd motion, no CSS transitions, no smooth
    // scrolling): every state a test looks at, or photographs, is the finished one.
    reducedMotion: options.reducedMotion ?? 'reduce',
  })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  await page.exposeBinding('__virtlabInvoke', async (_source, channel: string, args: unknown[]) => {
    try {
      return { ok: true, value: await app.router.invoke(channel, args) }
    } catch (error) {
      return { ok: false, message: error instanceof Error ? error.message : String(error) }
    }
  })
  await page.addInitScript(preloadInitScript())
  // Events main sends (webContents.send in the app) reach the page's ipcRenderer listeners.
  const forward = (event: string, payload: unknown): void => {
    void page
      .evaluate(([e, p]) => (window as unknown as { __virtlabDeliver(e: string, p: unknown): void }).__virtlabDeliver(e as string, p), [event, payload] as const)
      .catch(() => undefined)
  }
  app.listeners.add(forward)
  page.on('close', () => app.listeners.delete(forward))
  await page.goto(baseUrl)
  return {
    page,
    context,
    app,
    emit: (event, payload) => page.evaluate(([e, p]) => (window as unknown as { __virtlabDeliver(e: string, p: unknown): void }).__virtlabDeliver(e as string, p), [event, payload] as const),
  }
}

/**
 * Waits until what is on screen is final: web fonts loaded (CJK glyphs swap in late), no CSS
 * transition or animation still running, and two frames painted after that.
 */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await document.fonts.ready
    await Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined)))
    await new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done())))
  })
}

/**
 * A deterministic screenshot in tests/artifacts (`name` may contain a folder, e.g. `shots/x`): taken
 * after {@link settle}, with animations stopped at their end and the text caret hidden. The whole
 * page by default; `fullPage: false` is what a person sees in the window.
 */
export async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<string> {
  const path = join(ARTIFACTS, `${name}.png`)
  mkdirSync(dirname(path), { recursive: true })
  await settle(page)
  await page.screenshot({ path, fullPage: options.fullPage ?? true, animations: 'disabled', caret: 'hide' })
  return path
}

/**
 * Per test file: one loopback server for out/renderer and one Chromium, started before the tests
 * and closed after them. Call at the top level of an e2e test file.
 */
export function useBrowser(): { readonly browser: () => Browser; readonly url: () => string } {
  let browser: Browser | undefined
  let server: { url: string; close: () => Promise<void> } | undefined
  beforeAll(async () => {
    if (E2E.mode === 'electron') return // each openApp launches the app itself
    server = await serveRenderer()
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })
  return {
    browser: () => {
      if (E2E.mode === 'electron') return undefined as unknown as Browser // openApp does not use it then
      if (!browser) throw new Error('Chromium is not running (useBrowser must be called at top level)')
      return browser
    },
    url: () => {
      if (E2E.mode === 'electron') return ''
      if (!server) throw new Error('the renderer server is not running')
      return server.url
    },
  }
}
