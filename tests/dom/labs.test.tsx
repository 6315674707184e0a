import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { App } from '../../src/renderer/src/App'
import { createTestApp } from '../support/services'
import { hostCapture, vmx, windowsWithoutVmware, windowsWorkstation, withProbes } from '../support/vmware-evidence'
import { installBridge } from './bridge'

const WIN = hostCapture('win-en-hp-elitebook-830g7-ready.capture.json')

describe('Lab runner (jsdom, real services behind the bridge, recorded hosts)', () => {
  it('resumes at the first unfinished step and moves with the keyboard', async () => {
    const app = createTestApp({ systemLocale: 'zh-CN', collectHost: async () => withProbes(WIN, windowsWithoutVmware()) })
    await app.services.labs.verifyStep('create-vm', 'prepare-iso', { kind: 'manual', note: '' })
    installBridge({ app })
    window.location.hash = '#/labs/create-vm'
    render(<App />)
    await waitFor(() => expect(window.location.hash).toBe('#/labs/create-vm/start-wizard'))
    await waitFor(() => expect(screen.getByTestId('step-start-wizard')).toBeTruthy())
    expect(screen.getByTestId('nav-step-prepare-iso').getAttribute('data-status')).toBe('passed')
    act(() => {
      fireEvent.keyDown(document.body, { key: 'ArrowRight' })
    })
    await waitFor(() => expect(window.location.hash).toBe('#/labs/create-vm/guest-os-and-name'))
    act(() => {
      fireEvent.keyDown(document.body, { key: 'k' })
    })
    await waitFor(() => expect(window.location.hash).toBe('#/labs/create-vm/start-wizard'))
    // Keys typed into the note stay there.
    await waitFor(() => expect(screen.getByTestId('manual-note')).toBeTruthy())
    act(() => {
      fireEvent.keyDown(screen.getByTestId('manual-note'), { key: 'j' })
    })
    expect(window.location.hash).toBe('#/labs/create-vm/start-wizard')
  })

  it('shows a failed auto check with the reason, expected vs actual, the VM judged, and the matching troubleshooting', async () => {
    const app = createTestApp({
      systemLocale: 'en',
      collectHost: async () => withProbes(WIN, windowsWorkstation({ 'vmware.vmx:D:\\VMs\\Debian\\debian6.vmx': vmx('debian6-bridged-vmnet0-static-mac-ws-in-the-wild.vmx') })),
    })
    installBridge({ app })
    window.location.hash = '#/labs/create-vm/verify-vm'
    render(<App />)
    await waitFor(() => expect(screen.getByTestId('step-verify-vm')).toBeTruthy(), { timeout: 10_000 })
    // Before the check: the criteria as sentences (the requirement is in the words, no operators or paths).
    expect(screen.getByTestId('criterion-memory').textContent).toBe('At least 2048 MB of memory')
    act(() => {
      fireEvent.keyDown(document.body, { key: 'Enter' })
    })
    await waitFor(() => expect(screen.getByTestId('check-result').getAttribute('data-passed')).toBe('false'), { timeout: 10_000 })
    // One sentence on what is wrong; the machine's value beside each criterion.
    expect(screen.getByTestId('reason-sentence').textContent).toBe('“At least 2048 MB of memory” is not met yet (this computer: 512).')
    expect(screen.getByTestId('actual-memory').textContent).toBe('This computer: 512')
    expect(screen.getByTestId('actual-nat').textContent).toBe('This computer: bridged')
    expect(screen.getByTestId('criterion-guest-os').getAttribute('data-passed')).toBe('true')
    expect(screen.getByTestId('element-name').textContent).toContain('debian6')
    expect(screen.getByTestId('trouble-not-nat').getAttribute('data-matched')).toBe('true')
    // The most relevant entry comes first and open; the others under "Other possible causes".
    expect(within(screen.getByTestId('trouble-primary')).getByTestId('trouble-memory-too-small')).toBeTruthy()
    expect(screen.getByTestId('troubleshooting').textContent).toContain('Other possible causes')
    expect(screen.getByTestId('trouble-disk-too-small').getAttribute('data-matched')).toBe('false')
    expect(screen.getByTestId('step-status').textContent).toBe('Not passed')
  })
})
