import { describe, expect, it } from 'vitest'
import { firstStage } from '../../src/main/host/collect'
import type { ProbeEnvironment, ProbeSpec } from '../../src/main/host/probes/spec'
import { vmwareStage2 } from '../../src/main/host/probes/vmware-probes'
import { CheckContext } from '../../src/main/host/context'

const windowsEnv: ProbeEnvironment = {
  platform: 'win32',
  arch: 'x64',
  env: { SystemRoot: 'C:\\Windows', APPDATA: 'C:\\Users\\s\\AppData\\Roaming', ProgramData: 'C:\\ProgramData', USERPROFILE: 'C:\\Users\\s' },
  homeDir: 'C:\\Users\\s',
  resourcesDir: 'C:\\VirtLab\\resources',
}

const spawnsPowerShell = (spec: ProbeSpec): boolean =>
  spec.kind === 'bundle' || (spec.kind === 'command' && /powershell|pwsh/i.test(spec.command))

describe('the Windows probe plan', () => {
  it('starts one PowerShell process of its own (systeminformation shares one persistent other)', () => {
    const plan = firstStage(windowsEnv)
    expect(plan.filter(spawnsPowerShell).map((s) => s.id)).toEqual(['win.host-probe'])
    // systeminformation calls that would each start PowerShell are not planned on Windows.
    expect(plan.map((s) => s.id)).not.toContain('si.system')
    expect(plan.map((s) => s.id)).not.toContain('si.bios')
    // No command goes through a shell.
    for (const spec of plan) if (spec.kind === 'command') expect(spec.command).not.toMatch(/^(cmd|cmd\.exe|sh|bash)$/i)
  })

  it('the second stage runs vmrun from the install path in the registry, with argument arrays', () => {
    const ctx = new CheckContext('win32', 'x64', {
      'win.vmware-registry': { ok: true, text: JSON.stringify([{ InstallPath: 'D:\\VMware\\Workstation\\', ProductVersion: '17.6.4.24832109' }]) },
    })
    const stage2 = vmwareStage2(windowsEnv, ctx)
    const list = stage2.find((s) => s.id === 'vmware.vmrun-list')
    expect(list).toMatchObject({ kind: 'command', command: 'D:\\VMware\\Workstation\\vmrun.exe', args: ['-T', 'ws', 'list'] })
    expect(stage2.filter(spawnsPowerShell)).toEqual([])
  })
})
