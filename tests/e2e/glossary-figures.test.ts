import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { openApp, screenshot, useBrowser } from './harness'

const chromium = useBrowser()

const SIZES = { laptop: { width: 1280, height: 720 }, small: { width: 1024, height: 640 } } as const

async function goTo(page: Page, hash: string): Promise<void> {
  await page.evaluate((h) => (window.location.hash = h), hash)
  await page.waitForFunction((h) => window.location.hash === h, hash)
}

/** Waits until the step's figure has loaded as an image with a real size. */
async function figureLoaded(page: Page, name: string): Promise<number> {
  const img = page.getByTestId(`figure-${name}`).locator('img')
  await expect.poll(() => img.count(), { timeout: 15_000 }).toBe(1)
  await expect.poll(() => img.evaluate((el) => (el as HTMLImageElement).naturalWidth), { timeout: 15_000 }).toBeGreaterThan(0)
  return img.evaluate((el) => (el as HTMLImageElement).getBoundingClientRect().width)
}

const FIGURES = [
  { lab: 'create-vm', step: 'start-wizard', figure: 'wizard-type.svg' },
  { lab: 'network-configuration', step: 'open-editor', figure: 'vne-change-settings.svg' },
  { lab: 'install-os', step: 'snapshot', figure: 'snapshot-take.svg' },
] as const

describe('screen figures and the glossary in Chromium', () => {
  for (const locale of ['zh-CN', 'en'] as const)
    for (const [size, viewport] of Object.entries(SIZES))
      it(`${locale} ${size}: three screen figures load in their steps, and the glossary searches and links`, async () => {
        const { page, context } = await openApp(chromium.browser(), chromium.url(), { locale, viewport })
        try {
          for (const f of FIGURES) {
            await goTo(page, `#/labs/${f.lab}/${f.step}`)
            await expect.poll(() => page.getByTestId(`step-${f.step}`).count(), { timeout: 15_000 }).toBe(1)
            const width = await figureLoaded(page, f.figure)
            expect(width).toBeGreaterThan(400)
            await page.getByTestId(`figure-${f.figure}`).scrollIntoViewIfNeeded()
            await screenshot(page, `figure-${f.figure.replace('.svg', '')}-${locale}-${size}`)
          }

          // Click (or Enter) to enlarge: a named dialog as large as the window allows; Esc closes it and focus returns.
          const f = FIGURES[0]
          await goTo(page, `#/labs/${f.lab}/${f.step}`)
          const small = await figureLoaded(page, f.figure)
          const open = page.getByTestId(`figure-open-${f.figure}`)
          expect(await open.evaluate((el) => el.tagName)).toBe('BUTTON')
          await open.focus()
          await page.keyboard.press('Enter')
          const dialog = page.getByRole('dialog', { name: locale === 'zh-CN' ? /^插图：/ : /^Figure: / })
          await dialog.waitFor({ state: 'visible', timeout: 5_000 })
          const large = await dialog.locator('img').evaluate((el) => el.getBoundingClientRect().width)
          expect(large, 'the enlarged figure is larger than in the step').toBeGreaterThan(small * 1.2)
          await screenshot(page, `figure-enlarged-${locale}-${size}`, { fullPage: false })
          await page.keyboard.press('Escape')
          await dialog.waitFor({ state: 'hidden', timeout: 5_000 })
          await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(`figure-open-${f.figure}`)
          // And with the mouse.
          await open.click()
          await dialog.waitFor({ state: 'visible', timeout: 5_000 })
          await dialog.getByRole('button', { name: locale === 'zh-CN' ? '关闭' : 'Close' }).click()
          await dialog.waitFor({ state: 'hidden', timeout: 5_000 })

          await goTo(page, '#/glossary')
          await expect.poll(() => page.getByTestId(/^glossary-term-/).count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(100)
          await page.getByTestId('glossary-search').locator('input').fill(locale === 'zh-CN' ? '快照' : 'snapshot')
          await expect.poll(() => page.getByTestId('glossary-term-snapshot').count()).toBe(1)
          await screenshot(page, `glossary-search-${locale}-${size}`)

          // A term in lesson text: focus shows its definition.
          await goTo(page, '#/lessons/storage-virtualization')
          const term = page.getByTestId('lesson-body').getByTestId('term-thin-provisioning')
          await expect.poll(() => term.count(), { timeout: 15_000 }).toBe(1)
          await term.scrollIntoViewIfNeeded()
          await term.hover()
          await page.locator('.gl-popover').first().waitFor({ state: 'visible', timeout: 5_000 })
          // Let the popover's fade-in finish before the picture.
          await expect.poll(() => page.locator('.ant-popover').first().evaluate((el) => getComputedStyle(el).opacity), { timeout: 5_000 }).toBe('1')
          expect(await page.locator('.gl-popover').first().textContent()).toContain(locale === 'zh-CN' ? '精简置备' : 'thin provisioning')
          await page.screenshot({ path: `tests/artifacts/glossary-term-popover-${locale}-${size}.png` })
        } finally {
          await context.close()
        }
      }, 120_000)
})
