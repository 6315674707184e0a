import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { App } from '../../src/renderer/src/App'
import { installBridge } from './bridge'

async function go(hash: string): Promise<void> {
  await act(async () => {
    window.location.hash = hash
    window.dispatchEvent(new HashChangeEvent('hashchange'))
  })
}

describe('glossary (jsdom, real services behind the bridge)', () => {
  it('lists every term, searches in both languages and by abbreviation, and says where each is taught', async () => {
    installBridge({ systemLocale: 'zh-CN' })
    window.location.hash = '#/glossary'
    render(<App />)
    await waitFor(() => screen.getByTestId('glossary-page'), { timeout: 10_000 })
    await waitFor(() => expect(screen.getAllByTestId(/^glossary-term-/).length).toBeGreaterThanOrEqual(100), { timeout: 10_000 })
    expect(screen.getByTestId('page-title').textContent).toBe('术语表')

    const search = within(screen.getByTestId('glossary-search')).getByRole('searchbox')
    await act(async () => {
      fireEvent.change(search, { target: { value: '精简 置备' } })
    })
    expect(screen.getAllByTestId(/^glossary-term-/).map((e) => e.getAttribute('data-testid'))).toContain('glossary-term-thin-provisioning')
    const card = screen.getByTestId('glossary-term-thin-provisioning')
    expect(card.textContent).toContain('thin provisioning')
    await waitFor(() => expect(card.textContent).toContain('课程：存储虚拟化'), { timeout: 10_000 })

    await act(async () => {
      fireEvent.change(search, { target: { value: 'slat' } })
    })
    expect(screen.getByTestId('glossary-term-slat').textContent).toContain('二级地址转换')
    await act(async () => {
      fireEvent.change(search, { target: { value: 'zzzz不存在' } })
    })
    expect(screen.queryAllByTestId(/^glossary-term-/)).toEqual([])
    expect(screen.getByTestId('glossary-count').textContent).toContain('找到 0 个')
  })

  it('links terms in lesson text to the glossary, once each', async () => {
    installBridge({ systemLocale: 'en' })
    window.location.hash = '#/lessons/server-virtualization'
    render(<App />)
    await waitFor(() => screen.getByTestId('lesson-body'), { timeout: 10_000 })
    const body = screen.getByTestId('lesson-body')
    await waitFor(() => within(body).getByTestId('term-trap-and-emulate'), { timeout: 10_000 })
    const link = within(body).getByTestId('term-trap-and-emulate')
    expect(link.getAttribute('href')).toBe('#/glossary/trap-and-emulate')
    expect(within(body).getAllByTestId('term-hypervisor')).toHaveLength(1)
    // Headings keep their plain text.
    for (const h of within(body).getAllByRole('heading')) expect(h.querySelector('.gl-term')).toBeNull()

    await go('#/glossary/trap-and-emulate')
    await waitFor(() => screen.getByTestId('glossary-term-trap-and-emulate'), { timeout: 10_000 })
    expect(screen.getByTestId('glossary-term-trap-and-emulate').className).toContain('glossary-card-focus')
  })
})
