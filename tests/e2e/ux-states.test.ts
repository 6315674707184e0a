import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { REPORTS_DIR } from '../support/records'
import { createTestApp } from '../support/services'
import { openApp, screenshot, useBrowser } from './harness'
import { assertNoInternals } from './internals'

/**
 * The states the UX polish touched, in both languages at both laptop sizes: the lab list (whole
 * summaries), a lesson (its outline), and a student's report in the teacher view with its raw
 * evidence named by source. Screenshots go to tests/artifacts/shots/ux-*.
 */
const chromium = useBrowser()

async function goTo(page: Page, hash: string): Promise<void> {
  await page.evaluate((h) => (window.location.hash = h), hash)
  await page.waitForFunction((h) => window.location.hash === h, hash)
}

describe.each(['zh-CN', 'en'] as const)('%s', (locale) => {
  it.each([
    { width: 1280, height: 720 },
    { width: 1024, height: 640 },
  ])('%o: lab list, a lesson, a student report with named evidence', async (viewport) => {
    const app = createTestApp({ systemLocale: locale })
    app.openPaths.push(readdirSync(REPORTS_DIR).filter((f) => f.endsWith('.virtlab-report.json')).map((f) => join(REPORTS_DIR, f)))
    const { page, context } = await openApp(chromium.browser(), chromium.url(), { locale, app, viewport })
    const tag = `${locale}-${viewport.width}`
    try {
      await goTo(page, '#/labs')
      await page.getByTestId('lab-card-host-readiness').waitFor()
      // Whole summaries: nothing hidden behind a hover tooltip.
      expect(await page.locator('.lab-card-summary.ant-typography-ellipsis').count()).toBe(0)
      await screenshot(page, `shots/ux-labs-${tag}`, { fullPage: false })

      await goTo(page, '#/lessons/what-is-virtualization')
      await page.getByTestId('lesson-what-is-virtualization').waitFor()
      expect(await page.getByTestId('lesson-title').evaluate((el) => el.tagName)).toBe('H2')
      expect(await page.getByTestId('lesson-body').locator('h3').count()).toBeGreaterThan(1)
      await screenshot(page, `shots/ux-lesson-${tag}`, { fullPage: false })

      await page.getByTestId('nav-settings').click()
      await page.getByTestId('settings-mode').locator('label', { has: page.getByTestId('settings-mode-teacher') }).click()
      await goTo(page, '#/teacher')
      await page.getByTestId('teacher-pick-files').click()
      await expect.poll(() => page.getByTestId('class-name').count(), { timeout: 20_000 }).toBeGreaterThan(1)
      await page.getByTestId('class-open').first().click()
      const sheet = page.getByTestId('teacher-report').getByTestId('report-sheet')
      await sheet.waitFor()
      const sources = sheet.getByTestId('evidence-source')
      await expect.poll(() => sources.count()).toBeGreaterThan(0)
      expect(await sources.allInnerTexts()).toContain(locale === 'zh-CN' ? 'systeminfo 的输出' : 'systeminfo output')
      await assertNoInternals(page, `${tag} teacher: a student's report`)
      await sources.first().scrollIntoViewIfNeeded()
      await screenshot(page, `shots/ux-teacher-report-evidence-${tag}`, { fullPage: false })
    } finally {
      await context.close()
    }
  })
})
