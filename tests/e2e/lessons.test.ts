import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { Capture, ProbeResult } from '../../src/shared/host/capture'
import type { Locale } from '../../src/shared/i18n/locale'
import type { Question } from '../../src/shared/lessons/lesson'
import { loadLessons } from '../../src/main/lessons/load-lessons'
import { parseCaptureText } from '../../src/main/host/capture-file'
import { createTestApp, RESOURCES_DIR } from '../support/services'
import { ARTIFACTS, openApp, screenshot, useBrowser, type AppPage } from './harness'

const chromium = useBrowser()

const FIXTURES = join(__dirname, '../fixtures')
const ok = (text: string, exitCode?: number): ProbeResult => ({ ok: true, text, ...(exitCode === undefined ? {} : { exitCode }) })
const fixture = (rel: string): string => readFileSync(join(FIXTURES, rel), 'utf8')

/**
 * A Linux PC with an Intel CPU (VT-x and EPT, from a real capture) and VMware Workstation 17.5.2
 * whose networks come from one machine's real config files (VMnet8 192.168.135.0/24, VMnet1 172.16.78.0/24).
 */
function linuxPcWithWorkstation(): Capture {
  const base = parseCaptureText(fixture('captures/linux-intel-core-ultra-baremetal-vmx-flags-line.capture.json'), 'linux-intel')
  const ipAddr = fixture('vmware/commands/ip-addr-linux-host-vmnet1-vmnet8.txt').replace(/192\.168\.202\./g, '192.168.135.').replace(/172\.16\.189\./g, '172.16.78.')
  return {
    ...base,
    probes: {
      ...base.probes,
      'vmware.version': ok(fixture('vmware/commands/vmware-v-linux-17.5.2.txt'), 0),
      'vmware.linux-networking': ok(fixture('vmware/config/linux-etc-vmware-networking')),
      'vmware.nat-conf': ok(fixture('vmware/config/linux-vmnet8-nat.conf')),
      'vmware.dhcp-conf': ok(fixture('vmware/config/linux-vmnet8-dhcpd.conf')),
      'vmware.dhcp-leases': ok(fixture('vmware/config/linux-vmnet8-dhcpd.leases')),
      'linux.modules': ok(fixture('vmware/commands/lsmod-grep-vm-linux.txt')),
      'linux.ip-addr': ok(ipAddr),
    },
  }
}

/** Opens the app on a machine whose host check has already run (so lessons can show its facts). */
async function openWithHostReport(locale: Locale): Promise<AppPage> {
  const app = createTestApp({ systemLocale: locale, collectHost: async () => linuxPcWithWorkstation() })
  await app.router.invoke('host:runCheck', [])
  return openApp(chromium.browser(), chromium.url(), { locale, app, viewport: { width: 1280, height: 900 } })
}

async function openLesson(page: Page, id: string): Promise<void> {
  await page.evaluate((hash) => (window.location.hash = hash), `#/lessons/${id}`)
  await page.getByTestId(`lesson-${id}`).waitFor()
}

/** Moves items with the up buttons until the list reads in `target` order. */
async function putInOrder(page: Page, questionId: string, target: string[]): Promise<void> {
  for (let i = 0; i < target.length; i += 1) {
    const current = await page.getByTestId(`order-${questionId}`).locator('li').evaluateAll((items) => items.map((li) => li.getAttribute('data-testid')!.replace('order-item-', '')))
    const from = current.indexOf(target[i]!)
    for (let k = from; k > i; k -= 1) await page.getByTestId(`order-up-${target[i]}`).click()
  }
}

