import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { App } from '../../src/renderer/src/App'
import { createTestApp } from '../support/services'
import { STUDENT, autoStep, manualStep, tempDir } from '../support/records'
import { installBridge } from './bridge'

describe('student profile and records (jsdom, real services)', () => {
  it('asks for the profile on first start, refuses markup, saves, and shows it on the Records page', async () => {
    const app = installBridge({ app: createTestApp({ systemLocale: 'zh-CN', profile: null }) })
    window.location.hash = '#/records'
    render(<App />)
    await waitFor(() => expect(screen.getByText('欢迎使用虚拟化实验助手')).toBeTruthy())
    const user = userEvent.setup()
    await user.type(screen.getByTestId('profile-name'), '<b>张三</b>')
    await user.type(screen.getByTestId('profile-studentNumber'), '2023010101')
    await user.type(screen.getByTestId('profile-className'), '计科2301')
    expect((screen.getByTestId('profile-course') as HTMLInputElement).value).toBe('云计算与虚拟化技术')
    await user.click(screen.getByTestId('profile-save'))
    await waitFor(() => expect(screen.getByText('不能包含尖括号 < > 或控制字符')).toBeTruthy())
    expect(app.services.records.store.profile()).toBeNull()

    await user.clear(screen.getByTestId('profile-name'))
    await user.type(screen.getByTestId('profile-name'), '张三')
    await user.click(screen.getByTestId('profile-save'))
    await waitFor(() => expect(app.services.records.store.profile()).toEqual(STUDENT))
    await waitFor(() => expect(screen.getByTestId('records-profile').textContent).toContain('2023010101'))
    // The dialog closes (jsdom never finishes antd's leave animation, so "leaving" counts as closed).
    await waitFor(() => {
      const dialog = screen.queryByText('欢迎使用虚拟化实验助手')?.closest('.ant-modal')
      expect(dialog === null || dialog === undefined || dialog.classList.contains('ant-zoom-leave')).toBe(true)
    })
  })

  it('shows lab steps with how they were verified, and the machine summary', async () => {
    const app = installBridge({ app: createTestApp({ systemLocale: 'en' }) })
    await app.services.records.recordStep(manualStep('create-vm', 'prepare-iso', '2026-03-02T01:00:00.000Z', true, 'checksum <ok>'))
    await app.services.records.recordStep(autoStep('install-workstation', 'verify-install', '2026-03-02T01:10:00.000Z', false))
    window.location.hash = '#/records'
    render(<App />)
    const labs = await screen.findByTestId('records-labs')
    expect(labs.textContent).toContain('Create a VM with the Custom wizard')
    await act(async () => {
      fireEvent.click(within(labs).getByText('Create a VM with the Custom wizard'))
    })
    await waitFor(() => expect(screen.getByTestId('steps-create-vm').textContent).toContain('Note: checksum <ok>'))
    expect(screen.getByTestId('steps-install-workstation').textContent).toContain('Automatic check (VMware Workstation installation: Fail)')
    expect(screen.getByText('No host check yet. Run the Host check once and it shows here.')).toBeTruthy()
  })

  it('tells the student when the records file was damaged and kept aside', async () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'records.json'), '{"schemaVersion":1,"data":{"prof')
    installBridge({ app: createTestApp({ systemLocale: 'zh-CN', userDataDir: dir }) })
    window.location.hash = '#/records'
    render(<App />)
    await waitFor(() => expect(screen.getAllByText('学习记录文件已损坏，已另行保存').length).toBeGreaterThan(0))
    const alert = await screen.findByTestId('records-recovered')
    expect(alert.textContent).toMatch(/records\.corrupt-.*\.json/)
    expect(alert.textContent).toContain('没有删除任何内容')
  })

  it('Settings: edit the profile and switch to teacher mode (the Teacher item appears)', async () => {
    const app = installBridge({ app: createTestApp({ systemLocale: 'en' }) })
    window.location.hash = '#/settings'
    render(<App />)
    const user = userEvent.setup()
    const name = await screen.findByTestId('profile-name')
    await user.clear(name)
    await user.type(name, 'Li Si')
    await user.click(within(screen.getByTestId('settings-profile')).getByTestId('profile-save'))
    await waitFor(() => expect(app.services.records.store.profile()?.name).toBe('Li Si'))
    expect(screen.queryByTestId('nav-teacher')).toBeNull()
    await user.click(screen.getByText("A teacher (adds the Teacher view, to import a class's reports)"))
    await waitFor(() => expect(screen.getByTestId('nav-teacher')).toBeTruthy())
    expect(app.services.settings.get().settings.mode).toBe('teacher')
    // The xAPI base IRI: refused until it is a full http(s) address, then saved.
    const iri = screen.getByTestId('settings-xapi')
    await user.clear(iri)
    await user.type(iri, 'lrs.example.edu')
    expect(screen.getByText('Enter a full address starting with https:// or http://')).toBeTruthy()
    await user.clear(iri)
    await user.type(iri, 'https://lrs.example.edu/course-42')
    await user.click(within(screen.getByTestId('settings-teacher')).getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(app.services.settings.get().settings.xapiBaseIri).toBe('https://lrs.example.edu/course-42'))
  })
})
