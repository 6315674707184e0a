import { mkdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, describe, expect, it } from 'vitest'
import { parseCaptureText } from '../../src/main/host/capture-file'
import type { Locale } from '../../src/shared/i18n/locale'
import { createTestApp, type TestApp } from '../support/services'
import { ARTIFACTS, openApp, screenshot, useBrowser } from './harness'
import { assertNoInternals, expandAllChecks } from './internals'

/**
 * The student's journey, per machine story, in both languages and at two window sizes: Home says
 * where the student is, the verdict card carries the whole next action, VMware items are the labs'
 * to-do list, a failed lab step says one thing and offers one fix, a lab completes with its moment,
 * a quiz is retried. No page state shows a check id, a fact path or a regex literal.
 */

const chromium = useBrowser()
const SHOTS = join(ARTIFACTS, 'shots')
mkdirSync(SHOTS, { recursive: true })
const apps: TestApp[] = []
afterAll(() => {
  for (const app of apps) rmSync(app.userDataDir, { recursive: true, force: true })
})

const STORIES = ['firmware-off', 'hyperv-on', 'ready'] as const
type Story = (typeof STORIES)[number]
const SIZES = [
  { width: 1280, height: 720 },
  { width: 1024, height: 640 },
] as const

function storyApp(story: Story, locale: Locale): TestApp {
  const capture = parseCaptureText(readFileSync(join(__dirname, '../fixtures/stories', `${story}.capture.json`), 'utf8'))
  const app = createTestApp({ systemLocale: locale, collectHost: async () => capture })
  apps.push(app)
  return app
}

/** What the window shows, once settled (tests/e2e/harness.ts). */
async function shot(page: Page, name: string): Promise<void> {
  await screenshot(page, `shots/${name}`, { fullPage: false })
}

async function waitForVerdict(page: Page): Promise<string> {
  const verdict = page.getByTestId('verdict-status')
  await expect.poll(() => verdict.getAttribute('data-verdict'), { timeout: 30_000 }).not.toBe('pending')
  await expect.poll(() => page.getByTestId('verdict-card').getAttribute('data-running'), { timeout: 30_000 }).toBe('false')
  return (await verdict.getAttribute('data-verdict')) ?? ''
}

/** Whether an element's box lies inside the viewport (visible without scrolling). */
async function inViewport(page: Page, testId: string): Promise<boolean> {
  const box = await page.getByTestId(testId).boundingBox()
  const size = page.viewportSize()
  return box !== null && size !== null && box.y >= 0 && box.y + box.height <= size.height
}

const EXPECTED: Record<Story, string> = { 'firmware-off': 'action-needed', 'hyperv-on': 'ready-with-caveats', ready: 'ready' }

