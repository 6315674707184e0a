/** VMware's own files: vmware.log, .vmx, and the virtual network configs (vmnetnat.conf, vmnetdhcp.conf, networking). */
import { looksLikeVmwareLog, parseVmwareLog, hasVmwareLogFacts } from '../../interpret/vmware-log'
import { parseVmx } from '../../interpret/vmware'
import { lines } from '../../interpret/text'
import { VMWARE_LOG_PREFIX } from '../../extra-evidence'
import { joinWrapped } from '../segments'
import type { Recognition, Recognizer } from './types'

const LOG_LINE = /^\s*\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/

function safeName(name: string): string {
  return name.replace(/[^\w.\-\u4e00-\u9fff ]+/g, '_').slice(0, 80) || 'pasted'
}

function recognizeLog(text: string, inputName: string): Recognition | null {
  if (!looksLikeVmwareLog(text)) return null
  // Chat windows wrap long log lines: a line without a timestamp continues the one before.
  const joined = LOG_LINE.test(text.trimStart()) ? joinWrapped(text, (l) => LOG_LINE.test(l)) : text
  const facts = parseVmwareLog(joined)
  if (!hasVmwareLogFacts(facts)) return null
  return {
    kind: 'vmware-log',
    platform: facts.hostPlatform,
    arch: facts.hostOs && /64-bit|x86_64|amd64/i.test(facts.hostOs) ? 'x64' : null,
    probes: { [`${VMWARE_LOG_PREFIX}pasted/${safeName(inputName)}/vmware.log`]: joined },
  }
}

function recognizeVmx(text: string, inputName: string): Recognition | null {
  const map = parseVmx(text)
  const vmxKeys = ['config.version', 'virtualhw.version', 'guestos', 'memsize', 'displayname', 'numvcpus'].filter((k) => map.has(k)).length
  if (vmxKeys < 3 || !map.has('guestos')) return null
  const base = /\.vmx$/i.test(inputName) ? safeName(inputName) : `${safeName(map.get('displayname') ?? inputName)}.vmx`
  return { kind: 'vmx', platform: null, arch: null, probes: { [`vmware.vmx:pasted/${base}`]: text } }
}

function recognizeVmnet(text: string): Recognition | null {
  const probes: Record<string, string> = {}
  let platform: Recognition['platform'] = null
  if (/^\s*\[host\]/im.test(text) && /^\s*(ip|netmask|device|activeFTP|natPort)\s*=/im.test(text)) {
    probes['vmware.nat-conf'] = text
    platform = /device\s*=\s*vmnet\d|\/dev\/vmnet/i.test(text) ? 'linux' : /VMnet\d/.test(text) ? 'win32' : null
  }
  if (/^\s*subnet\s+\d{1,3}(?:\.\d{1,3}){3}\s+netmask\s+/im.test(text) && /\brange\s+\d/i.test(text)) {
    probes['vmware.dhcp-conf'] = text
    platform ??= /Virtual ethernet segment|VMnet\d/.test(text) ? 'win32' : /vmnet\d/.test(text) ? 'linux' : null
  }
  if (/^\s*lease\s+\d{1,3}(?:\.\d{1,3}){3}\s*\{/m.test(text)) probes['vmware.dhcp-leases'] = text
  if (/^\s*answer\s+VNET_\d+_/m.test(text)) {
    probes['vmware.linux-networking'] = lines(text).filter((l) => /^\s*(answer|add_bridge_mapping|VERSION)/.test(l) || l.trim() === '').join('\n')
    platform = 'linux'
  }
  if (Object.keys(probes).length === 0) return null
  return { kind: 'vmnet-config', platform, arch: null, probes }
}

export const vmwareRecognizer: Recognizer = {
  kinds: ['vmware-log', 'vmx', 'vmnet-config'],
  recognize(segment, inputName) {
    const log = recognizeLog(segment.text, inputName)
    if (log) return [log]
    const out: Recognition[] = []
    const vmx = recognizeVmx(segment.text, inputName)
    if (vmx) out.push(vmx)
    else {
      const vmnet = recognizeVmnet(segment.text)
      if (vmnet) out.push(vmnet)
    }
    return out
  },
}
