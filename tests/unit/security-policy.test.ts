import { describe, expect, it } from 'vitest'
import { isAllowedExternalUrl } from '../../src/shared/app/app-info'
import { posix, win32 } from 'node:path'
import { APP_ENTRY, isAppUrl, resolveAppRequest } from '../../src/main/ipc/app-origin'
import { isTrustedSender } from '../../src/main/ipc/sender-policy'
import { createTestApp } from '../support/services'

describe('IPC sender policy (frame identity)', () => {
  const frame = { name: 'main frame' }
  const trusted = { mainFrame: () => frame }
  it('trusts only the main window\'s top frame, while it shows the app', () => {
    expect(isTrustedSender({ frame, url: `${APP_ENTRY}#/labs` }, trusted)).toBe(true)
    expect(isTrustedSender({ frame: { name: 'iframe' }, url: APP_ENTRY }, trusted)).toBe(false)
    expect(isTrustedSender({ frame: null, url: APP_ENTRY }, trusted)).toBe(false)
    expect(isTrustedSender({ frame, url: 'file:///tmp/evil.html' }, trusted)).toBe(false)
    expect(isTrustedSender({ frame, url: 'https://example.com/' }, trusted)).toBe(false)
    expect(isTrustedSender({ frame, url: 'app://other/index.html' }, trusted)).toBe(false)
    expect(isTrustedSender({ frame, url: 'app://user@app/index.html' }, trusted)).toBe(false)
    expect(isTrustedSender({ frame, url: '' }, trusted)).toBe(false)
    expect(isTrustedSender({ frame, url: APP_ENTRY }, { mainFrame: () => null })).toBe(false)
  })
  it('trusts the dev server origin only when one is configured', () => {
    const dev = 'http://localhost:5173/'
    expect(isTrustedSender({ frame, url: 'http://localhost:5173/#/host' }, { ...trusted, devServerUrl: dev })).toBe(true)
    expect(isTrustedSender({ frame, url: 'http://localhost:5174/' }, { ...trusted, devServerUrl: dev })).toBe(false)
    expect(isTrustedSender({ frame, url: 'http://localhost:5173/' }, trusted)).toBe(false)
  })
})

describe('app:// serves out/renderer only, wherever the app is installed', () => {
  // Chromium upper-cases a drive letter in file URLs and Node keeps it; with app:// neither matters.
  it.each([
    ['c:\\users\\stu\\virtlab\\resources\\app.asar\\out\\renderer'],
    ['C:\\Users\\Stu\\VirtLab\\resources\\app.asar\\out\\renderer'],
    ['D:\\课程 100%\\VirtLab%20x\\out\\renderer'],
  ])('Windows root %s', (root) => {
    expect(resolveAppRequest('app://app/index.html', root, win32)).toBe(win32.join(root, 'index.html'))
    expect(resolveAppRequest('app://app/', root, win32)).toBe(win32.join(root, 'index.html'))
    expect(resolveAppRequest('app://app/assets/index-AbC.js', root, win32)).toBe(win32.join(root, 'assets', 'index-AbC.js'))
    expect(resolveAppRequest('app://app/assets/a%20b%25.css', root, win32)).toBe(win32.join(root, 'assets', 'a b%.css'))
    // The URL parser folds `%2e%2e/` segments back inside the origin: whatever it gives stays under the root.
    for (const folded of ['app://app/%2e%2e/%2e%2e/secret.txt', 'app://app/assets/../../../x.js']) {
      expect(resolveAppRequest(folded, root, win32)).toBe(win32.join(root, folded.endsWith('x.js') ? 'x.js' : 'secret.txt'))
    }
    for (const bad of [
      'app://app/..%5c..%5cwindows%5cwin.ini',
      'app://app/assets/%2e%2e%2f%2e%2e%2fsecret',
      'app://app/C:%5cWindows%5cwin.ini',
      'app://app/c:/Windows/win.ini',
      'app://app/%5c%5cevil-host%5cshare%5cx.js',
      'app://app/index.html%00.js',
      'app://app/%E0%A4%A',
      'app://other/index.html',
      'file:///C:/Windows/win.ini',
    ]) {
      expect(resolveAppRequest(bad, root, win32), bad).toBeNull()
    }
    // The trusted URL is the same whatever the root looks like.
    expect(isTrustedSender({ frame: root, url: APP_ENTRY }, { mainFrame: () => root })).toBe(true)
  })

  it('POSIX roots with % and spaces', () => {
    const root = '/opt/Virt Lab 100%/resources/app.asar/out/renderer'
    expect(resolveAppRequest('app://app/index.html', root, posix)).toBe(`${root}/index.html`)
    expect(resolveAppRequest('app://app/%2e%2e/%2e%2e/etc/passwd', root, posix)).toBe(`${root}/etc/passwd`)
    expect(resolveAppRequest('app://app/..%2f..%2fetc%2fpasswd', root, posix)).toBeNull()
    expect(resolveAppRequest('app://app/assets/%2e%2e%2f..%2fx', root, posix)).toBeNull()
  })

  it('app pages are app://app only', () => {
    expect(isAppUrl('app://app/index.html#/labs')).toBe(true)
    expect(isAppUrl('file:///opt/VirtLab/out/renderer/index.html')).toBe(false)
    expect(isAppUrl('app://app:81/index.html')).toBe(false)
    expect(isAppUrl('http://127.0.0.1:5173/', 'http://127.0.0.1:5173/')).toBe(true)
  })
})

describe('external links', () => {
  it('allows only https links to allowlisted hosts', () => {
    expect(isAllowedExternalUrl('https://support.broadcom.com/group/ecx/downloads')).toBe(true)
    expect(isAllowedExternalUrl('http://support.broadcom.com/')).toBe(false)
    expect(isAllowedExternalUrl('https://support.broadcom.com.evil.example/')).toBe(false)
    expect(isAllowedExternalUrl('https://user:pw@support.broadcom.com/')).toBe(false)
    expect(isAllowedExternalUrl('https://support.broadcom.com:8443/')).toBe(false)
    expect(isAllowedExternalUrl('file:///etc/passwd')).toBe(false)
    expect(isAllowedExternalUrl('javascript:alert(1)')).toBe(false)
    expect(isAllowedExternalUrl('not a url')).toBe(false)
  })
  it('the app service opens allowed links and refuses others', async () => {
    const { router, opened } = createTestApp()
    expect(await router.invoke('app:openExternal', ['https://learn.microsoft.com/windows/'])).toBe(true)
    expect(await router.invoke('app:openExternal', ['https://evil.example/'])).toBe(false)
    expect(opened).toEqual(['https://learn.microsoft.com/windows/'])
  })
})
