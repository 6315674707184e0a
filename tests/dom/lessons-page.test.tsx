import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { App } from '../../src/renderer/src/App'
import { createTestApp, RESOURCES_DIR } from '../support/services'
import { installBridge } from './bridge'

const temp: string[] = []
afterEach(() => {
  for (const dir of temp.splice(0)) rmSync(dir, { recursive: true, force: true })
})

describe('lessons pages (jsdom, real services behind the bridge)', () => {
  it('lists the lessons, opens one with its text, diagram and quiz, and checks an answer', async () => {
    const app = installBridge({ systemLocale: 'zh-CN' })
    window.location.hash = '#/lessons'
    render(<App />)
    await waitFor(() => expect(screen.getAllByTestId(/^lesson-card-/)).toHaveLength(8), { timeout: 10_000 })
    expect(screen.getByTestId('lesson-card-products').textContent).toContain('主流虚拟化产品与 I/O 栈')
    expect(screen.getByTestId('lesson-best-products').textContent).toBe('尚未测验')

    await act(async () => {
      window.location.hash = '#/lessons/products'
      window.dispatchEvent(new HashChangeEvent('hashchange'))
    })
    await waitFor(() => screen.getByTestId('lesson-products'), { timeout: 10_000 })
    // Markdown body in Chinese (its sections are h3 under the lesson's h2 title), the io-stacks diagram, the quiz.
    expect(within(screen.getByTestId('lesson-body')).getAllByRole('heading', { level: 3 })[0]!.textContent).toBe('主流产品')
    screen.getByTestId('diagram-io-stacks')
    expect((screen.getByTestId('quiz-submit') as HTMLButtonElement).disabled).toBe(true)

    // Answer one single-choice question right: the explanation appears and the question locks.
    const check = screen.getByTestId('check-l8-hyperv-type') as HTMLButtonElement
    expect(check.disabled).toBe(true)
    await act(async () => {
      fireEvent.click(screen.getByTestId('option-l8-hyperv-type-a'))
    })
    expect(check.disabled).toBe(false)
    await act(async () => {
      fireEvent.click(check)
    })
    await waitFor(() => screen.getByTestId('explanation-l8-hyperv-type'), { timeout: 10_000 })
    expect(screen.getByTestId('question-l8-hyperv-type').getAttribute('data-state')).toBe('correct')
    expect(screen.getByTestId('explanation-l8-hyperv-type').textContent).toContain('父分区')
    expect(screen.queryByTestId('check-l8-hyperv-type')).toBeNull()
    expect(screen.getByTestId('quiz-progress').textContent).toContain('1/10')
    // Checking records nothing; only submitting the whole quiz does.
    expect(app.services.progress.quizResults()).toEqual([])
  })

  it('moves ordering items with the buttons', async () => {
    installBridge({ systemLocale: 'en' })
    window.location.hash = '#/lessons/products'
    render(<App />)
    await waitFor(() => screen.getByTestId('order-l8-history-order'), { timeout: 10_000 })
    const order = () => within(screen.getByTestId('order-l8-history-order')).getAllByRole('listitem').map((li) => li.getAttribute('data-testid'))
    const before = order()
    const second = before[1]!.replace('order-item-', '')
    await act(async () => {
      fireEvent.click(screen.getByTestId(`order-up-${second}`))
    })
    expect(order()).toEqual([before[1], before[0], ...before.slice(2)])
    // The buttons are named for screen readers.
    const up = screen.getByTestId(`order-up-${second}`)
    expect(up.getAttribute('aria-label')).toMatch(/^Move up: /)
  })

  it('names a broken lesson file and still shows the others', async () => {
    const resources = mkdtempSync(join(tmpdir(), 'virtlab-resources-'))
    temp.push(resources)
    cpSync(RESOURCES_DIR, resources, { recursive: true })
    const file = join(resources, 'lessons/06-storage-virtualization/questions.yaml')
    writeFileSync(file, readFileSync(file, 'utf8').replace('type: matching', 'type: essay'))
    installBridge({ app: createTestApp({ systemLocale: 'en', resourcesDir: resources }) })
    window.location.hash = '#/lessons'
    render(<App />)
    await waitFor(() => expect(screen.getAllByTestId(/^lesson-card-/)).toHaveLength(7), { timeout: 10_000 })
    const problems = screen.getByTestId('lesson-problems')
    expect(problems.textContent).toContain('06-storage-virtualization')
    expect(problems.textContent).toContain('questions.yaml: [0] (l6-approach-match).type')
  })

  it('says when a lesson does not exist', async () => {
    installBridge({ systemLocale: 'en' })
    window.location.hash = '#/lessons/no-such-lesson'
    render(<App />)
    await waitFor(() => expect(document.body.textContent).toContain('There is no lesson no-such-lesson'), { timeout: 10_000 })
  })
})
