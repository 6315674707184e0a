import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, describe, expect, it } from 'vitest'
import { parseCaptureText } from '../../src/main/host/capture-file'
import type { Locale } from '../../src/shared/i18n/locale'
import { CAPTURES_DIR, REPORTS_DIR } from '../support/records'
import { createTestApp } from '../support/services'
import { ARTIFACTS, openApp, screenshot, settle, useBrowser, type AppPage } from './harness'

/**
 * WCAG 2.1 A/AA (+ best practice) with axe-core, injected into the built renderer in Chromium, over
 * every page state a student or teacher sees, in both languages. Writes tests/artifacts/a11y.json
 * and fails on any moderate, serious or critical violation (minor ones are recorded, not fatal).
 */

const chromium = useBrowser()
const AXE = readFileSync(createRequire(__filename).resolve('axe-core/axe.min.js'), 'utf8')
const IMPACTS = ['critical', 'serious', 'moderate', 'minor'] as const
type Impact = (typeof IMPACTS)[number]

interface Found {
  readonly state: string
  readonly id: string
  readonly impact: Impact
  readonly help: string
  readonly targets: string[]
  /** axe's explanation for the first element (e.g. the measured contrast). */
  readonly why: string
  /** The first element's markup, shortened. */
  readonly html: string
}

const states: string[] = []
const found: Found[] = []
/** Each state's heading outline ("h2 Verdict"), for reading a heading-order finding in a11y-details.json. */
const outlines: Record<string, string[]> = {}

afterAll(() => {
  mkdirSync(ARTIFACTS, { recursive: true })
  const violations = Object.fromEntries(IMPACTS.map((i) => [i, found.filter((f) => f.impact === i).reduce((n, f) => n + f.targets.length, 0)]))
  writeFileSync(join(ARTIFACTS, 'a11y.json'), `${JSON.stringify({ states: states.length, violations }, null, 2)}\n`)
  writeFileSync(join(ARTIFACTS, 'a11y-details.json'), `${JSON.stringify({ states, found, outlines }, null, 2)}\n`)
})

/** Runs axe on the page as it is now and records what it found under `state`. */
async function audit(page: Page, state: string): Promise<void> {
  await settle(page) // fonts loaded, no transition still running (motion is reduced in the test browser)
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE)
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[]; failureSummary?: string; html: string }[] }[] }> } }).axe
    const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] }, resultTypes: ['violations'] })
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')), why: v.nodes[0]?.failureSummary ?? '', html: `${(v.nodes[0]?.html ?? '').slice(0, 200)} ${(document.querySelector(v.nodes[0]?.target[0] ?? ':not(*)') as HTMLElement | null)?.innerText.slice(0, 100) ?? ''}` }))
  })
  states.push(state)
  outlines[state] = await page.$$eval('h1, h2, h3, h4, h5, h6, [role="heading"]', (hs) =>
    hs.filter((h) => (h as HTMLElement).offsetParent !== null).map((h) => `${h.getAttribute('aria-level') ? `h${h.getAttribute('aria-level')}` : h.tagName.toLowerCase()} ${(h.textContent ?? '').trim().slice(0, 60)}`),
  )
  for (const v of result) found.push({ state, id: v.id, impact: (v.impact ?? 'minor') as Impact, help: v.help, targets: v.targets, why: v.why, html: v.html })
}

async function goTo(page: Page, hash: string): Promise<void> {
  await page.evaluate((h) => (window.location.hash = h), hash)
  await page.waitForFunction((h) => window.location.hash === h, hash)
}

async function waitFor(page: Page, testId: string, timeout = 30_000): Promise<void> {
  await page.getByTestId(testId).first().waitFor({ timeout })
}

async function open(locale: Locale, profile?: null): Promise<AppPage> {
  const capture = parseCaptureText(readFileSync(join(CAPTURES_DIR, 'win-zh-lenovo-laptop-hypervisor-detected.capture.json'), 'utf8'))
  const app = createTestApp({ systemLocale: locale, collectHost: async () => capture, ...(profile === null ? { profile: null } : {}) })
  app.openPaths.push(readdirSync(REPORTS_DIR).filter((f) => f.endsWith('.virtlab-report.json')).map((f) => join(REPORTS_DIR, f)))
  return openApp(chromium.browser(), chromium.url(), { locale, app, viewport: { width: 1280, height: 720 } })
}

