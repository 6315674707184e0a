import { describe, expect, it } from 'vitest'
import { CHANNELS } from '../../src/shared/ipc/channels'
import { createTestApp } from '../support/services'
import { openApp, screenshot, useBrowser } from './harness'

const chromium = useBrowser()

const NAV = ['home', 'host', 'labs', 'lessons', 'records', 'settings'] as const

describe('app shell in Chromium, bridged to the real main services', () => {
  it('starts in Chinese on a Chinese system and walks every page', async () => {
    const { page, context } = await openApp(chromium.browser(), chromium.url(), { locale: 'zh-CN' })
    await expect.poll(() => page.getByTestId('page-title').textContent()).toBe('首页')
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN')
    const titles: string[] = []
    for (const key of NAV) {
      await page.getByTestId(`nav-${key}`).click()
      await page.waitForFunction((k) => window.location.hash === `#/${k}`, key)
      titles.push((await page.getByTestId('page-title').textContent()) ?? '')
      await screenshot(page, `shell-${key}-zh-CN`)
    }
    expect(titles).toEqual(['首页', '主机检测', '实验', '课程', '学习记录', '设置'])
    await context.close()
  })

  it.each([
    ['reduce', true],
    ['no-preference', false],
  ] as const)('prefers-reduced-motion: %s — antd motion and CSS transitions follow the system setting', async (reducedMotion, still) => {
    const { page, context } = await openApp(chromium.browser(), chromium.url(), { locale: 'zh-CN', reducedMotion })
    await expect.poll(() => page.getByTestId('page-title').textContent()).toBe('首页')
    // A menu item and a button: both have hover/colour transitions unless motion is reduced.
    const seconds = await page.evaluate(() =>
      [...document.querySelectorAll('.ant-menu-item, .ant-btn')].slice(0, 6).map((el) => {
        const d = getComputedStyle(el).transitionDuration.split(',')[0]!.trim()
        return d.endsWith('ms') ? Number.parseFloat(d) / 1000 : Number.parseFloat(d)
      }),
    )
    expect(seconds.length).toBeGreaterThan(0)
    if (still) for (const s of seconds) expect(s).toBeLessThanOrEqual(0.0001)
    else expect(Math.max(...seconds)).toBeGreaterThan(0.05)
    await context.close()
  })

  it('starts in English on an English system, and the choice of language is remembered', async () => {
    const first = await openApp(chromium.browser(), chromium.url(), { locale: 'en' })
    await expect.poll(() => first.page.getByTestId('page-title').textContent()).toBe('Home')
    await screenshot(first.page, 'shell-home-en')
    await first.page.getByTestId('nav-settings').click()
    await expect.poll(() => first.page.getByTestId('page-title').textContent()).toBe('Settings')
    await screenshot(first.page, 'shell-settings-en')
    // Switch to Chinese in Settings: the whole shell follows at once.
    await first.page.getByText('简体中文').click()
    await expect.poll(() => first.page.getByTestId('page-title').textContent()).toBe('设置')
    await first.context.close()

    // A second start with the same user-data folder comes up in Chinese although the OS is English.
    const again = await openApp(chromium.browser(), chromium.url(), {
      locale: 'en',
      app: createTestApp({ systemLocale: 'en', userDataDir: first.app.userDataDir }),
    })
    await expect.poll(() => again.page.getByTestId('page-title').textContent()).toBe('首页')
    await again.context.close()
  })

  it('the bridge exposes only named functions from the contract, and main rejects bad arguments', async () => {
    const { page, context } = await openApp(chromium.browser(), chromium.url(), { locale: 'en' })
    const shape = await page.evaluate(() =>
      Object.fromEntries(
        Object.entries(window.virtlab).map(([key, value]) => [
          key,
          typeof value === 'function' ? 'function' : Object.keys(value as object).sort(),
        ]),
      ),
    )
    const expected: Record<string, unknown> = { on: 'function' }
    for (const [ns, methods] of Object.entries(CHANNELS)) expected[ns] = [...methods].sort()
    expect(shape).toEqual(expected)
    expect(shape.app).toEqual(['info', 'openExternal', 'reportError'])
    expect(await page.evaluate(() => 'ipcRenderer' in window || 'require' in window)).toBe(false)
    const error = await page.evaluate(() =>
      (window.virtlab.settings.update as unknown as (x: unknown) => Promise<unknown>)({ locale: 'fr' }).then(
        () => 'accepted',
        (e: Error) => e.message,
      ),
    )
    expect(error).toMatch(/bad-arguments/)
    // The Content-Security-Policy is strict and enforced: injected inline script does not run.
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')
    expect(csp).toMatch(/default-src 'none'/)
    expect(csp).toMatch(/script-src 'self'(;|$)/)
    expect(csp).not.toMatch(/unsafe-eval/)
    const ran = await page.evaluate(async () => {
      const script = document.createElement('script')
      script.textContent = 'window.__injected = true'
      document.body.appendChild(script)
      await new Promise((r) => setTimeout(r, 50))
      return (window as unknown as { __injected?: boolean }).__injected === true
    })
    expect(ran).toBe(false)
    await context.close()
  })
})
