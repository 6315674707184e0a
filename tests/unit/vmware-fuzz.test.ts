import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ProbeResult } from '../../src/shared/host/capture'
import { CheckContext } from '../../src/main/host/context'
import { vmwareChecks } from '../../src/main/host/checks/vmware'
import * as vmware from '../../src/main/host/interpret/vmware'
import { decodeVmx, extractVmdkDescriptor } from '../../src/main/host/text/decode'

const FIXTURES = join(__dirname, '..', 'fixtures', 'vmware')
const ALL = ['vmx', 'vmdk', 'config', 'commands'].flatMap((dir) =>
  readdirSync(join(FIXTURES, dir)).map((name) => {
    const raw = readFileSync(join(FIXTURES, dir, name))
    return dir === 'vmx' ? decodeVmx(raw) : raw.toString('utf8')
  }),
)

/** Every text parser of interpret/vmware.ts, each called the way callers call it. */
const PARSERS: Record<string, (text: string) => unknown> = {
  parseVmx: vmware.parseVmx,
  vmSettings: (t) => vmware.vmSettings(t.slice(0, 40), vmware.parseVmx(t), vmware.parseVmdkDescriptor(t)),
  parseVmdkDescriptor: vmware.parseVmdkDescriptor,
  parseLinuxNetworking: vmware.parseLinuxNetworking,
  parseNatConf: vmware.parseNatConf,
  parseDhcpConf: vmware.parseDhcpConf,
  parseDhcpLeases: vmware.parseDhcpLeases,
  parsePreferences: vmware.parsePreferences,
  parseInventory: vmware.parseInventory,
  parseVmFolderListing: vmware.parseVmFolderListing,
  parseVmrunList: vmware.parseVmrunList,
  parseToolsState: vmware.parseToolsState,
  parseGuestIp: vmware.parseGuestIp,
  parseVmwareV: vmware.parseVmwareV,
  parseProductVersion: vmware.parseProductVersion,
  parseLinuxVmwareConfig: vmware.parseLinuxVmwareConfig,
  parseIpAddrText: vmware.parseIpAddrText,
  guestFamilyOf: vmware.guestFamilyOf,
  majorOf: vmware.majorOf,
  ipv4ToInt: vmware.ipv4ToInt,
  prefixFromMask: vmware.prefixFromMask,
  networkOf: (t) => vmware.networkOf(t, t.split('').reverse().join('')),
  hostInSubnet: (t) => vmware.hostInSubnet(t, t.length),
  ipInRange: (t) => vmware.ipInRange(t, t, t),
  ipInSubnet: (t) => vmware.ipInSubnet(t, t, t),
  resolveBesideVmx: (t) => vmware.resolveBesideVmx(t, t),
  dirnameOf: vmware.dirnameOf,
  basenameOf: vmware.basenameOf,
  pathKey: (t) => vmware.pathKey(t, true),
  decodeVmx: (t) => decodeVmx(Buffer.from(t, 'latin1')),
  extractVmdkDescriptor: (t) => extractVmdkDescriptor(Buffer.from(`# Disk DescriptorFile\n${t}`, 'utf8')),
}

const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc.string({ unit: 'grapheme', maxLength: 400 }),
  // Text made of the characters these formats are built from, so the parsers get past their first checks.
  fc.string({ unit: fc.constantFrom(...'=" |#{};:.\n\r\t/\\[]0123456789abcdefABCDEF-_xvmnetRWSPARSEanswerVNET_8lease'.split('')), maxLength: 400 }),
)

/** A real fixture, cut, spliced and shuffled. */
const mutatedFixture = fc
  .record({
    index: fc.nat({ max: ALL.length - 1 }),
    edits: fc.array(fc.record({ at: fc.nat(), remove: fc.nat({ max: 40 }), insert: fc.string({ unit: 'binary', maxLength: 20 }) }), { maxLength: 8 }),
    swapLines: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 4 }),
    truncate: fc.option(fc.nat(), { nil: undefined }),
  })
  .map(({ index, edits, swapLines, truncate }) => {
    let text = ALL[index]!
    for (const { at, remove, insert } of edits) {
      const p = text.length === 0 ? 0 : at % text.length
      text = text.slice(0, p) + insert + text.slice(p + remove)
    }
    const lines = text.split('\n')
    for (const [a, b] of swapLines) {
      if (lines.length < 2) break
      const i = a % lines.length
      const j = b % lines.length
      ;[lines[i], lines[j]] = [lines[j]!, lines[i]!]
    }
    text = lines.join('\n')
    return truncate === undefined ? text : text.slice(0, truncate % (text.length + 1))
  })

// Without the safety nets, so that a bug shows up as a throw rather than as a quietly empty result.
beforeAll(() => {
  process.env.VIRTLAB_STRICT_PARSERS = '1'
})
afterAll(() => {
  delete process.env.VIRTLAB_STRICT_PARSERS
})

describe('interpret/vmware never throws', () => {
  for (const [name, parse] of Object.entries(PARSERS)) {
    it(`${name} on random text and on mutated real fixtures`, () => {
      fc.assert(
        fc.property(fc.oneof(anyText, mutatedFixture), (text) => {
          expect(() => parse(text)).not.toThrow()
        }),
        { numRuns: 150 },
      )
    })
  }

  it('every unmutated fixture goes through every parser', () => {
    for (const text of ALL) for (const parse of Object.values(PARSERS)) expect(() => parse(text)).not.toThrow()
  })
})

describe('vmwareChecks never throws and always returns the five checks', () => {
  const IDS = [
    'win.vmware-registry',
    'win.uninstall',
    'win.services',
    'win.netadapters',
    'linux.modules',
    'linux.ip-addr',
    'mac.applications',
    'vmware.version',
    'vmware.linux-config',
    'vmware.linux-networking',
    'vmware.nat-conf',
    'vmware.dhcp-conf',
    'vmware.dhcp-leases',
    'vmware.preferences',
    'vmware.inventory',
    'vmware.vm-folder',
    'vmware.vmrun-list',
    'vmware.vmx:/vm/a.vmx',
    'vmware.vmx:C:\\VMs\\b.vmx',
    'vmware.vmdk:/vm/disk.vmdk',
    'vmware.tools-state:/vm/a.vmx',
    'vmware.guest-ip:/vm/a.vmx',
  ]
  const probe: fc.Arbitrary<ProbeResult> = fc.oneof(
    fc.oneof(anyText, mutatedFixture).map((text): ProbeResult => ({ ok: true, text })),
    fc.constantFrom<ProbeResult>({ ok: false, error: { kind: 'missing', message: 'ENOENT' } }, { ok: false, error: { kind: 'timeout', message: 'timed out' } }),
  )
  it('on random captures for every platform', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('win32' as const, 'linux' as const, 'darwin' as const),
        fc.dictionary(fc.constantFrom(...IDS), probe, { maxKeys: IDS.length }),
        (platform, probes) => {
          const checks = vmwareChecks(new CheckContext(platform, 'x64', probes))
          expect(checks.map((c) => c.id)).toEqual(['vmware.installed', 'vmware.services', 'vmware.networks', 'vmware.vms', 'vmware.running'])
          for (const c of checks) if (c.status !== 'pass' && c.status !== 'skip') expect(c.fix.length).toBeGreaterThan(0)
        },
      ),
      { numRuns: 300 },
    )
  })
})