async function walk(locale: Locale): Promise<void> {
  const first = await open(locale, null)
  try {
    await first.page.locator('.ant-modal').first().waitFor()
    await audit(first.page, `${locale} first start: profile dialog`)
  } finally {
    await first.context.close()
  }

  const { page, context } = await open(locale)
  try {
    await waitFor(page, 'page-title')
    await audit(page, `${locale} home`)

    await goTo(page, '#/host')
    await page.getByTestId('host-run').click()
    await expect.poll(() => page.getByTestId('verdict-status').getAttribute('data-verdict'), { timeout: 30_000 }).not.toBe('pending')
    await audit(page, `${locale} host check: results`)
    await page.locator('[data-testid^="group-"] .ant-collapse-header').first().click()
    await audit(page, `${locale} host check: a check expanded`)
    await goTo(page, '#/home')
    await audit(page, `${locale} home after a check`)

    await goTo(page, '#/labs')
    await waitFor(page, 'lab-card-host-readiness')
    await audit(page, `${locale} labs`)
    await goTo(page, '#/labs/host-readiness/run-check')
    await waitFor(page, 'step-run-check')
    await audit(page, `${locale} lab 0 step`)
    await goTo(page, '#/labs/install-workstation/verify-install')
    await waitFor(page, 'step-verify-install')
    await page.getByTestId('check-button').click()
    await waitFor(page, 'check-result')
    await audit(page, `${locale} lab 1: a failed step`)
    await goTo(page, '#/labs/install-workstation/get-installer')
    await waitFor(page, 'step-get-installer')
    await page.getByTestId('manual-note').fill('ok')
    await page.getByTestId('confirm-button').click()
    await waitFor(page, 'confirmed')
    await audit(page, `${locale} lab 1: a confirmed manual step`)

    await goTo(page, '#/labs/host-readiness/concept-quiz')
    await waitFor(page, 'step-concept-quiz')
    for (const q of await page.locator('[data-testid^="question-"]').all()) await q.locator('[data-testid^="option-"]').first().click()
    await page.getByTestId('quiz-submit').click()
    await waitFor(page, 'quiz-result')
    await audit(page, `${locale} lab 0 quiz after checking`)

    await goTo(page, '#/lessons')
    await waitFor(page, 'page-title')
    await page.waitForTimeout(300)
    await audit(page, `${locale} lessons`)
    await goTo(page, '#/lessons/what-is-virtualization')
    await waitFor(page, 'lesson-what-is-virtualization')
    await audit(page, `${locale} lesson with its diagram`)

    await goTo(page, '#/records')
    await waitFor(page, 'records-page')
    await audit(page, `${locale} records`)
    await page.setViewportSize({ width: 1024, height: 640 })
    await screenshot(page, `a11y-records-${locale}-1024`)
    await page.setViewportSize({ width: 1280, height: 720 })
    await goTo(page, '#/records/report')
    await waitFor(page, 'report-sheet')
    await audit(page, `${locale} report`)
    await screenshot(page, `a11y-report-${locale}-1280`)

    await goTo(page, '#/settings')
    await waitFor(page, 'settings-mode')
    await audit(page, `${locale} settings`)
    await screenshot(page, `a11y-settings-${locale}-1280`)
    await page.setViewportSize({ width: 1024, height: 640 })
    await screenshot(page, `a11y-settings-${locale}-1024`)
    await page.setViewportSize({ width: 1280, height: 720 })
    await page.getByTestId('settings-mode').locator('label', { has: page.getByTestId('settings-mode-teacher') }).click()
    await goTo(page, '#/teacher')
    await waitFor(page, 'teacher-drop')
    await audit(page, `${locale} teacher view: empty`)
    await page.getByTestId('teacher-pick-files').click()
    await expect.poll(() => page.getByTestId('class-name').count(), { timeout: 20_000 }).toBeGreaterThan(1)
    await audit(page, `${locale} teacher view with reports`)
    await page.getByTestId('class-open').first().click()
    await page.getByTestId('teacher-report').getByTestId('report-sheet').waitFor()
    await audit(page, `${locale} teacher view: a report in the drawer`)
  } finally {
    await context.close()
  }
}

describe('accessibility (axe-core, WCAG 2.1 AA) in every page state', () => {
  it.each(['zh-CN', 'en'] as Locale[])('%s: no moderate, serious or critical violation', async (locale) => {
    await walk(locale)
    const bad = found.filter((f) => f.state.startsWith(locale) && f.impact !== 'minor')
    expect(bad.map((f) => `${f.state}: ${f.id} (${f.impact}) ${f.help} — ${f.targets.slice(0, 3).join(' | ')}`)).toEqual([])
  })

  it('audited at least 25 page states', () => {
    expect(states.length).toBeGreaterThanOrEqual(25)
  })
})
