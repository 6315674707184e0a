import { extname, posix, win32 } from 'node:path'

/**
 * The renderer is served from a privileged custom scheme, `app://app/…`, never from file://: its
 * origin does not depend on where the app is installed (drive-letter case, `%`, spaces), and CSP
 * `'self'` then means the app's own files only, not every file on the disk.
 */
export const APP_SCHEME = 'app'
export const APP_HOST = 'app'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_ENTRY = `${APP_ORIGIN}/index.html`

/** The scheme's privileges (protocol.registerSchemesAsPrivileged): a standard, secure origin. */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true } as const

/** True when `target` is a page of the app: app://app/…, or the dev server's origin in development. */
export function isAppUrl(target: string, devServerUrl?: string): boolean {
  let url: URL
  try {
    url = new URL(target)
  } catch {
    return false
  }
  if (url.protocol === `${APP_SCHEME}:`) return url.host === APP_HOST && url.username === '' && url.password === '' && url.port === ''
  if (!devServerUrl) return false
  try {
    return url.origin === new URL(devServerUrl).origin
  } catch {
    return false
  }
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
}

export function contentTypeOf(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream'
}

/**
 * Maps an app:// request to a file inside the renderer folder, or null: another host, an encoded
 * `..`, a backslash or drive letter smuggled into the path, a NUL — anything that would leave
 * `rendererRoot` — is refused. `pathApi` is the platform's path module (tests pass win32 and posix).
 */
export function resolveAppRequest(requestUrl: string, rendererRoot: string, pathApi: typeof posix | typeof win32 = process.platform === 'win32' ? win32 : posix): string | null {
  let url: URL
  try {
    url = new URL(requestUrl)
  } catch {
    return null
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null
  let path: string
  try {
    path = decodeURIComponent(url.pathname)
  } catch {
    return null
  }
  if (path === '/' || path === '') path = '/index.html'
  if (path.includes('\0') || path.includes('\\') || /(^|\/)\.\.?(\/|$)/.test(path) || /^\/?[a-z]:/i.test(path)) return null
  const root = pathApi.resolve(rendererRoot)
  const file = pathApi.resolve(root, `.${path}`)
  const rel = pathApi.relative(root, file)
  if (rel === '' || rel.startsWith('..') || pathApi.isAbsolute(rel)) return null
  return file
}