describe.each(STORIES)('story %s', (story) => {
  for (const locale of ['zh-CN', 'en'] as const)
    for (const size of SIZES) {
      const tag = `${story}-${locale}-${size.width}x${size.height}`
      it(`${locale} ${size.width}×${size.height}: home, verdict card with the whole fix, VMware to-do rows`, async () => {
        const app = storyApp(story, locale)
        const { page, context } = await openApp(chromium.browser(), chromium.url(), { locale, app, viewport: size })
        // Home before any check: step 1 is the current step.
        await expect.poll(() => page.getByTestId('home-step-host').getAttribute('data-state')).toBe('current')
        await assertNoInternals(page, `${tag} home (new)`)
        await shot(page, `${tag}-1-home-new`)

        await page.getByTestId('nav-host').click()
        expect(await waitForVerdict(page)).toBe(EXPECTED[story])
        await assertNoInternals(page, `${tag} host`)
        await shot(page, `${tag}-2-host`)
        // One primary action under the verdict (antd's solid variant; colours may still be animating here).
        const solid = await page.$$eval('[data-testid="verdict-card"] .verdict-actions .ant-btn-variant-solid', (buttons) => buttons.map((b) => b.textContent))
        expect(solid, 'primary buttons under the verdict').toHaveLength(1)
        // The fix is visible without scrolling.
        if (story !== 'ready') {
          expect(await inViewport(page, 'verdict-first-fix'), 'fix above the fold').toBe(true)
          const fix = await page.getByTestId('verdict-first-fix').innerText()
          if (story === 'firmware-off') {
            expect(fix).toContain(locale === 'zh-CN' ? '联想' : 'Lenovo')
            expect(fix).toMatch(locale === 'zh-CN' ? /F2（部分机型 Fn\+F2 或 Novo 键）/ : /F2 \(on some models Fn\+F2 or the Novo button\)/)
            expect(fix).toContain('Configuration → Intel Virtual Technology')
            // Nothing under the verdict contradicts it: the diagram shows VT off in firmware.
            expect(await page.getByTestId('stack-diagram').innerText()).not.toContain('✓')
          } else {
            expect(fix).toContain(locale === 'zh-CN' ? '内存完整性' : 'Memory integrity')
            expect(await page.getByTestId('next-action-command').innerText()).toContain('bcdedit /set hypervisorlaunchtype off')
            expect(fix).toMatch(locale === 'zh-CN' ? /需要管理员权限[\s\S]*需要重启电脑/ : /Needs administrator rights[\s\S]*Needs a restart/)
            expect(await page.getByTestId('next-action-keep').innerText()).toMatch(/WSL2/)
          }
        } else {
          expect(await inViewport(page, 'verdict-next-lab')).toBe(true)
        }
        // VMware items before Lab 1: neutral "to do", with a link to the lab.
        if (story !== 'hyperv-on') {
          for (const id of ['vmware.installed', 'vmware.services', 'vmware.networks', 'vmware.vms', 'vmware.running'])
            expect(await page.getByTestId(`check-${id}`).getAttribute('data-status')).toBe('todo')
          await page.getByTestId('group-vmware').scrollIntoViewIfNeeded()
          await shot(page, `${tag}-3-host-vmware`)
          expect(await page.getByTestId('todo-link-vmware.installed').getAttribute('href')).toBe('#/labs/install-workstation')
        }
        // Every check open: its raw evidence is named by where it came from, never by a probe id.
        expect(await expandAllChecks(page), 'evidence shown').toBeGreaterThan(5)
        const sources = await page.getByTestId('evidence-source').allInnerTexts()
        if (story === 'firmware-off' || story === 'hyperv-on') expect(sources).toContain(locale === 'zh-CN' ? 'systeminfo 的输出' : 'systeminfo output')
        await assertNoInternals(page, `${tag} host, every check open`)
        await page.getByTestId('evidence-source').first().scrollIntoViewIfNeeded()
        await shot(page, `${tag}-3b-host-evidence`)

        // Home after the check: step 1 is done only for a ready machine; otherwise it carries the fix.
        await page.getByTestId('nav-home').click()
        await expect.poll(() => page.getByTestId('home-step-host').getAttribute('data-state')).toBe(story === 'firmware-off' ? 'blocked' : 'done')
        if (story === 'firmware-off') expect(await page.getByTestId('home-first-fix').innerText()).toContain(locale === 'zh-CN' ? '联想' : 'Lenovo')
        else expect(await page.getByTestId('home-step-labs').getAttribute('data-state')).toBe('current')
        await assertNoInternals(page, `${tag} home (checked)`)
        await shot(page, `${tag}-4-home-checked`)
        await context.close()
      })
    }
})

