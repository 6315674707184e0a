import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseCaptureText } from '../../src/main/host/capture-file'
import { evaluateCapture } from '../../src/main/host/evaluate'
import { nextAction } from '../../src/shared/host/next-action'

const story = (name: string) =>
  evaluateCapture(parseCaptureText(readFileSync(join(__dirname, '../fixtures/stories', `${name}.capture.json`), 'utf8')), { source: 'replay' })

describe('the three machine stories', () => {
  it('firmware off on a Lenovo: action needed, and the first fix names the Lenovo key and menu path', () => {
    const r = story('firmware-off')
    expect(r.verdict.status).toBe('action-needed')
    expect(r.verdict.firstFixCheck).toBe('firmware.vt-enabled')
    expect(r.verdict.firstFix?.['zh-CN']).toMatch(/^联想：开机时按 F2（部分机型 Fn\+F2 或 Novo 键）→? ?.*Configuration → Intel Virtual Technology.*Enabled.*F10/)
    expect(r.verdict.firstFix?.en).toMatch(/Lenovo: press F2 .*Novo button/)
    // Before Lab 1, the VMware items are the labs' to-do list, not failures.
    expect(r.checks.filter((c) => c.id.startsWith('vmware.')).map((c) => c.status)).toEqual(['todo', 'todo', 'todo', 'todo', 'todo'])
    const action = nextAction(r)!
    expect(action.kind).toBe('firmware')
    expect(action.needsRestart).toBe(true)
  })

  it('Hyper-V with Memory integrity: ready with caveats; the action names the feature, the switch and the command', () => {
    const r = story('hyperv-on')
    expect(r.verdict.status).toBe('ready-with-caveats')
    expect(r.verdict.firstFix?.['zh-CN']).toContain('内存完整性')
    expect(r.verdict.firstFix?.['zh-CN']).toContain('bcdedit /set hypervisorlaunchtype off')
    const action = nextAction(r)!
    expect(action.kind).toBe('windows-hypervisor')
    expect(action.command).toBe('bcdedit /set hypervisorlaunchtype off')
    expect(action.needsAdmin && action.needsRestart).toBe(true)
    expect(action.steps[0]?.['zh-CN']).toMatch(/内核隔离.*内存完整性/)
    expect(action.keepWhen?.['zh-CN']).toMatch(/WSL2/)
  })

  it('ready: nothing to do', () => {
    const r = story('ready')
    expect(r.verdict.status).toBe('ready')
    expect(nextAction(r)).toBeNull()
    expect(r.checks.some((c) => c.status === 'fail')).toBe(false)
  })
})
