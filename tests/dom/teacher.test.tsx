import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { serializeReport } from '../../src/main/records/integrity'
import { App } from '../../src/renderer/src/App'
import { createTestApp } from '../support/services'
import { REPORTS_DIR, manualStep, recordsService, tempDir } from '../support/records'
import { installBridge } from './bridge'

const samples = readdirSync(REPORTS_DIR).filter((f) => f.endsWith('.virtlab-report.json'))
const file = (name: string, text: string) => new File([text], name, { type: 'application/json' })

async function teacherApp(locale: 'zh-CN' | 'en') {
  const app = installBridge({ app: createTestApp({ systemLocale: locale }) })
  await app.services.settings.update({ mode: 'teacher' })
  window.location.hash = '#/teacher'
  render(<App />)
  await screen.findByTestId('teacher-drop')
  return app
}

function drop(files: File[]): void {
  if (!screen.queryByTestId('teacher-drop')) fireEvent.click(screen.getByTestId('teacher-import-more'))
  const target = screen.getByTestId('teacher-drop').querySelector('.ant-upload-btn')!
  fireEvent.drop(target, { dataTransfer: { files, items: files.map((f) => ({ kind: 'file', getAsFile: () => f })), types: ['Files'] } })
}

describe('Teacher view (jsdom, real services)', () => {
  it('imports dropped reports, lists every bad file with its reason, and shows hostile text as text', async () => {
    // A valid report whose note carries markup: it imports, and the markup stays text.
    const student = recordsService()
    await student.setProfile({ name: 'Mallory', studentNumber: '2023099999', className: '计科2399', course: '云计算与虚拟化技术' })
    await student.recordStep(manualStep('create-vm', 'prepare-iso', '2026-03-02T01:00:00.000Z', true, '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>'))
    const hostileNote = serializeReport(student.report())

    const app = await teacherApp('en')
    const files = [
      ...samples.map((f) => file(f, readFileSync(join(REPORTS_DIR, f), 'utf8'))),
      ...readdirSync(join(REPORTS_DIR, 'bad')).map((f) => file(f, readFileSync(join(REPORTS_DIR, 'bad', f), 'utf8'))),
      file('<img src=x onerror="window.__pwned=3">.json', '{"schema": "virtlab.lab-report/1", "student": {"name": "<script>"}}'),
      file('mallory.virtlab-report.json', hostileNote),
    ]
    // A 6 MB file: never read, refused for its size.
    const big = file('big.virtlab-report.json', 'x')
    Object.defineProperty(big, 'size', { value: 6 * 1024 * 1024 })
    files.push(big)
    await act(async () => drop(files))

    await waitFor(() => expect(screen.getAllByTestId('class-name')).toHaveLength(samples.length + 1), { timeout: 10_000 })
    const rejected = await screen.findByTestId('rejected-list')
    const text = rejected.textContent ?? ''
    expect(text).toContain('Integrity check failed: changed after export')
    expect(text).toContain('Does not match the report format')
    expect(text).toContain('Not a JSON file')
    expect(text).toContain('Unsupported report version')
    expect(text).toContain('File too large')
    expect(text).toContain('<img src=x onerror="window.__pwned=3">.json')
    expect(rejected.querySelectorAll('[data-code]')).toHaveLength(8)
    expect(screen.getByTestId('stat-rejected').textContent).toContain('8')

    // Open Mallory's report: her note is shown, as text.
    const row = screen.getAllByTestId('class-name').find((el) => el.textContent === 'Mallory')!.closest('tr')!
    await act(async () => fireEvent.click(within(row).getByTestId('class-open')))
    const sheet = await screen.findByTestId('report-sheet')
    await act(async () => fireEvent.click(within(sheet).getByText('Lab 3 Create a VM with the Custom wizard')))
    expect(sheet.textContent).toContain('<img src=x onerror="window.__pwned=1">')
    expect(document.querySelectorAll('img[src="x"]')).toHaveLength(0)
    expect([...document.querySelectorAll('script')].filter((s) => s.textContent?.includes('__pwned'))).toHaveLength(0)
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined()

    // CSV of what the table shows.
    const out = join(tempDir(), 'class.csv')
    app.savePaths.push(out)
    await act(async () => fireEvent.click(screen.getByTestId('export-csv')))
    await waitFor(() => expect(readFileSync(out, 'utf8').startsWith('\uFEFFStudent number,Name,Class,Course,')).toBe(true), { timeout: 10_000 })
    expect(readFileSync(out, 'utf8')).toContain('Mallory')
  })

  it('filters by class and searches; the CSV follows what is shown', async () => {
    const app = await teacherApp('zh-CN')
    await act(async () => drop(samples.map((f) => file(f, readFileSync(join(REPORTS_DIR, f), 'utf8')))))
    await waitFor(() => expect(screen.getAllByTestId('class-name')).toHaveLength(samples.length), { timeout: 10_000 })
    const user = userEvent.setup()
    await user.type(within(screen.getByTestId('class-search')).getByRole('searchbox'), '李四')
    await waitFor(() => expect(screen.getAllByTestId('class-name').map((e) => e.textContent)).toEqual(['李四']), { timeout: 10_000 })
    const out = join(tempDir(), 'class.csv')
    app.savePaths.push(out)
    await act(async () => fireEvent.click(screen.getByTestId('export-csv')))
    await waitFor(() => expect(readFileSync(out, 'utf8').split('\r\n').filter(Boolean)).toHaveLength(2), { timeout: 10_000 })
    expect(readFileSync(out, 'utf8')).toContain('李四')
  })

  it('picks a folder through the edge dialog port', async () => {
    const app = await teacherApp('zh-CN')
    app.openPaths.push([REPORTS_DIR])
    await act(async () => fireEvent.click(screen.getByTestId('teacher-pick-folder')))
    await waitFor(() => expect(screen.getAllByTestId('class-name')).toHaveLength(samples.length), { timeout: 10_000 })
    // bad/ is walked too: its files are listed with reasons.
    await waitFor(() => expect(screen.getByTestId('rejected-list').querySelectorAll('[data-code]').length).toBe(6), { timeout: 10_000 })
    const reasons = [...screen.getByTestId('rejected-list').querySelectorAll('.rejected-reason')].map((e) => e.textContent ?? '')
    expect(reasons.join('\n')).toContain('完整性校验失败')
    expect(reasons.join('\n')).toContain('不是 JSON 文件：第 34 行第 8 列附近有语法错误')
    // No English from JSON.parse or zod reaches the Chinese UI.
    for (const reason of reasons) expect(reason).not.toMatch(/Expected|Unexpected|Invalid input|position|received|expected/)
  })

  it('the overview: a lab bar segment filters the table, and the attention list names who needs help', async () => {
    await teacherApp('zh-CN')
    await act(async () => drop(samples.map((f) => file(f, readFileSync(join(REPORTS_DIR, f), 'utf8')))))
    await waitFor(() => expect(screen.getAllByTestId('class-name')).toHaveLength(samples.length), { timeout: 10_000 })
    const overview = screen.getByTestId('class-overview')
    expect(within(overview).getByRole('heading', { name: '班级概况' })).toBeTruthy()
    const lab0 = within(overview).getByTestId('overview-lab-0')
    expect(lab0.getAttribute('aria-label')).toMatch(/^实验 0 .+：已完成 3 人，进行中 1 人，未开始 0 人$/)
    await act(async () => fireEvent.click(lab0.querySelector('[data-segment="in-progress"]')!))
    await waitFor(() => expect(screen.getAllByTestId('class-name').map((e) => e.textContent)).toEqual(['李四']), { timeout: 10_000 })
    expect(screen.getByTestId('class-shown').textContent).toBe(`显示 1 / ${samples.length} 名学生`)
    await act(async () => fireEvent.click(screen.getByTestId('class-clear-filters')))
    await waitFor(() => expect(screen.getAllByTestId('class-name')).toHaveLength(samples.length), { timeout: 10_000 })
    // Machines not ready: 李四 (需要处理) and Wang Fang (无法确定) are on the list.
    const list = within(overview).getByTestId('attention-list').textContent ?? ''
    expect(list).toContain('李四')
    expect(list).toContain('主机：需要处理')
    expect(list).toContain('Wang Fang')
    // The import area has collapsed into a button.
    expect(screen.queryByTestId('teacher-drop')).toBeNull()
    await act(async () => fireEvent.click(screen.getByTestId('teacher-import-more')))
    expect(screen.getByTestId('teacher-drop')).toBeTruthy()
  })
})
