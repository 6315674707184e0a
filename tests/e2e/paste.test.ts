import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseCaptureText } from '../../src/main/host/capture-file'
import type { Page } from 'playwright-core'
import { openApp, screenshot, useBrowser } from './harness'

const chromium = useBrowser()

/** The drawer is fixed to the viewport: a viewport screenshot shows what a person sees. */
async function shot(page: Page, name: string): Promise<void> {
  await screenshot(page, name, { fullPage: false })
}
const captures = join(__dirname, '../fixtures/captures')
// A real Chinese systeminfo (a Lenovo laptop, no hypervisor running) and the verdict its capture fixture expects.
const FIXTURE = 'win-zh-lenovo-20fw-ready.capture.json'
const systeminfo = (() => {
  const capture = parseCaptureText(readFileSync(join(captures, FIXTURE), 'utf8'))
  const probe = capture.probes['win.systeminfo']
  return probe?.ok ? probe.text : ''
})()
const expected = (JSON.parse(readFileSync(join(captures, 'manifest.json'), 'utf8')) as { file: string; expected: { verdict: string; checks: Record<string, string> } }[]).find((e) => e.file === FIXTURE)!.expected

describe('paste output / open file on the Host page', () => {
  it.each([
    ['zh-CN', { width: 1280, height: 720 }],
    ['en', { width: 1024, height: 640 }],
    ['zh-CN', { width: 1024, height: 640 }],
    ['en', { width: 1280, height: 720 }],
  ] as const)('%s %o: explains pasted systeminfo and an opened UTF-16 file, marked as pasted output', async (locale, viewport) => {
    const { page, context } = await openApp(chromium.browser(), chromium.url(), { locale, viewport })
    await page.getByTestId('nav-host').click()
    await page.getByTestId('paste-open').click()
    await page.getByTestId('paste-text').fill(`PS C:\\Users\\student> systeminfo\n${systeminfo}`)
    // A file saved by PowerShell 5 redirection: UTF-16 LE with a BOM.
    const kvmOk = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('INFO: /dev/kvm exists\r\nKVM acceleration can be used\r\n', 'utf16le')])
    await page.locator('[data-testid="paste-drawer"] input[type=file]').setInputFiles({ name: 'kvm-ok.txt', mimeType: 'text/plain', buffer: kvmOk })
    await expect.poll(() => page.getByText('kvm-ok.txt').count()).toBeGreaterThan(0)
    await page.getByTestId('paste-explain').click()
    await expect.poll(() => page.getByTestId('paste-banner').count(), { timeout: 10_000 }).toBe(1)
    const kinds = await page.getByTestId('paste-kind').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')))
    expect(kinds).toEqual(expect.arrayContaining(['systeminfo', 'kvm-ok']))
    const drawer = page.getByTestId('paste-drawer')
    expect(await drawer.getByTestId('verdict-status').getAttribute('data-verdict')).toBe(expected.verdict)
    expect(await drawer.getByTestId('check-windows.hypervisor').getAttribute('data-status')).toBe(expected.checks['windows.hypervisor'])
    await shot(page, `paste-${locale}-${viewport.width}`)
    await page.getByTestId('paste-drawer').getByTestId('check-firmware.vt-enabled').scrollIntoViewIfNeeded()
    await shot(page, `paste-checks-${locale}-${viewport.width}`)
    // Nothing recognised: the known kinds are listed.
    await page.getByTestId('paste-clear').click()
    await page.getByTestId('paste-text').fill('hello teacher, my VM does not start')
    await page.getByTestId('paste-explain').click()
    await expect.poll(() => page.getByTestId('paste-nothing').count()).toBe(1)
    expect(await page.getByTestId('paste-nothing').textContent()).toContain('vmware.log')
    await shot(page, `paste-nothing-${locale}-${viewport.width}`)
    await context.close()
  })

  it('is on the teacher page too', async () => {
    const { page, context } = await openApp(chromium.browser(), chromium.url(), { locale: 'zh-CN', viewport: { width: 1280, height: 720 } })
    await page.goto(`${chromium.url()}#/teacher`)
    await page.getByTestId('paste-open').click()
    await page.getByTestId('paste-text').fill('INFO: /dev/kvm does not exist\nHINT:   sudo modprobe kvm_intel\nINFO: Your CPU does not support KVM extensions\nKVM acceleration can NOT be used')
    await page.getByTestId('paste-explain').click()
    await expect.poll(() => page.getByTestId('paste-banner').count(), { timeout: 10_000 }).toBe(1)
    await shot(page, 'paste-teacher-zh-CN')
    await context.close()
  })
})
