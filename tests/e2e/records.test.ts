import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseCaptureText } from '../../src/main/host/capture-file'
import { verifyReportFile } from '../../src/main/records/report-files'
import type { LabReport } from '../../src/shared/records/report'
import type { XapiStatement } from '../../src/shared/records/xapi'
import { CAPTURES_DIR, REPORTS_DIR, tempDir } from '../support/records'
import { createTestApp, type TestApp } from '../support/services'
import { ARTIFACTS, openApp, screenshot, useBrowser, type AppPage } from './harness'

const chromium = useBrowser()
let current: AppPage
let app: TestApp
const out = tempDir('virtlab-e2e-records-')
const files = {
  json: join(out, 'zhang.virtlab-report.json'),
  pdfZh: join(out, 'report-zh.pdf'),
  pdfEn: join(out, 'report-en.pdf'),
  xapi: join(out, 'zhang.xapi.json'),
  csv: join(out, 'class.csv'),
}

beforeAll(async () => {
  const capture = parseCaptureText(readFileSync(join(CAPTURES_DIR, 'win-zh-lenovo-20fw-ready.capture.json'), 'utf8'))
  let page: Page | null = null
  app = createTestApp({
    systemLocale: 'zh-CN',
    profile: null,
    collectHost: async () => capture,
    // What webContents.printToPDF does in the app: print the page on screen, with its print CSS.
    printToPdf: async () => new Uint8Array(await page!.pdf({ printBackground: true, preferCSSPageSize: true })),
  })
  current = await openApp(chromium.browser(), chromium.url(), { locale: 'zh-CN', app, viewport: { width: 1366, height: 900 } })
  page = current.page
})
afterAll(async () => {
  await current?.context.close()
})

/**
 * Converts a PDF's pages to PNG files in tests/artifacts (poppler's pdftoppm). Without pdftoppm
 * (npm test says so; never under CI) the pictures and their page count are skipped: null.
 */
function pdfToPng(pdf: string, name: string): string[] | null {
  if (process.env.VIRTLAB_NO_PDFTOPPM) {
    console.warn(`Skipped: ${name} as pictures — pdftoppm (poppler-utils) is not installed`)
    return null
  }
  execFileSync('pdftoppm', ['-png', '-r', '70', pdf, join(ARTIFACTS, name)])
  return readdirSync(ARTIFACTS).filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png'))
}

/** A text file main has finished writing (each ends with a newline). */
function complete(path: string): boolean {
  return existsSync(path) && readFileSync(path, 'utf8').endsWith('\n')
}

/** Lets antd's open/close animations and toasts finish before a picture is taken. */
async function settle(page: Page): Promise<void> {
  await page.waitForTimeout(700)
}

async function click(page: Page, testId: string): Promise<void> {
  await page.getByTestId(testId).click()
}

