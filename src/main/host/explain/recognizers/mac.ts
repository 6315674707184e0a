/** macOS `sysctl` (machdep.cpu.*, kern.hv_support, hw.optional.arm64 …). */
import { lines } from '../../interpret/text'
import type { Recognizer } from './types'

const KEY = /^\s*(machdep\.cpu\.[\w.]+|kern\.hv_support|kern\.hv_vmm_present|hw\.optional\.arm64|hw\.memsize|hw\.ncpu|hw\.model|hw\.physicalcpu|kern\.osproductversion)\s*[:=]\s*(.*)$/

export const macRecognizer: Recognizer = {
  kinds: ['sysctl'],
  recognize(segment) {
    const found = lines(segment.text).flatMap((l) => {
      const m = KEY.exec(l)
      return m ? [`${m[1]}: ${m[2]!.trim()}`] : []
    })
    if (found.length < 1 || (found.length < 2 && !/sysctl/.test(segment.command ?? ''))) return []
    const arm = found.some((l) => /^hw\.optional\.arm64: 1$/.test(l)) || found.some((l) => /brand_string: Apple/.test(l))
    return [{ kind: 'sysctl', platform: 'darwin', arch: arm ? 'arm64' : 'x64', probes: { 'mac.sysctl': found.join('\n') } }]
  },
}