async function chooseInSelect(page: Page, testId: string, text: string): Promise<void> {
  // A closing dropdown may still cover the next select: wait until none is open.
  await expect.poll(() => page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').count()).toBe(0)
  await page.getByTestId(testId).click()
  // The open dropdown's option with exactly this text (closed dropdowns stay in the DOM, hidden).
  const option = page.locator('.ant-select-item-option').filter({ visible: true }).and(page.getByTitle(text, { exact: true }))
  await option.last().click()
  await expect.poll(() => page.getByTestId(testId).textContent()).toContain(text)
}

/** Answers one question through the UI: right, or (for `wrong`) deliberately wrong. */
async function answer(page: Page, q: Question, locale: Locale, wrong = false): Promise<void> {
  switch (q.type) {
    case 'single': {
      const pick = wrong ? q.options.find((o) => !o.correct)! : q.options.find((o) => o.correct)!
      await page.getByTestId(`option-${q.id}-${pick.id}`).click()
      break
    }
    case 'multiple':
      for (const o of q.options.filter((o) => o.correct)) await page.getByTestId(`option-${q.id}-${o.id}`).click()
      break
    case 'ordering':
      await putInOrder(
        page,
        q.id,
        q.items.map((i) => i.id),
      )
      break
    case 'matching':
      for (const p of q.pairs) await chooseInSelect(page, `match-select-${p.id}`, p.right[locale])
      break
  }
  await page.getByTestId(`check-${q.id}`).click()
  await page.getByTestId(`explanation-${q.id}`).waitFor()
}

describe('lessons in Chromium, bridged to the real main services', async () => {
  const { lessons } = await loadLessons(join(RESOURCES_DIR, 'lessons'))
  const lesson4 = lessons.find((l) => l.meta.id === 'cpu-memory-io')!

  it('opens lesson 4, steps an address through EPT and shadow tables with this PC’s facts, and takes the whole quiz', async () => {
    const { page, context, app } = await openWithHostReport('zh-CN')
    await page.getByTestId('nav-lessons').click()
    await page.getByTestId('lesson-list').waitFor()
    expect(await page.locator('[data-testid^="lesson-card-"]').count()).toBe(8)
    await expect.poll(() => page.getByTestId('lesson-best-cpu-memory-io').textContent()).toBe('尚未测验')
    await page.getByTestId('open-lesson-cpu-memory-io').click()
    await page.getByTestId('lesson-cpu-memory-io').waitFor()
    expect(await page.getByTestId('lesson-title').textContent()).toContain('CPU、内存与 I/O 虚拟化')
    expect(await page.getByTestId('lesson-body').locator('h3').first().textContent()).toBe('CPU 虚拟化的两个关键问题')

    // The diagram: this machine's VT-x and EPT from the host check.
    const machine = page.getByTestId('address-machine')
    await expect.poll(() => machine.textContent()).toContain('Intel EPT')
    expect(await machine.textContent()).toContain('支持')
    expect(await machine.textContent()).toContain('EPT / NPT')
    // Step the address through the two tables.
    await page.getByTestId('address-steps-next').click()
    await page.getByTestId('address-steps-next').click()
    expect(await page.getByTestId('address-step-text').textContent()).toContain('0x08C41A10')
    await page.getByTestId('address-write').click()
    expect(await page.getByTestId('address-traps').textContent()).toContain('0')
    // Shadow page tables: one table, and a trap for every page-table write.
    await page.getByTestId('address-mode').getByText('影子页表（软件）').click()
    await page.getByTestId('address-shadow').waitFor()
    await page.getByTestId('address-steps-next').click()
    expect(await page.getByTestId('address-step-text').textContent()).toContain('影子页表')
    await page.getByTestId('address-write').click()
    await page.getByTestId('address-write').click()
    expect(await page.getByTestId('address-traps').textContent()).toContain('2')
    await page.getByTestId('diagram-address-translation').screenshot({ path: join(ARTIFACTS, 'lesson-cpu-memory-io-diagram-shadow-zh-CN.png') })

    // The quiz: every kind of question, one single-choice answered wrong on purpose.
    const kinds = new Set(lesson4.questions.map((q) => q.type))
    expect(kinds).toEqual(new Set(['single', 'multiple', 'ordering', 'matching']))
    const wrongOne = lesson4.questions.find((q) => q.type === 'single')!
    expect(await page.getByTestId('quiz-submit').isDisabled()).toBe(true)
    for (const q of lesson4.questions) await answer(page, q, 'zh-CN', q.id === wrongOne.id)
    for (const q of lesson4.questions) {
      const card = page.getByTestId(`question-${q.id}`)
      expect(await card.getAttribute('data-state'), q.id).toBe(q.id === wrongOne.id ? 'incorrect' : 'correct')
      expect(await page.getByTestId(`explanation-${q.id}`).textContent()).toContain(q.explanation['zh-CN'].slice(0, 20))
    }
    // The wrong answer shows the right one.
    expect(await page.getByTestId(`question-${wrongOne.id}`).textContent()).toContain('正确答案')
    await page.getByTestId('quiz-submit').click()
    const total = lesson4.questions.length
    await expect.poll(() => page.getByTestId('quiz-score').textContent()).toBe(`测验得分 ${total - 1}/${total}`)
    expect(await page.getByTestId('quiz-best').textContent()).toContain(`${total - 1}/${total}`)
    await page.getByTestId('lesson-quiz').screenshot({ path: join(ARTIFACTS, 'lesson-cpu-memory-io-quiz-zh-CN.png') })

    // Recorded through the real services' progress port.
    const recorded = app.services.progress.quizResults()
    expect(recorded).toHaveLength(1)
    expect(recorded[0]).toMatchObject({ lessonId: 'cpu-memory-io', score: total - 1, total })
    expect(recorded[0]!.answers.filter((a) => !a.correct).map((a) => a.questionId)).toEqual([wrongOne.id])

    // Back on the list the best score shows; retaking gives a fresh quiz.
    await page.getByTestId('lesson-back').click()
    await expect.poll(() => page.getByTestId('lesson-best-cpu-memory-io').textContent()).toBe(`最好成绩 ${total - 1}/${total}`)
    await context.close()
  })

  it('sends a packet through NAT and host-only with this PC’s VMnet subnets', async () => {
    const { page, context } = await openWithHostReport('en')
    await openLesson(page, 'network-virtualization')
    const facts = page.getByTestId('network-facts')
    await expect.poll(() => facts.getAttribute('data-source')).toBe('host')
    expect(await facts.textContent()).toContain('VMnet8: 192.168.135.0/24')
    expect(await facts.textContent()).toContain('NAT gateway 192.168.135.2')
    expect(await facts.textContent()).toContain('VMnet1: 172.16.78.0/24')
    // NAT: the source address is rewritten at the NAT device.
    expect(await page.getByTestId('network-packet').getAttribute('data-src')).toBe('192.168.135.128')
    await page.getByTestId('network-steps-next').click()
    await page.getByTestId('network-steps-next').click()
    expect(await page.getByTestId('network-text').textContent()).toContain('rewrites the source from 192.168.135.128')
    expect(await page.getByTestId('network-packet').getAttribute('data-src')).toBe('10.20.5.31')
    // Host-only: reaches the host adapter, then no way out.
    await page.getByTestId('network-mode').getByText('Host-only (VMnet1)').click()
    for (let i = 0; i < 3; i += 1) await page.getByTestId('network-steps-next').click()
    await page.getByTestId('network-blocked').waitFor()
    expect(await page.getByTestId('network-steps-next').isDisabled()).toBe(true)
    await page.getByTestId('network-mode').getByText('NAT (VMnet8)').click()
    await page.getByTestId('network-steps-next').click()
    await page.getByTestId('network-steps-next').click()
    await context.close()
  })

  it.each(['zh-CN', 'en'] as const)('screenshots two lessons with their diagrams (%s)', async (locale) => {
    const { page, context } = await openWithHostReport(locale)
    await openLesson(page, 'cpu-memory-io')
    await page.getByTestId('address-steps-next').click()
    await page.getByTestId('address-steps-next').click()
    await screenshot(page, `lesson-cpu-memory-io-${locale}`)
    await page.getByTestId('diagram-address-translation').screenshot({ path: join(ARTIFACTS, `lesson-cpu-memory-io-diagram-${locale}.png`) })

    await openLesson(page, 'migration')
    for (let i = 0; i < 3; i += 1) await page.getByTestId('migration-steps-next').click()
    await screenshot(page, `lesson-migration-${locale}`)
    await page.getByTestId('diagram-live-migration').screenshot({ path: join(ARTIFACTS, `lesson-migration-diagram-${locale}.png`) })

    await openLesson(page, 'network-virtualization')
    await page.getByTestId('network-steps-next').click()
    await page.getByTestId('network-steps-next').click()
    await page.getByTestId('diagram-network-modes').screenshot({ path: join(ARTIFACTS, `lesson-network-virtualization-diagram-${locale}.png`) })
    // Nothing spills sideways out of the page.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true)
    await context.close()
  })
})