describe('records end to end (built renderer in Chromium, real main services)', () => {
  it('asks for the student profile on first start', async () => {
    const { page } = current
    const dialog = page.locator('.ant-modal-title', { hasText: '欢迎使用虚拟化实验助手' })
    await dialog.waitFor()
    await settle(page)
    await screenshot(page, 'records-first-start-zh-CN')
    await page.getByTestId('profile-name').fill('张三')
    await page.getByTestId('profile-studentNumber').fill('2023010888')
    await page.getByTestId('profile-className').fill('计科2301')
    await click(page, 'profile-save')
    await dialog.waitFor({ state: 'hidden' })
    expect(app.services.records.store.profile()).toEqual({ name: '张三', studentNumber: '2023010888', className: '计科2301', course: '云计算与虚拟化技术' })
  })

  it('records a host check, lab steps and a quiz through the real services', async () => {
    const { page } = current
    await page.evaluate(() => window.virtlab.host.runCheck())
    const labs = await page.evaluate(async () => (await window.virtlab.records.overview()).labs.map((l) => ({ id: l.id, steps: l.steps.map((s) => s.id) })))
    const byId = new Map(labs.map((l) => [l.id, l.steps]))
    const install = byId.get('install-workstation')!
    expect(install.length).toBeGreaterThan(3)
    let minute = 0
    const at = (): string => new Date(Date.UTC(2026, 2, 2, 1, (minute += 7))).toISOString()
    for (const stepId of install) {
      if (stepId === 'verify-install' || stepId === 'services') {
        // Auto steps cannot pass on this machine (no VMware): record what the lab runner records on
        // a machine where they do — a failed attempt, then a passing one with its evidence.
        const checkId = stepId === 'services' ? 'vmware.services' : 'vmware.installed'
        await app.services.records.recordStep({ labId: 'install-workstation', stepId, passed: false, verification: { kind: 'auto', checkId, checkStatus: 'fail', criteria: [], evidence: [] }, at: at() })
        await app.services.records.recordStep({
          labId: 'install-workstation',
          stepId,
          passed: true,
          verification: {
            kind: 'auto',
            checkId,
            checkStatus: 'pass',
            criteria: [{ id: 'version', label: { 'zh-CN': '版本 17 或更新', en: 'Version 17 or newer' }, passed: true, actual: '17.6.4' }],
            evidence: [{ probe: 'win.vmware-registry', excerpt: '"ProductVersion": "17.6.4.24832109"' }],
          },
          at: at(),
        })
      } else if (stepId === 'quiz') {
        await app.services.records.recordStep({ labId: 'install-workstation', stepId, passed: true, verification: { kind: 'quiz', score: 3, total: 3 }, at: at() })
      } else {
        // Manual steps go the way the lab runner sends them: labs:verifyStep from the page.
        const result = await page.evaluate((id) => window.virtlab.labs.verifyStep('install-workstation', id, { kind: 'manual', note: '按老师的演示完成。' }), stepId)
        expect(result.passed).toBe(true)
      }
    }
    for (const stepId of byId.get('create-vm')!.slice(0, 3)) {
      const result = await page.evaluate((id) => window.virtlab.labs.verifyStep('create-vm', id, { kind: 'manual', note: '' }), stepId)
      expect(result.passed).toBe(true)
    }
    await app.services.records.recordQuiz({ lessonId: 'what-is-virtualization', score: 4, total: 5, answers: [], at: at() })
    const progress = app.services.records.labProgress()
    expect(Object.values(progress['install-workstation']!).every((s) => s.status === 'passed')).toBe(true)
    expect(progress['install-workstation']!['verify-install']!.attempts).toBe(2)
  })

  it('shows the Records page (zh-CN)', async () => {
    const { page } = current
    await page.getByTestId('nav-records').click()
    await page.getByTestId('records-labs').waitFor()
    expect(await page.getByTestId('records-profile').textContent()).toContain('2023010888')
    expect(await page.getByTestId('machine-summary').textContent()).toContain('已就绪')
    await page.getByTestId('records-labs').getByText('安装 VMware Workstation Pro').first().click()
    await page.getByTestId('steps-install-workstation').waitFor()
    await settle(page)
    await screenshot(page, 'records-page-zh-CN')
  })

  it('shows the printable report and exports JSON and PDF (zh-CN)', async () => {
    const { page } = current
    await click(page, 'view-report')
    await page.getByTestId('report-sheet').waitFor()
    expect(await page.getByTestId('report-student').textContent()).toContain('张三')
    await screenshot(page, 'records-report-zh-CN')

    app.savePaths.push(files.json)
    await click(page, 'export-json')
    await expect.poll(() => complete(files.json), { timeout: 10_000 }).toBe(true)
    const verified = await verifyReportFile(files.json)
    expect(verified.ok, JSON.stringify(verified)).toBe(true)
    const report = JSON.parse(readFileSync(files.json, 'utf8')) as LabReport
    expect(report.labs.find((l) => l.id === 'install-workstation')?.status).toBe('completed')
    expect(report.machine?.verdict).toBe('ready')
    expect(report.quizzes[0]).toMatchObject({ lessonId: 'what-is-virtualization', best: { score: 4, total: 5 } })

    app.savePaths.push(files.pdfZh)
    await click(page, 'export-pdf')
    await expect.poll(() => existsSync(files.pdfZh) && statSync(files.pdfZh).size > 1000, { timeout: 30_000 }).toBe(true)
    expect(readFileSync(files.pdfZh).subarray(0, 5).toString()).toBe('%PDF-')
    const pages = pdfToPng(files.pdfZh, 'records-report-pdf-zh-CN')
    if (pages) expect(pages.length).toBeGreaterThanOrEqual(2)
  })

  it('in English: the Records page, the report and its PDF; then the xAPI export', async () => {
    const { page } = current
    await page.getByTestId('language-switch').getByText('EN').click()
    await expect.poll(() => page.getByTestId('page-title').textContent()).toBe('Records')
    await page.getByTestId('report-sheet').getByText('Virtualization lab report').waitFor()
    await screenshot(page, 'records-report-en')
    app.savePaths.push(files.pdfEn)
    await click(page, 'export-pdf')
    await expect.poll(() => existsSync(files.pdfEn) && statSync(files.pdfEn).size > 1000, { timeout: 30_000 }).toBe(true)
    const pagesEn = pdfToPng(files.pdfEn, 'records-report-pdf-en')
    if (pagesEn) expect(pagesEn.length).toBeGreaterThanOrEqual(2)

    await page.getByTestId('nav-records').click()
    await page.getByTestId('records-labs').waitFor()
    // In-progress labs start expanded.
    await page.getByTestId('steps-create-vm').waitFor()
    await settle(page)
    await screenshot(page, 'records-page-en')

    app.savePaths.push(files.xapi)
    await click(page, 'export-xapi')
    await expect.poll(() => complete(files.xapi), { timeout: 10_000 }).toBe(true)
    const statements = JSON.parse(readFileSync(files.xapi, 'utf8')) as XapiStatement[]
    expect(statements.length).toBeGreaterThan(5)
    expect(statements[0]!.actor.account).toEqual({ homePage: 'https://virtlab.example.edu/xapi', name: '2023010888' })
    expect(statements.some((s) => s.verb.id === 'http://adlnet.gov/expapi/verbs/completed' && s.object.id.endsWith('/labs/install-workstation'))).toBe(true)
  })

  it('Teacher view: imports the exported report with the class (drop and dialog), bad files listed, hostile text inert; CSV', async () => {
    const { page } = current
    await page.getByTestId('nav-settings').click()
    await page.getByTestId('settings-mode').locator('label', { has: page.getByTestId('settings-mode-teacher') }).click()
    await page.getByTestId('nav-teacher').click()
    await page.getByTestId('teacher-drop').waitFor()

    const samples = readdirSync(REPORTS_DIR).filter((f) => f.endsWith('.virtlab-report.json'))
    const payload = [
      { name: 'zhang.virtlab-report.json', text: readFileSync(files.json, 'utf8') },
      ...samples.map((f) => ({ name: f, text: readFileSync(join(REPORTS_DIR, f), 'utf8') })),
      ...readdirSync(join(REPORTS_DIR, 'bad')).map((f) => ({ name: f, text: readFileSync(join(REPORTS_DIR, 'bad', f), 'utf8') })),
      { name: '<img src=x onerror="window.__pwned=1">.virtlab-report.json', text: '{"schema":"virtlab.lab-report/1","student":{"name":"<script>window.__pwned=2</script>"}}' },
    ]
    const dataTransfer = await page.evaluateHandle((list) => {
      const dt = new DataTransfer()
      for (const f of list) dt.items.add(new File([f.text], f.name, { type: 'application/json' }))
      // 50 MB: refused for its size without being read or sent to main.
      dt.items.add(new File([new Uint8Array(50 * 1024 * 1024)], 'huge.virtlab-report.json'))
      return dt
    }, payload)
    await page.getByTestId('teacher-drop').locator('.ant-upload-btn').dispatchEvent('drop', { dataTransfer })
    await expect.poll(() => page.getByTestId('class-name').count(), { timeout: 20_000 }).toBe(samples.length + 1)
    await page.getByTestId('rejected-list').waitFor()
    await expect.poll(() => page.getByTestId('rejected-list').locator('[data-code]').count()).toBe(8)

    // The PDF through the edge dialog port: refused as not JSON, the class untouched.
    app.openPaths.push([files.pdfZh])
    await click(page, 'teacher-pick-files')
    await expect.poll(() => page.getByTestId('rejected-list').locator('[data-code]').count()).toBe(9)
    const reasons = await page.getByTestId('rejected-list').textContent()
    for (const text of ['Integrity check failed', 'File too large', 'Not a JSON file', 'Does not match the report format', 'Unsupported report version', 'Not a lab report']) {
      expect(reasons).toContain(text)
    }
    expect(reasons).toContain('<img src=x onerror="window.__pwned=1">.virtlab-report.json')
    expect(await page.locator('img[src="x"]').count()).toBe(0)
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined()
    await settle(page)
    await screenshot(page, 'records-teacher-en')

    // Sort by name, filter a class; the CSV has exactly what is shown.
    await page.getByTestId('class-table').getByRole('columnheader', { name: 'Name' }).first().click()
    app.savePaths.push(files.csv)
    await click(page, 'export-csv')
    await expect.poll(() => complete(files.csv), { timeout: 10_000 }).toBe(true)
    const csv = readFileSync(files.csv)
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const lines = csv.toString('utf8').slice(1).split('\r\n').filter(Boolean)
    expect(lines).toHaveLength(samples.length + 2)
    expect(lines[0]).toMatch(/^Student number,Name,Class,Course,/)
    expect(csv.toString('utf8')).toContain('2023010888,张三,计科2301')

    await page.getByTestId('language-switch').getByText('中文').click()
    await expect.poll(() => page.getByTestId('page-title').textContent()).toBe('教师视图')
    await settle(page)
    await screenshot(page, 'records-teacher-zh-CN')
    const zhang = page.getByTestId('class-table').locator('tr', { hasText: '2023010888' })
    await zhang.getByTestId('class-open').click()
    await page.getByTestId('teacher-report').getByTestId('report-sheet').waitFor()
    await settle(page)
    // The drawer is fixed to the window: a window-sized picture, not the whole page.
    await page.screenshot({ path: join(ARTIFACTS, 'records-teacher-report-zh-CN.png') })
  })
})
