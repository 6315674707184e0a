import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createMemoryLogger } from '../../src/main/logging/logger'
import { RecordsStore } from '../../src/main/records/records-store'
import { createSettingsService } from '../../src/main/settings/settings-service'
import type { AtomicWrite } from '../../src/main/storage/json-file-store'
import { createTestApp } from '../support/services'

const dirs: string[] = []
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'virtlab-store-edge-'))
  dirs.push(dir)
  return dir
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

function refused(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: operation not permitted, rename`), { code })
}

/** Plays an antivirus holding the file: the first `times` renames are refused, then the real write runs. */
function flakyWrite(code: string, times: number): AtomicWrite & { calls: number } {
  const write = Object.assign(
    async (path: string, body: string) => {
      write.calls += 1
      if (write.calls <= times) throw refused(code)
      writeFileSync(path, body)
    },
    { calls: 0 },
  )
  return write
}

const step = (labId: string, stepId: string) => ({
  labId,
  stepId,
  passed: true,
  at: '2026-03-01T10:00:00.000Z',
  verification: { kind: 'manual' as const, note: '' },
})

describe('a store that cannot be read is treated like a damaged one', () => {
  it('settings.json is a folder (EISDIR): moved aside, defaults in use, changes saved to a new file', async () => {
    const dir = tempDir()
    mkdirSync(join(dir, 'settings.json'))
    const settings = createSettingsService({ userDataDir: dir, systemLocale: 'zh-CN', logger: createMemoryLogger() })
    expect(settings.recovery).toMatchObject({ readOnly: false, reason: expect.stringMatching(/EISDIR/) })
    expect(statSync(settings.recovery!.movedTo).isDirectory()).toBe(true)
    await settings.update({ locale: 'en' })
    expect(JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8')).data.locale).toBe('en')
  })

  it('records.json is a folder (EISDIR): moved aside, the app starts and the overview says so', async () => {
    const dir = tempDir()
    mkdirSync(join(dir, 'records.json'))
    const { router } = createTestApp({ userDataDir: dir, profile: null })
    const overview = (await router.invoke('records:overview', [])) as { recovery: { movedTo: string; reason: string; readOnly: boolean } }
    expect(overview.recovery).toMatchObject({ readOnly: false, reason: expect.stringMatching(/EISDIR/) })
    expect(overview.recovery.movedTo).toMatch(/records\.corrupt-.*\.json$/)
  })

  it('the user-data "folder" is a file (ENOTDIR): the app starts read-only with a notice, and writes are refused clearly', async () => {
    const parent = tempDir()
    const userData = join(parent, 'VirtLab Companion')
    writeFileSync(userData, 'not a folder')
    const { router } = createTestApp({ userDataDir: userData, profile: null })
    const overview = (await router.invoke('records:overview', [])) as { recovery: { readOnly: boolean; reason: string } }
    expect(overview.recovery).toMatchObject({ readOnly: true })
    const settings = (await router.invoke('settings:get', [])) as { recovery: { readOnly: boolean } }
    expect(settings.recovery).toMatchObject({ readOnly: true })
    await expect(router.invoke('records:setProfile', [{ name: '张三', studentNumber: '1', className: 'A', course: 'B' }])).rejects.toThrow(/read-only/)
    await expect(router.invoke('settings:update', [{ locale: 'en' }])).rejects.toThrow(/read-only/)
    // Nothing was saved, and memory says so too.
    expect(((await router.invoke('settings:get', [])) as { settings: { locale: string | null } }).settings.locale).toBeNull()
    expect(readFileSync(userData, 'utf8')).toBe('not a folder')
  })
})

describe('store writes', () => {
  it('retry a rename refused by an antivirus (EPERM, EBUSY, EACCES), then succeed', async () => {
    for (const code of ['EPERM', 'EBUSY', 'EACCES']) {
      const dir = tempDir()
      const write = flakyWrite(code, 2)
      const store = new RecordsStore({ userDataDir: dir, logger: createMemoryLogger(), write, retryDelaysMs: [1, 1, 1] })
      await store.recordStep(step('lab-1', 'a'))
      expect(write.calls).toBe(3)
      expect(new RecordsStore({ userDataDir: dir, logger: createMemoryLogger() }).current.labs['lab-1']?.a?.attempts).toBe(1)
    }
  })

  it('a write that keeps failing is not shown as saved', async () => {
    const dir = tempDir()
    const write = flakyWrite('EPERM', 99)
    const settings = createSettingsService({ userDataDir: dir, systemLocale: 'zh-CN', logger: createMemoryLogger(), write })
    await expect(settings.update({ locale: 'en' })).rejects.toThrow(/EPERM/)
    expect(settings.get().settings.locale).toBeNull()
    const store = new RecordsStore({ userDataDir: dir, logger: createMemoryLogger(), write, retryDelaysMs: [1] })
    await expect(store.recordStep(step('lab-1', 'a'))).rejects.toThrow(/EPERM/)
    expect(store.current.labs).toEqual({})
  })

  it('other errors are not retried', async () => {
    const dir = tempDir()
    const write = flakyWrite('ENOSPC', 1)
    const store = new RecordsStore({ userDataDir: dir, logger: createMemoryLogger(), write, retryDelaysMs: [1, 1] })
    await expect(store.recordStep(step('lab-1', 'a'))).rejects.toThrow(/ENOSPC/)
    expect(write.calls).toBe(1)
  })

  it('two settings updates at once both survive ({locale} and {mode})', async () => {
    const dir = tempDir()
    const settings = createSettingsService({ userDataDir: dir, systemLocale: 'zh-CN', logger: createMemoryLogger() })
    await Promise.all([settings.update({ locale: 'en' }), settings.update({ mode: 'teacher' })])
    expect(settings.get().settings).toMatchObject({ locale: 'en', mode: 'teacher' })
    const again = createSettingsService({ userDataDir: dir, systemLocale: 'zh-CN', logger: createMemoryLogger() })
    expect(again.get().settings).toMatchObject({ locale: 'en', mode: 'teacher' })
  })

  it('records written at once all survive', async () => {
    const dir = tempDir()
    const store = new RecordsStore({ userDataDir: dir, logger: createMemoryLogger() })
    await Promise.all([store.recordStep(step('lab-1', 'a')), store.recordStep(step('lab-1', 'b')), store.recordStep(step('lab-2', 'a'))])
    const again = new RecordsStore({ userDataDir: dir, logger: createMemoryLogger() })
    expect(Object.keys(again.current.labs['lab-1'] ?? {}).sort()).toEqual(['a', 'b'])
    expect(Object.keys(again.current.labs['lab-2'] ?? {})).toEqual(['a'])
  })
})

describe('settings.update and picked .vmx files', () => {
  it.each([
    ['\\\\evil-host\\share\\vm.vmx'],
    ['//evil-host/share/vm.vmx'],
    ['\\\\.\\PhysicalDrive0\\vm.vmx'],
    ['\\\\?\\C:\\vm.vmx'],
    ['relative/vm.vmx'],
    ['C:\\VMs\\notes.txt'],
  ])('refuses %s, as choosing a .vmx does', async (path) => {
    const { router } = createTestApp({ userDataDir: tempDir() })
    await expect(router.invoke('settings:update', [{ pickedVmx: [path] }])).rejects.toThrow(/invalid-input/)
  })

  it('accepts a local .vmx', async () => {
    const { router } = createTestApp({ userDataDir: tempDir() })
    await expect(router.invoke('settings:update', [{ pickedVmx: ['C:\\Users\\学生\\Documents\\Virtual Machines\\CentOS\\CentOS.vmx', '/home/s/vmware/a.vmx'] }])).resolves.toBeTruthy()
  })
})
