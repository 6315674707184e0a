import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { HostReport } from '../../src/shared/host/report'
import { createTestApp } from '../support/services'

const vmx = join(__dirname, '../fixtures/vmware/vmx/centos7-nat-gbk.vmx')

describe.runIf(process.platform === 'linux')('a .vmx the student picks by hand', () => {
  it('is read (honouring its GBK encoding), remembered, and judged by the lab step', async () => {
    const app = createTestApp({ systemLocale: 'zh-CN' })
    app.openPaths.push([vmx])
    const report = (await app.router.invoke('host:pickVmx', [])) as HostReport
    const vms = report.checks.find((c) => c.id === 'vmware.vms')!
    const found = (vms.facts.vms as Record<string, unknown>[]).find((v) => v.path === vmx)
    expect(found).toMatchObject({ guestOS: 'centos7-64', connectionType: 'nat', encoding: 'GBK' })
    expect(String(found!.displayName)).toContain('位')
    // Remembered in settings, so the next check reads it again.
    expect((app.services.settings.get().settings.pickedVmx)).toEqual([vmx])
    const again = (await app.router.invoke('host:runCheck', [])) as HostReport
    expect(JSON.stringify(again.checks.find((c) => c.id === 'vmware.vms')!.facts)).toContain('centos7-64')
    // The lab step judges this VM's own settings.
    const result = (await app.router.invoke('labs:verifyStep', ['create-vm', 'verify-vm', { kind: 'auto' }])) as {
      auto: { criteria: { id: string; passed: boolean; actual: string }[] }
    }
    const byId = Object.fromEntries(result.auto.criteria.map((c) => [c.id, c]))
    expect(byId['guest-os']).toMatchObject({ passed: true, actual: 'centos7-64' })
    expect(byId.memory).toMatchObject({ passed: true, actual: '2196' })
    expect(byId.vcpus).toMatchObject({ passed: true, actual: '4' })
    expect(byId.nat).toMatchObject({ passed: true, actual: 'nat' })
  })

  it('a cancelled dialog or a file that is not a .vmx changes nothing', async () => {
    const app = createTestApp()
    expect(await app.router.invoke('host:pickVmx', [])).toBeNull()
    app.openPaths.push(['/etc/hostname'])
    expect(await app.router.invoke('host:pickVmx', [])).toBeNull()
    expect(app.services.settings.get().settings.pickedVmx).toEqual([])
  })
})
