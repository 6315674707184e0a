/** Sysinternals coreinfo -v and ipconfig (/all), both as printed on any Windows display language. */
import { lines } from '../../interpret/text'
import { formatList, type Recognizer, type Recognition } from './types'

/** `VMX   *   Supports Intel hardware-assisted virtualization` ('*' present, '-' absent). */
function recognizeCoreinfo(text: string): Recognition | null {
  const rows = new Map<string, boolean>()
  for (const raw of lines(text)) {
    const m = /^\s*(HYPERVISOR|VMX|SVM|EPT|NP|NPT)\s+([*-])\s+\S/.exec(raw)
    if (m) rows.set(m[1]!, m[2] === '*')
  }
  if (!rows.has('VMX') && !rows.has('SVM') && !(rows.has('HYPERVISOR') && /Coreinfo|Sysinternals/i.test(text))) return null
  const cpu = lines(text).find((l) => /\b(Intel|AMD|Hygon)\b.*(CPU|Processor|Ryzen|Core|EPYC|Xeon|Athlon|Pentium|Celeron)/i.test(l) && !/Supports/.test(l))?.trim() ?? null
  const family = lines(text).find((l) => /(Intel64|AMD64|x86) Family \d+/i.test(l))?.trim() ?? ''
  const vt = rows.get('VMX') ?? rows.get('SVM') ?? null
  const slat = rows.get('EPT') ?? rows.get('NP') ?? rows.get('NPT') ?? null
  const source = 'derived from a pasted coreinfo -v'
  const probes: Record<string, string> = { 'paste.coreinfo': lines(text).filter((l) => /^\s*(HYPERVISOR|VMX|SVM|EPT|NPT?)\s+[*-]|Family \d+|Coreinfo v/i.test(l) || l.trim() === cpu).join('\n') }
  const processor = formatList(source, {
    Name: cpu,
    Manufacturer: /GenuineIntel/.test(family) ? 'GenuineIntel' : /AuthenticAMD/.test(family) ? 'AuthenticAMD' : null,
    VMMonitorModeExtensions: vt,
    SecondLevelAddressTranslationExtensions: slat,
  })
  if (processor) probes['win.processor'] = processor
  if (rows.has('HYPERVISOR')) probes['win.computersystem'] = formatList(source, { HypervisorPresent: rows.get('HYPERVISOR') })!
  return { kind: 'coreinfo', platform: 'win32', arch: /Intel64|AMD64/.test(family) ? 'x64' : null, probes }
}

const ADAPTER_HEAD = /^(?:\S.*?(?:adapter|适配器|介面卡|アダプター|어댑터|адаптер|Adapter|carte|Karte)\s+)?(.+?)\s*[:：]\s*$/i
const FIELD = /^\s+(.+?)(?:\s*\.)+\s*[:：]\s?(.*)$|^\s+(.+?)\s{2,}[:：]\s?(.*)$/

interface IpconfigAdapter {
  connection: string
  description: string | null
  ipv4: string | null
  mask: string | null
  disconnected: boolean
}

export function parseIpconfig(text: string): IpconfigAdapter[] {
  const out: IpconfigAdapter[] = []
  let current: IpconfigAdapter | null = null
  for (const raw of lines(text)) {
    if (raw.trim() === '') continue
    if (!/^\s/.test(raw)) {
      const head = ADAPTER_HEAD.exec(raw.trim())
      current = head && /adapter|适配器|介面卡|アダプター|어댑터|адаптер|carte|Karte/i.test(raw) ? { connection: head[1]!.trim(), description: null, ipv4: null, mask: null, disconnected: false } : null
      if (current) out.push(current)
      continue
    }
    if (!current) continue
    const f = FIELD.exec(raw)
    if (!f) continue
    const label = (f[1] ?? f[3] ?? '').trim()
    const value = (f[2] ?? f[4] ?? '').trim()
    if (/^(Description|描述|說明|説明|설명|Описание)/i.test(label)) current.description = value
    else if (/IPv4|IP Address|IP 地址|IP 位址/i.test(label) && !current.ipv4) current.ipv4 = /(\d{1,3}(?:\.\d{1,3}){3})/.exec(value)?.[1] ?? null
    else if (/Subnet Mask|子网掩码|子網路遮罩|サブネット マスク|서브넷 마스크|Маска/i.test(label) && !current.mask) current.mask = /(\d{1,3}(?:\.\d{1,3}){3})/.exec(value)?.[1] ?? null
    else if (/Media State|媒体状态|媒體狀態|メディアの状態|미디어 상태|Состояние среды/i.test(label)) current.disconnected = /disconnected|断开|中斷|切断|끊김|отключ/i.test(value)
  }
  return out
}

function recognizeIpconfig(text: string): Recognition | null {
  const adapters = parseIpconfig(text)
  if (adapters.length === 0 || !/IPv4|Subnet Mask|子网掩码|Physical Address|物理地址|Media State|媒体状态|DNS/i.test(text)) return null
  const records = adapters.map((a) =>
    [
      `Name : ${a.description ?? a.connection}`,
      `NetConnectionID : ${a.connection}`,
      `NetEnabled : True`,
      `NetConnectionStatus : ${a.disconnected ? 7 : 2}`,
      a.ipv4 ? `IPAddress : {${a.ipv4}}` : null,
      a.mask ? `IPSubnet : {${a.mask}}` : null,
    ]
      .filter(Boolean)
      .join('\n'),
  )
  return {
    kind: 'ipconfig',
    platform: 'win32',
    arch: null,
    probes: { 'win.netadapters': ['# derived from a pasted ipconfig', ...records].join('\n\n') },
  }
}

export const windowsToolsRecognizer: Recognizer = {
  kinds: ['coreinfo', 'ipconfig'],
  recognize(segment) {
    const out: Recognition[] = []
    const core = recognizeCoreinfo(segment.text)
    if (core) out.push(core)
    const ip = recognizeIpconfig(segment.text)
    if (ip) out.push(ip)
    return out
  },
}