describe.each(['zh-CN', 'en'] as const)('labs, %s', (locale) => {
  for (const size of SIZES) {
    const tag = `${locale}-${size.width}x${size.height}`
    it(`${size.width}×${size.height}: a failed step says one thing and opens one fix; the Check/Next bar stays in reach`, async () => {
      const app = storyApp('firmware-off', locale)
      const { page, context } = await openApp(chromium.browser(), chromium.url(), { locale, app, viewport: size })
      await page.evaluate(() => (window.location.hash = '#/labs/host-readiness/firmware'))
      await page.getByTestId('step-firmware').waitFor()
      await page.getByTestId('bar-check').click()
      await expect.poll(() => page.getByTestId('check-result').getAttribute('data-passed'), { timeout: 30_000 }).toBe('false')
      const sentence = await page.getByTestId('reason-sentence').innerText()
      expect(sentence.split(/[。.!！]\s*/).filter((s) => s.trim() !== '').length, sentence).toBe(1)
      // The most relevant entry first and open; the others collapsed under "other possible causes".
      const primary = page.getByTestId('trouble-primary')
      expect(await primary.getByTestId('trouble-vt-disabled').count()).toBe(1)
      expect(await page.getByTestId('troubleshooting').innerText()).toContain(locale === 'zh-CN' ? '其他可能的原因' : 'Other possible causes')
      expect(await page.locator('.lab-trouble .ant-collapse-content-active').count()).toBe(0)
      // The bar is in the viewport even at the end of a long step.
      await page.mouse.wheel(0, -5000)
      expect(await inViewport(page, 'lab-nav')).toBe(true)
      await assertNoInternals(page, `${tag} failed step`)
      await shot(page, `labs-${tag}-1-failed-step`)
      // The raw data is one click away, labelled.
      await page.getByText(locale === 'zh-CN' ? '原始数据（给老师和想深入了解的同学）' : 'Raw data (for teachers and the curious)').click()
      await expect.poll(() => page.getByTestId('raw-data').isVisible()).toBe(true)
      await context.close()
    })

    it(`${size.width}×${size.height}: Lab 0 end to end on a ready machine, a quiz retried, the completion moment`, async () => {
      const app = storyApp('ready', locale)
      const { page, context } = await openApp(chromium.browser(), chromium.url(), { locale, app, viewport: size })
      await page.evaluate(() => (window.location.hash = '#/labs/host-readiness/run-check'))
      for (const step of ['run-check', 'cpu-support', 'firmware', 'windows-hypervisor', 'resources']) {
        await page.getByTestId(`step-${step}`).waitFor()
        await page.getByTestId('bar-check').click()
        await expect.poll(() => page.getByTestId(`step-${step}`).getAttribute('data-status'), { timeout: 30_000 }).toBe('passed')
        // Once passed, Next is the primary button.
        expect(await page.getByTestId('next-step').getAttribute('class')).toContain('ant-btn-primary')
        await page.getByTestId('next-step').click()
      }
      await page.getByTestId('step-concept-quiz').waitFor()
      // Two wrong answers: all but at most one must be right, so this fails and shows what was missed.
      await page.getByTestId('option-lab0-no-trap-b').click()
      await page.getByTestId('option-lab0-slat-b').click()
      await page.getByTestId('option-lab0-host-vbs-a').click()
      await page.getByTestId('option-lab0-host-vbs-b').click()
      await page.getByTestId('option-lab0-host-vbs-c').click()
      await page.getByTestId('quiz-submit').click()
      await expect.poll(() => page.getByTestId('quiz-result').getAttribute('data-passed')).toBe('false')
      expect(await page.getByTestId('quiz-missed').locator('li').count()).toBe(2)
      expect(await page.getByTestId('your-answer-b').first().isVisible()).toBe(true)
      await shot(page, `labs-${tag}-2-quiz-judged`)
      await page.getByTestId('quiz-retry-wrong').click()
      await page.getByTestId('option-lab0-no-trap-a').click()
      await page.getByTestId('option-lab0-slat-a').click()
      await page.getByTestId('quiz-submit').click()
      await expect.poll(() => page.getByTestId('quiz-result').getAttribute('data-passed')).toBe('true')
      // The completion moment: what was verified, and the next lab.
      await expect.poll(() => page.getByTestId('lab-complete').isVisible()).toBe(true)
      expect(await page.getByTestId('lab-complete-list').locator('li').count()).toBe(6)
      expect(await page.getByTestId('next-lab').getAttribute('href')).toBe('#/labs/install-workstation')
      await page.getByTestId('lab-complete').scrollIntoViewIfNeeded()
      await assertNoInternals(page, `${tag} lab complete`)
      await shot(page, `labs-${tag}-3-lab-complete`)
      // Home now points at the next lab.
      await page.getByTestId('nav-home').click()
      await expect.poll(() => page.getByTestId('home-next-lab').innerText()).toContain(locale === 'zh-CN' ? '实验 1' : 'Lab 1')
      await shot(page, `labs-${tag}-4-home-next-lab`)
      await context.close()
    })
  }
})

describe.each(['zh-CN', 'en'] as const)('a lesson quiz, %s', (locale) => {
  it('answered state is readable and the explanation links to the lesson section', async () => {
    const app = createTestApp({ systemLocale: locale })
    apps.push(app)
    const { page, context } = await openApp(chromium.browser(), chromium.url(), { locale, app, viewport: { width: 1280, height: 720 } })
    await page.evaluate(() => (window.location.hash = '#/lessons/what-is-virtualization'))
    await page.getByTestId('lesson-quiz').waitFor()
    await page.getByTestId('option-l1-definition-a').click()
    await page.getByTestId('check-l1-definition').click()
    await expect.poll(() => page.getByTestId('question-l1-definition').getAttribute('data-state')).toBe('incorrect')
    expect(await page.getByTestId('right-answer-b').isVisible()).toBe(true)
    expect(await page.getByTestId('review-l1-definition').isVisible()).toBe(true)
    await page.getByTestId('question-l1-definition').scrollIntoViewIfNeeded()
    await shot(page, `lesson-quiz-${locale}-judged`)
    await assertNoInternals(page, `lesson quiz ${locale}`)
    await context.close()
  })
})
