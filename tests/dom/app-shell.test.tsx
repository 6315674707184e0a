import { act, render, screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { App } from '../../src/renderer/src/App'
import { installBridge } from './bridge'

describe('App shell (jsdom, real services behind the bridge)', () => {
  it('renders the navigation in Chinese for a Chinese system', async () => {
    installBridge({ systemLocale: 'zh-CN' })
    window.location.hash = '#/home'
    render(<App />)
    await waitFor(() => expect(screen.getByTestId('page-title').textContent).toBe('首页'))
    for (const label of ['主机检测', '实验', '课程', '学习记录', '设置']) {
      expect(screen.getAllByText(label).length).toBeGreaterThan(0)
    }
  })

  it('renders English for an English system and switches language from the header', async () => {
    installBridge({ systemLocale: 'en' })
    window.location.hash = '#/settings'
    render(<App />)
    await waitFor(() => expect(screen.getByTestId('page-title').textContent).toBe('Settings'))
    await act(async () => {
      screen.getByText('中文').click()
    })
    await waitFor(() => expect(screen.getByTestId('page-title').textContent).toBe('设置'))
  })

  it('shows a copyable crash dialog for an uncaught error', async () => {
    installBridge({ systemLocale: 'en' })
    render(<App />)
    await waitFor(() => expect(screen.getByTestId('page-title')).toBeTruthy())
    await act(async () => {
      window.dispatchEvent(new ErrorEvent('error', { error: new Error('boom at step 3'), message: 'boom at step 3' }))
    })
    await waitFor(() => expect(screen.getByTestId('crash-details').textContent).toContain('boom at step 3'))
    expect(screen.getByText('The app hit an unexpected error')).toBeTruthy()
  })

  it('tells the student when the preload bridge is missing instead of showing a blank window', async () => {
    Object.defineProperty(window, 'virtlab', { value: undefined, configurable: true })
    render(<App />)
    await waitFor(() => expect(document.body.textContent).toMatch(/preload|预加载/))
  })
})

describe('Home shows where the student is', () => {
  it('the last verdict (kept in the records) and lab and lesson progress', async () => {
    const { readFileSync } = await import('node:fs')
    const { join } = await import('node:path')
    const { parseCaptureText } = await import('../../src/main/host/capture-file')
    const { createTestApp } = await import('../support/services')
    const capture = parseCaptureText(readFileSync(join(__dirname, '../fixtures/captures/win-zh-lenovo-20fw-ready.capture.json'), 'utf8'))
    const first = createTestApp({ systemLocale: 'en', collectHost: async () => capture })
    await first.router.invoke('host:runCheck', [])
    // A restart: the full report is gone, the records keep the verdict (once its write has landed).
    // Watch the file itself: opening a second store here would remove the first one's unfinished
    // temp file (as a start-up does) and make that write fail.
    const { RECORDS_FILE } = await import('../../src/main/records/records-store')
    const kept = (): string => {
      try {
        return readFileSync(join(first.userDataDir, RECORDS_FILE), 'utf8')
      } catch {
        return ''
      }
    }
    await waitFor(() => expect(kept()).toContain('"verdict"'), { timeout: 15_000 })
    const app = createTestApp({ systemLocale: 'en', userDataDir: first.userDataDir })
    installBridge({ app })
    window.location.hash = '#/home'
    render(<App />)
    await waitFor(() => expect(screen.getByTestId('home-last-check').textContent).toContain('Ready'), { timeout: 10_000 })
    await waitFor(() => expect(screen.getByTestId('home-steps').textContent).toMatch(/Last verdict: Ready.*0 of 5 labs completed.*Quizzes taken in 0 of 8 lessons/s), {
      timeout: 10_000,
    })
  })
})
