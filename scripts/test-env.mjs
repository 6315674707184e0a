// What `npm test` needs from the machine, found (or installed) before anything runs:
//  - the browser for the end-to-end tests: Electron's own binary when it is installed (the e2e
//    tests then launch the real app); else CHROME_PATH; else Chromium, Chrome or Edge at their
//    usual places on Linux, Windows and macOS, or on PATH; on Debian/Ubuntu as root, apt-get
//    installs `chromium`; otherwise one line says what to install.
//  - pdftoppm (poppler-utils: the PDF report as pictures) and a CJK font (Chinese screenshots):
//    installed the same way on Debian/Ubuntu as root; elsewhere their absence is reported and the
//    parts that need them say they were skipped — except under CI, where a missing one fails.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { delimiter, join } from 'node:path'

/**
 * Electron's binary as the `electron` package would report it, without loading that package (which
 * would start a download). Present once Electron has been downloaded, e.g. after a first `npm start`.
 */
export function electronBinary(root) {
  const pkg = join(root, 'node_modules', 'electron')
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH
  let relative
  try {
    relative = readFileSync(join(pkg, 'path.txt'), 'utf8').trim()
  } catch {
    return null
  }
  const binary = override ? join(override, relative) : join(pkg, 'dist', relative)
  return existsSync(binary) ? binary : null
}

function onPath(names) {
  const exts = process.platform === 'win32' ? (process.env.PATHEXT ?? '.EXE').split(';') : ['']
  for (const dir of (process.env.PATH ?? '').split(delimiter).filter(Boolean))
    for (const name of names)
      for (const ext of exts) {
        const candidate = join(dir, name + ext)
        if (existsSync(candidate)) return candidate
      }
  return null
}

/** Chromium, Chrome or Edge where their installers put them. */
export function usualBrowserPaths(platform = process.platform, env = process.env) {
  if (platform === 'win32') {
    const roots = [env.ProgramFiles, env['ProgramFiles(x86)'], env.LOCALAPPDATA].filter(Boolean)
    return roots.flatMap((r) => [
      join(r, 'Google', 'Chrome', 'Application', 'chrome.exe'),
      join(r, 'Chromium', 'Application', 'chrome.exe'),
      join(r, 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
    ])
  }
  if (platform === 'darwin') {
    const apps = ['/Applications', join(env.HOME ?? '/', 'Applications')]
    return apps.flatMap((a) => [
      join(a, 'Google Chrome.app/Contents/MacOS/Google Chrome'),
      join(a, 'Chromium.app/Contents/MacOS/Chromium'),
      join(a, 'Microsoft Edge.app/Contents/MacOS/Microsoft Edge'),
    ])
  }
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/snap/bin/chromium',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/opt/google/chrome/chrome',
    '/usr/bin/microsoft-edge',
    '/usr/bin/microsoft-edge-stable',
    '/opt/microsoft/msedge/msedge',
  ]
}

function findChromium() {
  const configured = process.env.CHROME_PATH
  if (configured) return existsSync(configured) ? configured : null
  return (
    usualBrowserPaths().find((p) => existsSync(p)) ??
    onPath(['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome', 'msedge', 'microsoft-edge'])
  )
}

function hasCjkFont() {
  if (process.platform !== 'linux') return true // Windows and macOS ship CJK fonts
  const list = spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' })
  return list.status === 0 && list.stdout.trim().length > 0
}

function debianRoot() {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false
  try {
    const release = readFileSync('/etc/os-release', 'utf8')
    return /^ID(_LIKE)?=.*\b(debian|ubuntu)\b/m.test(release)
  } catch {
    return false
  }
}

function aptInstall(packages, log) {
  log(`Installing ${packages.join(', ')} with apt-get (Debian/Ubuntu, as root)…`)
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  const update = spawnSync('apt-get', ['update', '-qq'], { stdio: ['ignore', 'ignore', 'inherit'], env })
  const install = update.status === 0 && spawnSync('apt-get', ['install', '-y', '-qq', '--reinstall', '--no-install-recommends', ...packages], { stdio: ['ignore', 'ignore', 'inherit'], env })
  return Boolean(install && install.status === 0)
}

/**
 * Finds what the tests need. Returns { e2e: {mode, path}, env, notes } or { error } (one line).
 * `env` is what the test processes need to know (VIRTLAB_E2E_MODE, VIRTLAB_E2E_BROWSER, …).
 */
export function prepareTestEnvironment(root, log = (line) => process.stdout.write(`${line}\n`)) {
  const ci = Boolean(process.env.CI)
  const forceChromium = process.env.VIRTLAB_E2E === 'chromium'
  const electron = forceChromium ? null : electronBinary(root)
  let browser = electron ? null : findChromium()
  let pdftoppm = onPath(['pdftoppm'])
  let cjk = hasCjkFont()

  // A CHROME_PATH that is wrong is the person's to fix: nothing is installed in its place.
  const wantBrowser = !electron && !browser && !process.env.CHROME_PATH
  const missing = [wantBrowser && 'chromium', !pdftoppm && 'poppler-utils', !cjk && 'fonts-wqy-microhei'].filter(Boolean)
  if (missing.length > 0 && debianRoot()) {
    if (!aptInstall(missing, log)) log(`apt-get could not install ${missing.join(', ')}.`)
    if (!electron) browser = findChromium()
    pdftoppm = onPath(['pdftoppm'])
    cjk = hasCjkFont()
  }

  if (!electron && !browser) {
    const where = process.env.CHROME_PATH ? `CHROME_PATH (${process.env.CHROME_PATH}) does not exist` : 'no Chromium, Chrome or Edge found'
    return {
      error: `npm test needs a browser for its end-to-end tests and ${where}: install Chromium (Debian/Ubuntu: sudo apt-get install chromium), Google Chrome or Microsoft Edge, or set CHROME_PATH to one.`,
    }
  }
  const notes = []
  if (!pdftoppm) notes.push('pdftoppm not found: the exported PDF reports are not turned into pictures (install poppler-utils).')
  if (!cjk) notes.push('no Chinese font found: Chinese screenshots will show boxes (install fonts-wqy-microhei or fonts-noto-cjk).')
  if (ci && notes.length > 0) return { error: `CI needs everything the tests use: ${notes.join(' ')}` }

  const env = { VIRTLAB_E2E_MODE: electron ? 'electron' : 'chromium', VIRTLAB_E2E_BROWSER: electron ?? browser }
  if (!pdftoppm) env.VIRTLAB_NO_PDFTOPPM = '1'
  return { e2e: { mode: env.VIRTLAB_E2E_MODE, path: env.VIRTLAB_E2E_BROWSER }, env, notes }
}
