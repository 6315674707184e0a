import { rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, describe, expect, it } from 'vitest'
import iconv from 'iconv-lite'
import type { Locale } from '../../src/shared/i18n/locale'
import { classReports, classZip } from '../support/class-reports'
import { tempDir } from '../support/records'
import { createTestApp } from '../support/services'
import { buildZip } from '../support/zip'
import { ARTIFACTS, openApp, screenshot, useBrowser } from './harness'

const chromium = useBrowser()
const out = tempDir('virtlab-e2e-teacher-')
afterAll(() => rmSync(out, { recursive: true, force: true }))

async function teacherPage(locale: Locale, viewport: { width: number; height: number }) {
  const app = createTestApp({ systemLocale: locale })
  await app.services.settings.update({ mode: 'teacher' })
  const opened = await openApp(chromium.browser(), chromium.url(), { locale, app, viewport })
  await opened.page.getByTestId('nav-teacher').click()
  await opened.page.getByTestId('teacher-drop').waitFor()
  return opened
}

/** Headers whose text does not fit their cell (cut off, or hidden behind the sort/filter icons). */
async function clippedHeaders(page: Page): Promise<string[]> {
  return page.getByTestId('class-table').locator('thead th').evaluateAll((cells) =>
    cells.flatMap((th) => {
      const title = th.querySelector('.ant-table-column-title') ?? th
      return title.scrollWidth > title.clientWidth + 1 ? [th.textContent ?? ''] : []
    }),
  )
}

describe('Teacher view at class scale', () => {
  const zip = join(out, '全班提交.zip')
  writeFileSync(zip, classZip(60))

  for (const locale of ['zh-CN', 'en'] as const) {
    for (const viewport of [
      { width: 1280, height: 720 },
      { width: 1024, height: 640 },
    ]) {
      it(`60 students from one zip (${locale}, ${viewport.width}×${viewport.height}): overview visible, every header readable`, async () => {
        const { page, app, context } = await teacherPage(locale, viewport)
        app.openPaths.push([zip])
        await page.getByTestId('teacher-pick-files').click()
        await expect.poll(() => page.getByTestId('class-name').count(), { timeout: 30_000 }).toBe(60)
        // The import area collapsed into a button; the overview is in the first screen.
        expect(await page.getByTestId('teacher-drop').count()).toBe(0)
        const overview = await page.getByTestId('class-overview').boundingBox()
        expect(overview!.y).toBeLessThan(viewport.height / 2)
        expect(await clippedHeaders(page)).toEqual([])
        // Every column in the window: no sideways scrolling to reach the last one.
        const last = await page.getByTestId('class-table').locator('thead th').last().boundingBox()
        expect(last!.x + last!.width).toBeLessThanOrEqual(viewport.width)
        await page.mouse.move(0, 0)
        await screenshot(page, `teacher-60-${locale}-${viewport.width}x${viewport.height}`)
        // The first screen, as the teacher sees it.
        await page.screenshot({ path: join(ARTIFACTS, `teacher-60-${locale}-${viewport.width}x${viewport.height}-screen.png`) })
        await context.close()
      })
    }
  }

  it('150 students: only the rows in view are drawn, search still finds anyone', async () => {
    const { page, app, context } = await teacherPage('en', { width: 1280, height: 720 })
    const big = join(out, 'big-class.zip')
    writeFileSync(big, classZip(150))
    app.openPaths.push([big])
    await page.getByTestId('teacher-pick-files').click()
    await expect.poll(() => page.getByTestId('class-shown').textContent(), { timeout: 30_000 }).toBe('Showing 150 of 150 students')
    const drawn = await page.getByTestId('class-name').count()
    expect(drawn).toBeGreaterThan(5)
    expect(drawn).toBeLessThan(60)
    await page.getByTestId('class-search').getByRole('searchbox').fill('2023020149')
    await expect.poll(() => page.getByTestId('class-name').count()).toBe(1)
    await context.close()
  })

  it('a dropped zip with GBK names imports; a segment filters; one student’s page opens', async () => {
    const { page, context } = await teacherPage('zh-CN', { width: 1280, height: 720 })
    const reports = classReports(3)
    const bytes = buildZip(reports.map((r) => ({ name: iconv.encode(r.name, 'gbk'), utf8: false, data: Buffer.from(r.text, 'utf8') })))
    const dataTransfer = await page.evaluateHandle((data) => {
      const dt = new DataTransfer()
      dt.items.add(new File([new Uint8Array(data)], '班级.zip', { type: 'application/zip' }))
      return dt
    }, [...bytes])
    await page.getByTestId('teacher-drop').locator('.ant-upload-btn').dispatchEvent('drop', { dataTransfer })
    await expect.poll(() => page.getByTestId('class-name').count(), { timeout: 20_000 }).toBe(3)
    const title = await page.getByTestId('class-table').locator('tbody .student-cell').first().getAttribute('title')
    expect(title).toMatch(/^班级\.zip\/.+\/2023\d+_.+\/2023\d+\.virtlab-report\.json$/)
    await page.getByTestId('overview-verdicts').locator('[data-segment="action-needed"]').click()
    await expect.poll(() => page.getByTestId('class-name').count()).toBe(1)
    await page.getByTestId('class-open').first().click()
    await page.getByTestId('teacher-report').getByTestId('report-sheet').waitFor()
    await page.getByTestId('student-host').waitFor()
    await page.waitForTimeout(400)
    await page.screenshot({ path: join(ARTIFACTS, 'teacher-student-zh-CN-1280x720.png') })
    await context.close()
  })
})
