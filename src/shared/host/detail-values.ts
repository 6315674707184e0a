import type { Locale, Localized } from '../i18n/locale'

const L = (zh: string, en: string): Localized => ({ 'zh-CN': zh, en })

/**
 * The raw values checks store in details and the host summary ("unknown", "yes", "amd", "x64"…),
 * as a person reads them. Anything else (a CPU name, a version, a path) is shown as it is.
 */
const VALUES: Record<string, Localized> = {
  unknown: L('未知', 'unknown'),
  '?': L('未知', 'unknown'),
  yes: L('是', 'yes'),
  no: L('否', 'no'),
  true: L('是', 'yes'),
  false: L('否', 'no'),
  amd: L('AMD', 'AMD'),
  intel: L('Intel', 'Intel'),
  apple: L('Apple', 'Apple'),
  arm: L('ARM', 'ARM'),
  x64: L('x86-64（64 位）', 'x86-64 (64-bit)'),
  x86_64: L('x86-64（64 位）', 'x86-64 (64-bit)'),
  amd64: L('x86-64（64 位）', 'x86-64 (64-bit)'),
  ia32: L('x86（32 位）', 'x86 (32-bit)'),
  x86: L('x86（32 位）', 'x86 (32-bit)'),
  arm64: L('ARM64', 'ARM64'),
  aarch64: L('ARM64', 'ARM64'),
  'unknown hypervisor': L('未知的虚拟化软件', 'an unknown hypervisor'),
  usable: L('可用', 'usable'),
  'no access': L('无权访问', 'no access'),
  loaded: L('已加载', 'loaded'),
  'not loaded': L('未加载', 'not loaded'),
  'none loaded': L('均未加载', 'none loaded'),
  'unknown (/proc/modules unreadable)': L('未知（读不到 /proc/modules）', 'unknown (/proc/modules unreadable)'),
}

/** A VMware network as the networks check writes it: "vmnet8 192.168.193.0/24 host — gw 192.168.193.2 dhcp a–b". */
const NETWORK = /^(vmnet\d+) (\S+) host (\S+)(?: gw (\S+))?(?: dhcp (\S+))?$/

function networkValue(m: RegExpExecArray, locale: Locale): string {
  const [, , subnet, host, gw, dhcp] = m
  const known = (v: string | undefined): string | null => (v && v !== '?' && v !== '—' ? v : null)
  const zh = locale === 'zh-CN'
  const parts = [
    known(subnet) && `${zh ? '子网' : 'subnet'} ${subnet}`,
    known(host) && `${zh ? '主机' : 'host'} ${host}`,
    known(gw) && `${zh ? '网关' : 'gateway'} ${gw}`,
    known(dhcp) && `DHCP ${dhcp}`,
  ].filter(Boolean)
  return parts.length > 0 ? parts.join(zh ? '，' : ', ') : zh ? '未知' : 'unknown'
}

export function detailValue(value: string, locale: Locale): string {
  const known = VALUES[value.trim().toLowerCase()]
  if (known) return known[locale]
  const network = NETWORK.exec(value)
  if (network) return networkValue(network, locale)
  const missing = /^no host adapter(?:; configured (\S+))?$/.exec(value)
  if (missing) {
    if (locale === 'en') return value
    return missing[1] ? `主机上没有这块虚拟网卡（配置的子网是 ${missing[1]}）` : '主机上没有这块虚拟网卡'
  }
  // "auto (default)" from bcdedit: the value stays as typed, the note is ours.
  const dflt = /^(.+) \(default\)$/.exec(value)
  if (dflt) return locale === 'zh-CN' ? `${dflt[1]}（默认值）` : value
  return value
}

/** The host's architecture for the report header: "架构未知" rather than a bare "unknown". */
export function archText(arch: string, locale: Locale): string {
  if (arch.trim() === '' || arch === 'unknown') return locale === 'zh-CN' ? '架构未知' : 'architecture unknown'
  return detailValue(arch, locale)
}
