import { chmodSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { electronBinary, usualBrowserPaths } from '../../scripts/test-env.mjs'
import { tempDir } from '../support/temp'

// How `npm test` picks where the e2e tests run (scripts/test-env.mjs).
describe('npm test: the e2e browser', () => {
  it('uses Electron only once its binary is really there (path.txt written, file present)', () => {
    const root = tempDir('virtlab-electron-')
    const pkg = join(root, 'node_modules', 'electron')
    mkdirSync(join(pkg, 'dist'), { recursive: true })
    expect(electronBinary(root), 'nothing downloaded yet').toBeNull()
    writeFileSync(join(pkg, 'path.txt'), 'electron')
    expect(electronBinary(root), 'path.txt but no binary').toBeNull()
    writeFileSync(join(pkg, 'dist', 'electron'), '')
    chmodSync(join(pkg, 'dist', 'electron'), 0o755)
    expect(electronBinary(root)).toBe(join(pkg, 'dist', 'electron'))
  })

  it('knows where Chromium, Chrome and Edge are installed on each platform', () => {
    expect(usualBrowserPaths('linux')).toContain('/usr/bin/chromium')
    expect(usualBrowserPaths('linux')).toContain('/usr/bin/google-chrome')
    const win = usualBrowserPaths('win32', { ProgramFiles: 'C:\\Program Files', 'ProgramFiles(x86)': 'C:\\Program Files (x86)', LOCALAPPDATA: 'C:\\Users\\s\\AppData\\Local' })
    expect(win.some((p) => p.includes('Google') && p.endsWith('chrome.exe'))).toBe(true)
    expect(win.some((p) => p.includes('Edge') && p.endsWith('msedge.exe'))).toBe(true)
    const mac = usualBrowserPaths('darwin', { HOME: '/Users/s' })
    expect(mac).toContain('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome')
    expect(mac).toContain('/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge')
  })
})
