import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CheckContext } from '../../src/main/host/context'
import { vmwareChecks } from '../../src/main/host/checks/vmware'
import { parsePing } from '../../src/main/host/interpret/vmware'
import { guestPingProbes } from '../../src/main/host/probes/vmware-probes'
import type { ProbeEnvironment } from '../../src/main/host/probes/spec'

const commands = join(__dirname, '../fixtures/vmware/commands')
const read = (name: string): string => readFileSync(join(commands, name), 'utf8')

describe('host → guest ping', () => {
  it('reads real ping outputs in Chinese Windows and Linux', () => {
    expect(parsePing(read('ping-windows-zh-host-to-vmware-guest.txt'))).toBe(true)
    expect(parsePing(read('ping-linux-reply.txt'))).toBe(true)
    expect(parsePing(read('ping-linux-100-loss.txt'))).toBe(false)
    expect(parsePing(read('ping-linux-host-unreachable.txt'))).toBe(false)
    expect(parsePing('ping: socket: Operation not permitted')).toBe(null)
  })

  it('pings only the addresses vmrun reported for running guests, with argument arrays', () => {
    const ctx = new CheckContext('linux', 'x64', {
      'vmware.guest-ip:/home/s/vmware/c7/c7.vmx': { ok: true, text: '192.168.162.128\n' },
      'vmware.guest-ip:/home/s/vmware/u/u.vmx': { ok: true, text: 'Error: The VMware Tools are not running in the virtual machine\n', exitCode: 255 },
    })
    const env: ProbeEnvironment = { platform: 'linux', arch: 'x64', env: {}, homeDir: '/home/s', resourcesDir: '/r' }
    expect(guestPingProbes(env, ctx)).toEqual([
      { id: 'vmware.ping:192.168.162.128', kind: 'command', command: 'ping', args: ['-c', '1', '-W', '1', '192.168.162.128'], timeoutMs: 4000 },
    ])
  })

  it('the running check records whether the host reached the guest', () => {
    const vmx = '/home/s/vmware/c7/c7.vmx'
    const ctx = new CheckContext('linux', 'x64', {
      'vmware.version': { ok: true, text: 'VMware Workstation 17.5.2 build-23775571\n' },
      'vmware.vmrun-list': { ok: true, text: `Total running VMs: 1\n${vmx}\n` },
      [`vmware.tools-state:${vmx}`]: { ok: true, text: 'running\n' },
      [`vmware.guest-ip:${vmx}`]: { ok: true, text: '192.168.162.128\n' },
      'vmware.ping:192.168.162.128': { ok: true, text: read('ping-windows-zh-host-to-vmware-guest.txt') },
    })
    const running = vmwareChecks(ctx).find((c) => c.id === 'vmware.running')!
    expect(running.facts.running).toEqual([expect.objectContaining({ guestIp: '192.168.162.128', hostReachesGuest: true })])
    expect(running.evidence.some((e) => e.probe === 'vmware.ping:192.168.162.128' && /TTL=64/.test(e.excerpt))).toBe(true)
  })
})
