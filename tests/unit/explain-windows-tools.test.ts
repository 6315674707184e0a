import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { decodeText } from '../../src/main/host/text/decode'
import { explainTexts, recognize } from '../../src/main/host/explain/explain'
import { parsePowerShellObjects } from '../../src/main/host/interpret/powershell-output'

const dir = join(__dirname, '../fixtures/explain')
const fixture = (name: string): string => decodeText(readFileSync(join(dir, name))).text

function explain(text: string) {
  const result = explainTexts([{ name: 'paste', text, encoding: null }])
  const check = (id: string) => result.report?.checks.find((c) => c.id === id)
  return { result, check }
}

function probe(text: string, kind: string, id: string): string | undefined {
  return recognize(text, 'paste').find((r) => r.kind === kind)?.probes[id]
}

describe('msinfo32 System Summary as students paste it', () => {
  const tabs = fixture('msinfo32-en-lenovo-flex3-firmware-off.txt')
  const rows = tabs.trim().split('\n').map((l) => l.split('\t'))

  it('reads the same rows with tabs, runs of spaces, single spaces or as a markdown table', () => {
    const variants = [
      tabs,
      rows.map(([a, b]) => `${a!.trim()}    ${b}`).join('\n'),
      rows.map(([a, b]) => `${a!.trim()} ${b}`).join('\n'),
      ['| Item | Value |', '|---|---|', ...rows.map(([a, b]) => `| ${a!.trim()} | ${b} |`)].join('\n'),
    ]
    const processors = variants.map((v) => probe(v, 'msinfo32', 'win.processor'))
    expect(processors[0]).toContain('VirtualizationFirmwareEnabled : False')
    expect(processors[0]).toContain('VMMonitorModeExtensions : True')
    for (const p of processors) expect(p).toBe(processors[0])
    for (const v of variants) expect(explain(v).result.report?.verdict.status).toBe('action-needed')
  })

  it('takes en-GB "Virtualisation" rows and never reads a longer row as a shorter label', () => {
    const text = [
      'OS Name\tMicrosoft Windows 10 Pro',
      'System Manufacturer\tQuanta',
      'Kernel DMA Protection\tOff',
      'Virtualisation-based security\tEnabled but not running',
      'Virtualisation-based security Required Security Properties\t',
      'Virtualisation-based security Services Running\t',
      'Hyper-V - VM Monitor Mode Extensions\tYes',
      'Hyper-V - Second Level Address Translation Extensions\tYes',
      'Hyper-V - Virtualisation Enabled in Firmware\tYes',
    ].join('\n')
    expect(probe(text, 'msinfo32', 'win.processor')).toContain('VirtualizationFirmwareEnabled : True')
    // "Enabled but not running" is VBS configured (1), not running (2).
    expect(probe(text, 'msinfo32', 'win.deviceguard')).toContain('VirtualizationBasedSecurityStatus : 1')
  })

  it('is recognised by its own rows even when the Hyper-V rows were cut', () => {
    const found = recognize(fixture('msinfo32-en-msi-ryzen-vbs-running-excerpt.txt'), 'paste')
    expect(found.map((r) => r.kind)).toEqual(['msinfo32'])
    expect(found[0]!.probes['win.deviceguard']).toContain('VirtualizationBasedSecurityStatus : 2')
    // systeminfo's "Label:   value" lines are not msinfo32 rows.
    expect(recognize('Host Name:                 PC\nOS Name:                   Microsoft Windows 10 Pro\nBIOS Version:              LENOVO\nSystem Manufacturer:       LENOVO', 'p').map((r) => r.kind)).not.toContain('msinfo32')
  })

  it('reads the build, the cores and the memory from the other rows', () => {
    const { check } = explain(fixture('msinfo32-en-hp-a10-markdown-table-firmware-off.md'))
    expect(check('os.supported')?.status).toBe('pass')
    expect(check('os.supported')?.facts).toMatchObject({ build: 19045 })
    expect(check('cpu.cores')?.facts).toMatchObject({ cores: 4, threads: 4 })
    expect(check('memory')?.status).not.toBe('unknown')
    // Windows 8.1 (6.3.9600) is older than current Workstation supports.
    expect(explain(fixture('msinfo32-en-asus-g751jy-single-spaces-fenced.md')).check('os.supported')?.status).toBe('fail')
  })

  it('names AMD-V, not Intel VT-x, when an AMD PC has virtualization off', () => {
    const { check } = explain(fixture('msinfo32-en-hp-a10-markdown-table-firmware-off.md'))
    expect(check('firmware.vt-enabled')?.status).toBe('fail')
    expect(check('firmware.vt-enabled')?.summary.en).toContain('AMD-V')
    expect(check('firmware.vt-enabled')?.summary.en).not.toContain('Intel')
    expect(check('firmware.vt-enabled')?.summary['zh-CN']).toContain('SVM Mode')
  })
})

