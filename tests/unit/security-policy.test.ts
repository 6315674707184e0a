import { describe, expect, it } from 'vitest'
import { isAllowedExternalUrl } from '../../src/shared/app/app-info'
import { isTrustedSender } from '../../src/main/ipc/sender-policy'
import { createTestApp } from '../support/services'

const entry = 'file:///opt/VirtLab/resources/app.asar/out/renderer/index.html'

describe('IPC sender policy', () => {
  it('trusts only the app page in the top frame', () => {
    expect(isTrustedSender({ url: `${entry}#/labs`, isMainFrame: true }, entry)).toBe(true)
    expect(isTrustedSender({ url: entry, isMainFrame: false }, entry)).toBe(false)
    expect(isTrustedSender({ url: 'file:///tmp/evil.html', isMainFrame: true }, entry)).toBe(false)
    expect(isTrustedSender({ url: 'https://example.com/', isMainFrame: true }, entry)).toBe(false)
    expect(isTrustedSender({ url: '', isMainFrame: true }, entry)).toBe(false)
  })
  it('trusts the dev server origin only when one is configured', () => {
    const dev = 'http://localhost:5173/'
    expect(isTrustedSender({ url: 'http://localhost:5173/#/host', isMainFrame: true }, entry, dev)).toBe(true)
    expect(isTrustedSender({ url: 'http://localhost:5174/', isMainFrame: true }, entry, dev)).toBe(false)
    expect(isTrustedSender({ url: 'http://localhost:5173/', isMainFrame: true }, entry)).toBe(false)
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
