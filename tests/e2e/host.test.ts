import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseCaptureText } from '../../src/main/host/capture-file'
import { openApp, screenshot, useBrowser } from './harness'
import { assertNoInternals, expandAllChecks } from './internals'

const chromium = useBrowser()

const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8')
const flags = new Set((/^flags\s*:\s*(.*)$/m.exec(cpuinfo)?.[1] ?? '').split(/\s+/))
const vt = flags.has('vmx') || flags.has('svm')

describe('Host check page, against the real inspection of this machine', () => {
  it.each(['zh-CN', 'en'] as const)('%s: shows the verdict first, grouped checks, evidence and fixes', async (locale) => {
    const { page, context, app } = await openApp(chromium.browser(), chromium.url(), { locale, viewport: { width: 1440, height: 900 } })
    await page.getByTestId('nav-host').click()
    const verdict = page.getByTestId('verdict-status')
    await expect.poll(() => verdict.getAttribute('data-verdict'), { timeout: 30_000 }).not.toBe('pending')
    const status = await verdict.getAttribute('data-verdict')
    // What this machine shows decides the verdict: a guest without VT-x needs action.
    if (flags.has('hypervisor') && !vt) expect(status).toBe('action-needed')
    expect(await page.getByTestId('check-cpu.vt-extensions').getAttribute('data-status')).toBe(vt ? 'pass' : 'fail')
    expect(await page.getByTestId('check-windows.hypervisor').getAttribute('data-status')).toBe('skip')
    expect(await page.getByTestId('check-vmware.installed').getAttribute('data-status')).toBe('todo')
    for (const group of ['cpu-firmware', 'windows-hypervisor', 'resources', 'vmware', 'other-hypervisors'])
      expect(await page.getByTestId(`group-${group}`).count()).toBe(1)
    // Progress events were sent while probes ran.
    expect(app.events.filter((e) => e.event === 'host:progress').length).toBeGreaterThan(1)
    await page.getByTestId('check-vmware.installed').click()
    await expect.poll(() => page.getByTestId('fix-vmware.installed').isVisible()).toBe(true)
    await page.getByTestId('check-cpu.vt-extensions').click()
    expect(await page.getByTestId('stack-diagram').isVisible()).toBe(true)
    await screenshot(page, `host-${locale}`)
    // Every check open: raw evidence from this machine's own files and commands, each named as a person would.
    expect(await expandAllChecks(page)).toBeGreaterThan(3)
    expect(await page.getByTestId('evidence-source').allInnerTexts()).toContain('/proc/cpuinfo')
    await assertNoInternals(page, `host ${locale}, every check open`)
    await context.close()
  })

  it('re-check shows the first results quickly, then the final report', async () => {
    const { page, context, app } = await openApp(chromium.browser(), chromium.url(), { locale: 'en' })
    await page.getByTestId('nav-host').click()
    await expect.poll(() => page.getByTestId('verdict-status').getAttribute('data-verdict'), { timeout: 30_000 }).not.toBe('pending')
    const before = app.events.length
    await page.getByTestId('host-run').click()
    await expect.poll(() => app.events.length > before, { timeout: 10_000 }).toBe(true)
    await expect.poll(() => page.getByTestId('verdict-status').getAttribute('data-verdict'), { timeout: 30_000 }).not.toBe('pending')
    await context.close()
  })

  it.each([
    ['zh-CN', { width: 1280, height: 720 }],
    ['en', { width: 1024, height: 640 }],
    ['zh-CN', { width: 1024, height: 640 }],
    ['en', { width: 1280, height: 720 }],
  ] as const)('%s %o: saves a redacted diagnostic capture that replays to the same verdict; its toast shows it in its folder', async (locale, viewport) => {
    const { page, context, app } = await openApp(chromium.browser(), chromium.url(), { locale, viewport })
    await page.getByTestId('nav-host').click()
    await expect.poll(() => page.getByTestId('verdict-status').getAttribute('data-verdict'), { timeout: 30_000 }).not.toBe('pending')
    await expect.poll(() => page.getByTestId('verdict-card').getAttribute('data-running'), { timeout: 30_000 }).toBe('false')
    const shown = await page.getByTestId('verdict-status').getAttribute('data-verdict')
    const path = `${app.userDataDir}/student-capture.json`
    app.savePaths.push(path)
    await page.getByTestId('host-save').click()
    // The same toast as every export: the path, and “打开所在文件夹” / “Show in folder”.
    const toast = page.getByTestId('saved-toast')
    await expect.poll(() => toast.count()).toBe(1)
    expect(await toast.innerText()).toContain(locale === 'zh-CN' ? `诊断文件已保存：${path}` : `Capture saved: ${path}`)
    expect(await toast.getByTestId('open-folder').innerText()).toBe(locale === 'zh-CN' ? '打开所在文件夹' : 'Show in folder')
    await screenshot(page, `host-capture-saved-${locale}-${viewport.width}`, { fullPage: false })
    await toast.getByTestId('open-folder').click()
    await expect.poll(() => app.shown).toEqual([path])
    const capture = parseCaptureText(readFileSync(path, 'utf8'))
    expect(capture.redacted).toBe(true)
    expect(capture.platform).toBe(process.platform)
    const { evaluateCapture } = await import('../../src/main/host/evaluate')
    expect(evaluateCapture(capture, { source: 'replay' }).verdict.status).toBe(shown)
    await context.close()
  })
})

