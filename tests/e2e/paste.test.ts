import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseCaptureText } from '../../src/main/host/capture-file'
import type { Page } from 'playwright-core'
import { openApp, screenshot, useBrowser } from './harness'
import { assertNoInternals, expandAllChecks } from './internals'

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

  // Realistic pastes, as a student sends them: kvm-ok and `dmesg | grep kvm` pasted together; a vmware.log opened as a file.
  const explainDir = join(__dirname, '../fixtures/explain')
  const kvmPaste = `$ kvm-ok\n${readFileSync(join(explainDir, 'kvm-ok-disabled-by-bios.txt'), 'utf8')}\n$ dmesg | grep kvm\n${readFileSync(join(explainDir, 'dmesg-grep-kvm-disabled-by-bios.txt'), 'utf8')}`
  const vmwareLog = readFileSync(join(explainDir, 'vmware-log-ws17-win11home-ryzen-hyperv-ulm.log'))
  for (const where of ['host', 'teacher'] as const)
    it.each([
      ['zh-CN', { width: 1280, height: 720 }],
      ['zh-CN', { width: 1024, height: 640 }],
      ['en', { width: 1280, height: 720 }],
      ['en', { width: 1024, height: 640 }],
    ] as const)(`${where} page, %s %o: one answer and one next step from a realistic paste, kinds in plain words, no internals`, async (locale, viewport) => {
      const { page, context } = await openApp(chromium.browser(), chromium.url(), { locale, viewport })
      await page.goto(`${chromium.url()}#/${where}`)
      await page.getByTestId('paste-open').click()
      const drawer = page.getByTestId('paste-drawer')
      const tag = `${where}-${locale}-${viewport.width}`

      // kvm-ok + dmesg: firmware switch off.
      await page.getByTestId('paste-text').fill(kvmPaste)
      await page.getByTestId('paste-explain').click()
      await expect.poll(() => drawer.getByTestId('paste-banner').count(), { timeout: 10_000 }).toBe(1)
      expect(await drawer.getByTestId('paste-kind').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')))).toEqual(['kvm-ok', 'dmesg'])
      expect(await drawer.getByTestId('verdict-status').getAttribute('data-verdict')).toBe('action-needed')
      expect(await drawer.getByTestId('check-firmware.vt-enabled').getAttribute('data-status')).toBe('fail')
      // One next step, and it is the firmware switch.
      expect(await drawer.getByTestId('verdict-first-fix').count()).toBe(1)
      expect(await drawer.getByTestId('verdict-first-fix').innerText()).toMatch(locale === 'zh-CN' ? /BIOS|固件/ : /BIOS|firmware/)
      await assertNoInternals(page, `${tag} kvm-ok + dmesg`)
      await shot(page, `paste-kvm-${tag}`)
      expect(await expandAllChecks(page, '[data-testid="paste-drawer"]')).toBeGreaterThan(0)
      expect(await drawer.getByTestId('evidence-source').allInnerTexts()).toEqual(expect.arrayContaining([locale === 'zh-CN' ? 'kvm-ok 的输出' : 'kvm-ok output']))
      await assertNoInternals(page, `${tag} kvm-ok + dmesg, every check open`)
      await drawer.getByTestId('evidence-source').first().scrollIntoViewIfNeeded()
      await shot(page, `paste-kvm-evidence-${tag}`)

      // A vmware.log opened as a file: Hyper-V underneath VMware (ULM), ready with a caveat.
      await page.getByTestId('paste-clear').click()
      await drawer.locator('input[type=file]').setInputFiles({ name: 'vmware.log', mimeType: 'text/plain', buffer: vmwareLog })
      await expect.poll(() => drawer.getByText('vmware.log', { exact: true }).count()).toBeGreaterThan(0)
      await page.getByTestId('paste-explain').click()
      await expect.poll(() => drawer.getByTestId('paste-kind').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind'))), { timeout: 10_000 }).toEqual(['vmware-log'])
      expect(await drawer.getByTestId('verdict-status').getAttribute('data-verdict')).toBe('ready-with-caveats')
      await assertNoInternals(page, `${tag} vmware.log`)
      await shot(page, `paste-vmwarelog-${tag}`)
      expect(await expandAllChecks(page, '[data-testid="paste-drawer"]')).toBeGreaterThan(0)
      expect(await drawer.getByTestId('evidence-source').allInnerTexts()).toEqual(expect.arrayContaining([locale === 'zh-CN' ? 'VMware 日志（vmware.log）' : 'VMware log (vmware.log)']))
      await assertNoInternals(page, `${tag} vmware.log, every check open`)
      await drawer.getByTestId('evidence-source').first().scrollIntoViewIfNeeded()
      await shot(page, `paste-vmwarelog-evidence-${tag}`)
      await context.close()
    })
})