describe('PowerShell lists with notes and blanks', () => {
  it('drops the note a person typed after a value', () => {
    const [record] = parsePowerShellObjects('VirtualizationFirmwareEnabled : False   ← SVM off\nVMMonitorModeExtensions       : True    <- the CPU can\nName : a<-b\nCodeIntegrityPolicyEnforcementStatus : 2 📌')
    expect(record).toEqual({ VirtualizationFirmwareEnabled: false, VMMonitorModeExtensions: true, Name: 'a<-b', CodeIntegrityPolicyEnforcementStatus: 2 })
  })

  it('Get-ComputerInfo: filled requirement rows mean no hypervisor; blank ones say nothing', () => {
    const filled = 'HyperVRequirementVirtualizationFirmwareEnabled : False\nHyperVRequirementVMMonitorModeExtensions       : True\nHyperVRequirementSecondLevelAddressTranslation : True'
    expect(probe(filled, 'get-computerinfo', 'win.computersystem')).toContain('HypervisorPresent : False')
    const blank = 'HyperVisorPresent                                 : True\nHyperVRequirementVMMonitorModeExtensions          :\nHyperVRequirementVirtualizationFirmwareEnabled    :'
    expect(probe(blank, 'get-computerinfo', 'win.computersystem')).toMatch(/HypervisorPresent : true/i)
    expect(probe(blank, 'get-computerinfo', 'win.processor')).toBeUndefined()
  })
})

describe('bcdedit transcripts', () => {
  const zh = fixture('bcdedit-zh-auto-then-set-off.gbk.txt')

  it('the last bcdedit in a paste is the state after "bcdedit /set"', () => {
    const { check } = explain(zh)
    expect(check('windows.hypervisor')?.status).toBe('pass')
    expect(check('windows.hypervisor')?.summary['zh-CN']).toContain('重启')
    const before = zh.slice(0, zh.indexOf('bcdedit /set'))
    const first = explain(before).check('windows.hypervisor')
    expect(first?.status).toBe('unknown')
    expect(first?.summary.en).toContain('hypervisorlaunchtype Auto')
  })

  it('reads the findstr line students paste, and not a sentence or a /set command', () => {
    expect(recognize('C:\\>bcdedit /enum | findstr hypervisorlaunchtype\nhypervisorlaunchtype    Off', 'p').map((r) => r.kind)).toEqual(['bcdedit'])
    expect(explain('hypervisorlaunchtype    Off').check('windows.hypervisor')?.status).toBe('pass')
    expect(recognize('bcdedit /set hypervisorlaunchtype off\nThe operation completed successfully.', 'p')).toEqual([])
    expect(recognize('Then set hypervisorlaunchtype to Off and restart.', 'p')).toEqual([])
  })

  it('without a hypervisorlaunchtype line the default is named, and nothing passes', () => {
    const text = zh.slice(0, zh.indexOf('bcdedit /set')).replace(/^hypervisorlaunchtype.*$/m, '')
    const { check, result } = explain(text)
    expect(check('windows.hypervisor')?.status).toBe('unknown')
    expect(check('windows.hypervisor')?.summary.en).toContain('the default, Auto')
    expect(result.report?.verdict.status).toBe('unknown')
  })
})
