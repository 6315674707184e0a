import type { ProbeSpec } from './spec'

export const SYSCTL_KEYS = [
  'kern.hv_support',
  'kern.hv_vmm_present',
  'machdep.cpu.brand_string',
  'machdep.cpu.features',
  'machdep.cpu.leaf7_features',
  'machdep.cpu.core_count',
  'hw.optional.arm64',
  'hw.memsize',
  'hw.ncpu',
  'hw.physicalcpu',
  'hw.model',
  'kern.osproductversion',
]

export function macProbes(): ProbeSpec[] {
  return [
    // sysctl prints the keys it knows and exits non-zero for unknown ones; the runner keeps stdout.
    { id: 'mac.sysctl', kind: 'command', command: 'sysctl', args: SYSCTL_KEYS, timeoutMs: 4000 },
    { id: 'mac.sw_vers', kind: 'command', command: 'sw_vers', args: [], timeoutMs: 4000 },
    { id: 'mac.applications', kind: 'command', command: 'ls', args: ['/Applications'], timeoutMs: 4000 },
  ]
}