describe('a teacher replays a student’s capture in the app', () => {
  it('shows that machine’s report with a banner, and goes back to this computer', async () => {
    const { createTestApp } = await import('../support/services')
    const app = createTestApp({ systemLocale: 'en' })
    await app.services.settings.update({ mode: 'teacher' })
    const { page, context } = await openApp(chromium.browser(), chromium.url(), { locale: 'en', app })
    await page.getByTestId('nav-host').click()
    await expect.poll(() => page.getByTestId('verdict-status').getAttribute('data-verdict'), { timeout: 30_000 }).not.toBe('pending')
    app.openPaths.push([`${__dirname}/../fixtures/captures/win-en-huawei-nblb-hypervisor-detected.capture.json`])
    await page.getByTestId('replay-open').click()
    await expect.poll(() => page.getByTestId('replay-banner').count()).toBe(1)
    expect(await page.getByTestId('verdict-status').getAttribute('data-verdict')).toBe('ready-with-caveats')
    expect(await page.getByTestId('check-windows.hypervisor').getAttribute('data-status')).toBe('warn')
    await screenshot(page, 'host-replay-en')
    await page.getByTestId('replay-back').click()
    expect(await page.getByTestId('check-windows.hypervisor').getAttribute('data-status')).toBe('skip')
    // A file that is not a capture is refused with its reason.
    app.openPaths.push([`${__dirname}/../fixtures/vmware/vmx/centos7-nat-gbk.vmx`])
    await page.getByTestId('replay-open').click()
    await expect.poll(() => page.getByText(/Cannot open the capture/).count()).toBeGreaterThan(0)
    await context.close()
  })
})

describe('a Windows VM from a maker no list names (issue 12)', () => {
  it.each([
    ['zh-CN', { width: 1280, height: 720 }],
    ['en', { width: 1024, height: 640 }],
  ] as const)('is shown as unknown, never ready (%s)', async (locale, viewport) => {
    const { createTestApp } = await import('../support/services')
    const app = createTestApp({ systemLocale: locale })
    await app.services.settings.update({ mode: 'teacher' })
    const { page, context } = await openApp(chromium.browser(), chromium.url(), { locale, app, viewport })
    await page.getByTestId('nav-host').click()
    await expect.poll(() => page.getByTestId('verdict-status').getAttribute('data-verdict'), { timeout: 30_000 }).not.toBe('pending')
    app.openPaths.push([`${__dirname}/../fixtures/handmade/win-unlisted-maker-vdi-hypervisor-present.capture.json`])
    await page.getByTestId('replay-open').click()
    await expect.poll(() => page.getByTestId('replay-banner').count()).toBe(1)
    expect(await page.getByTestId('verdict-status').getAttribute('data-verdict')).toBe('unknown')
    expect(await page.getByTestId('check-host.virtual-machine').getAttribute('data-status')).toBe('unknown')
    expect(await page.getByTestId('check-cpu.vt-extensions').getAttribute('data-status')).toBe('unknown')
    await screenshot(page, `host-unlisted-vm-${locale}-${viewport.width}`)
    await context.close()
  })
})
