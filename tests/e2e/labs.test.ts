import { beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { HostReport } from '../../src/shared/host/report'
import { evaluateStep } from '../../src/shared/labs/evaluate'
import { loadLabs, type LoadedLabs } from '../../src/main/labs/loader'
import { createTestApp, RESOURCES_DIR, type TestApp } from '../support/services'
import { hostCapture, linuxWorkstation, withProbes } from '../support/vmware-evidence'
import { join } from 'node:path'
import { ARTIFACTS, openApp, screenshot, useBrowser } from './harness'

const chromium = useBrowser()

let packs: LoadedLabs
beforeAll(async () => {
  packs = await loadLabs(RESOURCES_DIR)
  expect(packs.problems).toEqual([])
})

const lab = (id: string) => packs.labs.find((l) => l.meta.id === id)!
const spec = (labId: string, stepId: string) => lab(labId).steps.find((s) => s.spec.id === stepId)!.spec
const autoSteps = (labId: string): string[] => lab(labId).steps.filter((s) => s.spec.check.kind === 'auto').map((s) => s.spec.id)

const SIZES = { small: { width: 1280, height: 720 }, large: { width: 1920, height: 1080 } } as const

async function goTo(page: Page, hash: string): Promise<void> {
  await page.evaluate((h) => (window.location.hash = h), hash)
  await page.waitForFunction((h) => window.location.hash === h, hash)
}

async function openStep(page: Page, labId: string, stepId: string): Promise<void> {
  await goTo(page, `#/labs/${labId}/${stepId}`)
  await expect.poll(() => page.getByTestId(`step-${stepId}`).count(), { timeout: 15_000 }).toBe(1)
}

/** Clicks Check and waits for the verdict of this step. */
async function check(page: Page): Promise<boolean> {
  await page.getByTestId('check-button').click()
  const result = page.getByTestId('check-result')
  await expect.poll(() => result.count(), { timeout: 60_000 }).toBe(1)
  // Settled: the lab view has been reloaded and the button is no longer busy.
  await expect.poll(async () => (await page.getByTestId('check-button').getAttribute('class')) ?? '', { timeout: 30_000 }).not.toContain('ant-btn-loading')
  return (await result.getAttribute('data-passed')) === 'true'
}

function realReport(app: TestApp): HostReport {
  const report = app.services.host.lastReport()
  if (!report) throw new Error('no host report yet')
  return report
}

describe('Guided labs in Chromium, against the real inspection of this machine', () => {
  it('lab 0 (zh-CN): every automatic step shows what the host check found here, with the matching troubleshooting', async () => {
    const { page, context, app } = await openApp(chromium.browser(), chromium.url(), { locale: 'zh-CN', viewport: SIZES.small })
    await page.getByTestId('nav-labs').click()
    await expect.poll(() => page.getByTestId('lab-card-host-readiness').count()).toBe(1)
    // Opening a lab resumes at its first unfinished step.
    await page.getByTestId('open-lab-host-readiness').click()
    await page.waitForFunction(() => window.location.hash === '#/labs/host-readiness/run-check')
    await expect.poll(() => page.getByTestId('step-title').textContent()).toBe('运行主机检查')

    // Enter runs the check (the real probes of this machine).
    await page.locator('body').press('Enter')
    await expect.poll(() => page.getByTestId('check-result').count(), { timeout: 60_000 }).toBe(1)
    const report = realReport(app)
    expect(report.source).toBe('live')

    for (const [i, stepId] of autoSteps('host-readiness').entries()) {
      if (i > 0) await openStep(page, 'host-readiness', stepId)
      if (i > 0) await check(page)
      const expected = evaluateStep(spec('host-readiness', stepId), report)
      const result = page.getByTestId('check-result')
      expect(await result.getAttribute('data-passed'), stepId).toBe(String(expected.passed))
      // The host check's own conclusion about THIS machine is the one-sentence reason when its status is not accepted.
      if (!expected.passed && !expected.statusAccepted)
        expect(await page.getByTestId('reason-sentence').textContent(), stepId).toBe(expected.checkSummary?.['zh-CN'])
      expect(await page.getByTestId('step-status').textContent()).toBe(expected.passed ? '已通过' : '未通过')
      for (const entry of spec('host-readiness', stepId).troubleshooting)
        expect(await page.getByTestId(`trouble-${entry.id}`).getAttribute('data-matched'), `${stepId}/${entry.id}`).toBe(String(expected.matchedTroubleshooting.includes(entry.id)))
    }

    // This machine is a KVM guest without VT-x exposed: the CPU step fails and says why.
    const vt = report.checks.find((c) => c.id === 'cpu.vt-extensions')!
    if (report.position.isGuest && vt.status === 'fail') {
      await openStep(page, 'host-readiness', 'cpu-support')
      expect(await check(page)).toBe(false)
      expect(await page.getByTestId('reason-sentence').textContent()).toBe(vt.summary['zh-CN'])
      expect(await page.getByTestId('trouble-running-inside-vm').getAttribute('data-matched')).toBe('true')
      // The matched entry is open: its fix is readable at once.
      await expect.poll(() => page.getByText('嵌套虚拟化').first().isVisible()).toBe(true)
      await page.getByText('原始数据（给老师和想深入了解的同学）').click()
      await expect.poll(() => page.getByTestId('evidence').isVisible()).toBe(true)
      expect(await page.getByTestId('evidence').textContent()).toMatch(/linux\.|cpuinfo|flags/)
    }

    // Keyboard: → / J next, ← / K back.
    await openStep(page, 'host-readiness', 'firmware')
    await page.locator('body').press('ArrowRight')
    await page.waitForFunction(() => window.location.hash === '#/labs/host-readiness/windows-hypervisor')
    await page.locator('body').press('k')
    await page.waitForFunction(() => window.location.hash === '#/labs/host-readiness/firmware')
    await page.locator('body').press('j')
    await page.waitForFunction(() => window.location.hash === '#/labs/host-readiness/windows-hypervisor')
    // Keys faster than the page renders (a loaded laptop, a held key): each moves one step from where
    // the address is, not from the step React last drew. All three land in one task, before any render.
    await page.evaluate(() => {
      for (const key of ['k', 'k', 'j']) document.body.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }))
    })
    await page.waitForFunction(() => window.location.hash === '#/labs/host-readiness/firmware', undefined, { timeout: 5_000 })
    await context.close()
  })

  it('labs 1–4 (en): every automatic check fails here, for the reason VMware’s absence gives', async () => {
    const { page, context, app } = await openApp(chromium.browser(), chromium.url(), { locale: 'en', viewport: SIZES.large })
    await openStep(page, 'install-workstation', 'verify-install')
    expect(await check(page)).toBe(false)
    const report = realReport(app)
    expect(report.checks.find((c) => c.id === 'vmware.installed')!.facts.installed, 'this machine has no VMware').toBe(false)
    // "installed" fails with the machine's own answer, in words.
    expect(await page.getByTestId('actual-installed').textContent()).toBe('This computer: no')
    expect(await page.getByTestId('criterion-installed').getAttribute('data-passed')).toBe('false')
    expect(await page.getByTestId('trouble-not-detected').getAttribute('data-matched')).toBe('true')
    expect(await page.getByTestId('trouble-too-old').getAttribute('data-matched')).toBe('false')

    for (const labId of ['install-workstation', 'network-configuration', 'create-vm', 'install-os'])
      for (const stepId of autoSteps(labId)) {
        await openStep(page, labId, stepId)
        expect(await check(page), `${labId}/${stepId}`).toBe(false)
        const expected = evaluateStep(spec(labId, stepId), report)
        expect(expected.passed).toBe(false)
        expect(expected.statusAccepted, `${labId}/${stepId}: the check itself fails here`).toBe(false)
        const reason = (await page.getByTestId('check-reason').textContent()) ?? ''
        expect(reason, `${labId}/${stepId}`).toContain(expected.checkSummary!.en)
        expect(reason).toMatch(/not installed/)
        for (const c of expected.criteria) expect(await page.getByTestId(`criterion-${c.id}`).getAttribute('data-passed'), `${labId}/${stepId}/${c.id}`).toBe(String(c.passed))
        if (labId === 'create-vm' && stepId === 'verify-vm') expect(await page.getByTestId('element-name').count()).toBe(0)
      }

    // Lab 2's topology uses this machine's VMnets — none here — so it shows labelled examples.
    await openStep(page, 'network-configuration', 'nat-dhcp')
    await expect.poll(() => page.getByTestId('topology').getAttribute('data-example')).toBe('all')
    expect(await page.getByTestId('topology-nat-subnet').textContent()).toContain('192.168.x.0/24')
    expect(await page.getByTestId('topology-nat-example').textContent()).toBe('example addresses')
    expect(await page.getByTestId('topology-note').textContent()).toMatch(/only examples/)
    await check(page)
    await screenshot(page, 'labs-step-topology-en-1920')
    await page.getByTestId('topology').screenshot({ path: join(ARTIFACTS, 'labs-topology-en.png') })
    await context.close()
  })

  it('a manual step confirmed and a quiz answered show as progress in the lab list (zh-CN)', async () => {
    const { page, context, app } = await openApp(chromium.browser(), chromium.url(), { locale: 'zh-CN', viewport: SIZES.small })
    await openStep(page, 'install-workstation', 'get-installer')
    await page.getByTestId('manual-note').fill('用校园网下载，约 10 分钟')
    await page.getByTestId('confirm-button').click()
    await expect.poll(() => page.getByTestId('confirmed').count()).toBe(1)
    expect(await page.getByTestId('step-status').textContent()).toBe('已通过')
    expect(app.services.progress.labProgress()['install-workstation']?.['get-installer']).toMatchObject({ status: 'passed', attempts: 1 })

    // The quiz: right answers from the pack itself.
    await openStep(page, 'install-workstation', 'quiz')
    const quiz = spec('install-workstation', 'quiz').check
    if (quiz.kind !== 'quiz') throw new Error('quiz expected')
    for (const q of quiz.questions) {
      if (q.type === 'single') await page.getByTestId(`option-${q.id}-${q.options.find((o) => o.correct)!.id}`).click()
      if (q.type === 'matching')
        for (const pair of q.pairs) {
          await page.getByTestId(`match-select-${pair.id}`).click()
          await page.locator('.ant-select-item-option', { hasText: pair.right['zh-CN'] }).filter({ visible: true }).click()
          // Let the dropdown close before the next one opens.
          await expect.poll(() => page.locator('.ant-select-dropdown').filter({ visible: true }).count()).toBe(0)
        }
    }
    await page.getByTestId('quiz-submit').click()
    await expect.poll(() => page.getByTestId('quiz-result').getAttribute('data-passed')).toBe('true')
    expect(await page.getByTestId('quiz-result').textContent()).toContain('答对 3/3 题')
    expect(await page.getByTestId('explanation-lab1-build').textContent()).toContain('16.2.5')

    // Back to the list: two of six steps done, and "continue" resumes at the first unfinished one.
    await page.getByTestId('back-to-labs').click()
    await expect.poll(() => page.getByTestId('lab-status-install-workstation').textContent()).toBe('进行中')
    expect(await page.getByTestId('lab-progress-install-workstation').textContent()).toContain('2/6')
    expect(await page.getByTestId('lab-status-host-readiness').textContent()).toBe('未开始')
    await page.getByTestId('open-lab-install-workstation').click()
    await page.waitForFunction(() => window.location.hash === '#/labs/install-workstation/run-installer')
    expect(await page.getByTestId('nav-step-get-installer').getAttribute('data-status')).toBe('passed')
    expect(await page.getByTestId('nav-step-quiz').getAttribute('data-status')).toBe('passed')
    await context.close()
  })

  it('lab 2 on a recorded Linux host with Workstation: checks pass and the topology shows its real subnets (zh-CN)', async () => {
    // The real /etc/vmware networking, nat.conf, dhcpd.conf, lsmod and ip addr of one machine (tests/fixtures/vmware).
    const app = createTestApp({ systemLocale: 'zh-CN', collectHost: async () => withProbes(hostCapture('linux-amd-ryzen7-2700x-baremetal.capture.json'), linuxWorkstation()) })
    const { page, context } = await openApp(chromium.browser(), chromium.url(), { locale: 'zh-CN', app, viewport: SIZES.small })
    await openStep(page, 'network-configuration', 'host-adapters')
    expect(await check(page)).toBe(true)
    expect(await page.getByTestId('actual-vmnet8-dot1').textContent()).toBe('本机：192.168.135.1')
    await openStep(page, 'network-configuration', 'nat-dhcp')
    expect(await check(page)).toBe(true)
    await expect.poll(() => page.getByTestId('topology').getAttribute('data-example')).toBe('none')
    expect(await page.getByTestId('topology-nat-subnet').textContent()).toContain('192.168.135.0/24')
    expect(await page.getByTestId('topology-nat-gateway').textContent()).toContain('192.168.135.2')
    expect(await page.getByTestId('topology-nat-dhcp').textContent()).toContain('192.168.135.128–.254')
    expect(await page.getByTestId('topology-hostonly-subnet').textContent()).toContain('172.16.78.0/24')
    expect(await page.getByTestId('topology-note').textContent()).toContain('地址来自本机的检测结果')
    await page.getByTestId('topology').screenshot({ path: join(ARTIFACTS, 'labs-topology-recorded-zh-CN.png') })
    await screenshot(page, 'labs-step-recorded-zh-CN-1280x720')
    await context.close()
  })

  it.each([
    ['zh-CN', 'small'],
    ['zh-CN', 'large'],
    ['en', 'small'],
    ['en', 'large'],
  ] as const)('screenshots: the lab list and a step, %s at %s size', async (locale, size) => {
    const viewport = SIZES[size]
    const { page, context } = await openApp(chromium.browser(), chromium.url(), { locale, viewport })
    const tag = `${locale}-${viewport.width}x${viewport.height}`
    // Some progress to show: one step confirmed in lab 1.
    await openStep(page, 'install-workstation', 'get-installer')
    await page.getByTestId('confirm-button').click()
    await expect.poll(() => page.getByTestId('confirmed').count()).toBe(1)
    await goTo(page, '#/labs')
    await expect.poll(() => page.getByTestId('lab-card-install-os').count()).toBe(1)
    await screenshot(page, `labs-list-${tag}`)
    await openStep(page, 'host-readiness', 'cpu-support')
    await check(page)
    await screenshot(page, `labs-step-${tag}`)
    if (size === 'small') {
      await openStep(page, 'network-configuration', 'nat-dhcp')
      await page.getByTestId('topology').screenshot({ path: join(ARTIFACTS, `labs-topology-${tag}.png`) })
    }
    // Nothing spills out sideways.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
    expect(overflow).toBeLessThanOrEqual(0)
    await context.close()
  })
})
