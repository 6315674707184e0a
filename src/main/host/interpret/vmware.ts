/**
 * Interpreters for VMware Workstation's own files and command outputs. All pure; none throws on any
 * input (each exported parser is wrapped, and returns an empty/neutral value for text it cannot read).
 *
 * Traps these handle (see tests/fixtures/vmware/README.md): keys in any case (Packer writes lower case,
 * old ESX files upper case), values in any case ("TRUE", "CDROM-RAW"), `|22`-style hex escapes, a
 * backslash right before the closing quote (`"C:\"` — backslash is not an escape), unquoted values,
 * `#` comments and free-text lines, CRLF, BOM, a `#!/usr/bin/vmware` first line.
 */
import type { HostInterface } from './linux'
import { lines, toNumber } from './text'

/**
 * The safety net around every exported parser. Tests set VIRTLAB_STRICT_PARSERS=1 so that the
 * property tests see a bug as a throw instead of a quietly empty result.
 */
function safe<T>(fallback: () => T, run: () => T): T {
  try {
    return run()
  } catch (error) {
    if (process.env.VIRTLAB_STRICT_PARSERS === '1') throw error
    return fallback()
  }
}

// ---------------------------------------------------------------------------------------------
// IPv4 helpers

/** Dotted quad → unsigned 32-bit number, or null. */
export function ipv4ToInt(text: string | null | undefined): number | null {
  if (typeof text !== 'string') return null
  const match = /^\s*(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\s*$/.exec(text)
  if (!match) return null
  const parts = match.slice(1, 5).map(Number)
  if (parts.some((p) => p > 255)) return null
  return (((parts[0]! << 24) >>> 0) + (parts[1]! << 16) + (parts[2]! << 8) + parts[3]!) >>> 0
}

export function intToIpv4(value: number): string {
  const v = value >>> 0
  return [(v >>> 24) & 255, (v >>> 16) & 255, (v >>> 8) & 255, v & 255].join('.')
}

/** 255.255.255.0 → 24; null for a mask whose bits are not contiguous. */
export function prefixFromMask(mask: string | null | undefined): number | null {
  const m = ipv4ToInt(mask)
  if (m === null) return null
  let prefix = 0
  while (prefix < 32 && ((m >>> (31 - prefix)) & 1) === 1) prefix += 1
  const rebuilt = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0
  return rebuilt === m ? prefix : null
}

export function maskFromPrefix(prefix: number): string | null {
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > 32) return null
  return intToIpv4(prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0)
}

/** The network address of `ip` under `mask`, or null. */
export function networkOf(ip: string | null | undefined, mask: string | null | undefined): string | null {
  const a = ipv4ToInt(ip)
  const m = ipv4ToInt(mask)
  if (a === null || m === null || prefixFromMask(mask) === null) return null
  return intToIpv4((a & m) >>> 0)
}

/** `subnet` + `offset` as an address (e.g. .1, .2 of a subnet). */
export function hostInSubnet(subnet: string | null | undefined, offset: number): string | null {
  const s = ipv4ToInt(subnet)
  return s === null ? null : intToIpv4((s + offset) >>> 0)
}

export function ipInRange(ip: string | null | undefined, start: string | null | undefined, end: string | null | undefined): boolean | null {
  const a = ipv4ToInt(ip)
  const s = ipv4ToInt(start)
  const e = ipv4ToInt(end)
  if (a === null || s === null || e === null) return null
  return a >= s && a <= e
}

export function ipInSubnet(ip: string | null | undefined, subnet: string | null | undefined, mask: string | null | undefined): boolean | null {
  const net = networkOf(ip, mask)
  if (net === null || ipv4ToInt(subnet) === null) return null
  return net === networkOf(subnet, mask)
}

// ---------------------------------------------------------------------------------------------
// .vmx (and the same dictionary format: preferences, inventory.vmls, /etc/vmware/config)

const KEY_LINE = /^\s*([^\s=#"]+)\s*=\s*(.*)$/

function unescapeVmx(value: string): string {
  // VMware writes characters it cannot store raw as |XX (hex): |22 = ", |0A = newline, |7C = |.
  return value.replace(/\|([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
}

function readValue(raw: string): string {
  const rest = raw.trim()
  if (rest.startsWith('"')) {
    // No backslash escapes in VMware's format: the value ends at the next double quote.
    const end = rest.indexOf('"', 1)
    return unescapeVmx(end < 0 ? rest.slice(1) : rest.slice(1, end))
  }
  const hash = rest.search(/\s#/)
  return unescapeVmx((hash < 0 ? rest : rest.slice(0, hash)).trim())
}

/** `key = "value"` lines → map with lower-cased keys; the last duplicate wins, as in VMware. */
export function parseVmx(text: string): Map<string, string> {
  return safe(
    () => new Map<string, string>(),
    () => {
      const out = new Map<string, string>()
      for (const line of lines(text)) {
        const trimmed = line.trim()
        if (trimmed === '' || trimmed.startsWith('#')) continue
        const match = KEY_LINE.exec(line)
        if (!match) continue
        out.set(match[1]!.toLowerCase(), readValue(match[2]!))
      }
      return out
    },
  )
}

function isTrue(value: string | undefined): boolean {
  return value !== undefined && /^(true|yes|1)$/i.test(value.trim())
}

export type GuestFamily = 'linux' | 'windows' | 'other'
export type DiskType = 'scsi' | 'nvme' | 'sata' | 'ide'

const LINUX_GUEST =
  /linux|^(centos|rhel|redhat|ubuntu|debian|fedora|rocky|almalinux|oracle|opensuse|suse|sles|nld|sjds|mandrake|mandriva|asianux|turbolinux|coreos|photon|vmware-photon|amazonlinux|miracle|kylin|uos|deepin|flatcar|mint)/
const WINDOWS_GUEST = /^(win|windows|longhorn)/

export function guestFamilyOf(guestOS: string | null | undefined): GuestFamily {
  if (typeof guestOS !== 'string') return 'other'
  const id = guestOS.trim().toLowerCase()
  if (id === '') return 'other'
  if (WINDOWS_GUEST.test(id)) return 'windows'
  if (LINUX_GUEST.test(id)) return 'linux'
  return 'other'
}

export interface VmSettings {
  path: string
  displayName: string | null
  /** Lower-cased guestOS id (`centos7-64`, `windows11-64`, …). */
  guestOS: string | null
  guestFamily: GuestFamily
  memsizeMB: number | null
  numvcpus: number
  virtualHW: number | null
  /** ethernet0's connection type, lower case: nat | bridged | hostonly | custom | …; null without ethernet0. */
  connectionType: string | null
  vnet: string | null
  diskGB: number | null
  diskType: DiskType | null
  /** The first disk's file name as written in the .vmx (relative to the .vmx folder, or absolute). */
  diskFile: string | null
  isoAttached: boolean
  isoPath: string | null
  firmware: 'efi' | 'bios'
  encoding: string | null
  macAddress: string | null
}

interface Device {
  bus: DiskType
  controller: number
  unit: number
  prefix: string
}

const BUS_ORDER: readonly DiskType[] = ['scsi', 'nvme', 'sata', 'ide']

function devicesOf(map: Map<string, string>): Device[] {
  const found: Device[] = []
  for (const key of map.keys()) {
    const match = /^(scsi|nvme|sata|ide)(\d{1,3}):(\d{1,3})\.filename$/.exec(key)
    if (!match) continue
    found.push({ bus: match[1] as DiskType, controller: Number(match[2]), unit: Number(match[3]), prefix: `${match[1]}${match[2]}:${match[3]}` })
  }
  return found.sort((a, b) => BUS_ORDER.indexOf(a.bus) - BUS_ORDER.indexOf(b.bus) || a.controller - b.controller || a.unit - b.unit)
}

const GIB = 1024 * 1024 * 1024

/** The facts of one .vmx. `vmdk` is the first disk's descriptor when it was read. */
export function vmSettings(path: string, map: Map<string, string>, vmdk?: VmdkDescriptor | null): VmSettings {
  return safe(
    () => emptySettings(path),
    () => {
      const get = (key: string): string | null => {
        const value = map.get(key)
        return value === undefined || value.trim() === '' ? null : value.trim()
      }
      const guestOS = get('guestos')?.toLowerCase() ?? null
      const ethernetPresent = isTrue(map.get('ethernet0.present'))
      const connectionType = ethernetPresent ? (get('ethernet0.connectiontype')?.toLowerCase() ?? 'bridged') : null
      const devices = devicesOf(map)
      const present = (d: Device): boolean => isTrue(map.get(`${d.prefix}.present`))
      const deviceType = (d: Device): string => (map.get(`${d.prefix}.devicetype`) ?? '').trim().toLowerCase()
      const fileName = (d: Device): string => (map.get(`${d.prefix}.filename`) ?? '').trim()
      const disk = devices.find((d) => present(d) && !deviceType(d).startsWith('cdrom') && /\.vmdk$/i.test(fileName(d)))
      const isos = devices.filter((d) => present(d) && deviceType(d) === 'cdrom-image' && /\.iso$/i.test(fileName(d))).map(fileName)
      // Easy Install leaves its own autoinst.iso attached; the student's installer ISO is the other one.
      const isoPath = isos.find((p) => !/(^|[\\/])autoinst\.iso$/i.test(p)) ?? isos[0] ?? null
      const mac = get('ethernet0.address') ?? get('ethernet0.generatedaddress')
      const sizeBytes = vmdk?.sizeBytes ?? null
      return {
        path,
        displayName: get('displayname'),
        guestOS,
        guestFamily: guestFamilyOf(guestOS),
        memsizeMB: toInteger(get('memsize')),
        numvcpus: toInteger(get('numvcpus')) ?? 1,
        virtualHW: toInteger(get('virtualhw.version')),
        connectionType,
        vnet: ethernetPresent ? get('ethernet0.vnet') : null,
        diskGB: sizeBytes === null ? null : Math.round((sizeBytes / GIB) * 100) / 100,
        diskType: disk?.bus ?? null,
        diskFile: disk ? fileName(disk) : null,
        isoAttached: isos.length > 0,
        isoPath,
        firmware: get('firmware')?.toLowerCase() === 'efi' ? 'efi' : 'bios',
        encoding: get('.encoding'),
        macAddress: mac ? mac.toLowerCase() : null,
      }
    },
  )
}

function emptySettings(path: string): VmSettings {
  return {
    path,
    displayName: null,
    guestOS: null,
    guestFamily: 'other',
    memsizeMB: null,
    numvcpus: 1,
    virtualHW: null,
    connectionType: null,
    vnet: null,
    diskGB: null,
    diskType: null,
    diskFile: null,
    isoAttached: false,
    isoPath: null,
    firmware: 'bios',
    encoding: null,
    macAddress: null,
  }
}

function toInteger(value: string | null | undefined): number | null {
  const n = toNumber(value)
  return n !== null && Number.isInteger(n) ? n : null
}

/** True for `C:\…`, `C:/…`, `\\server\…` and `/…`. */
export function isAbsolutePath(path: string): boolean {
  return /^[A-Za-z]:[\\/]/.test(path) || /^[\\/]/.test(path)
}

function looksWindows(path: string): boolean {
  return /^[A-Za-z]:[\\/]/.test(path) || path.startsWith('\\\\')
}

/** The folder of a .vmx (or any file), in the path's own style. */
export function dirnameOf(path: string): string {
  const cut = Math.max(path.lastIndexOf('/'), looksWindows(path) ? path.lastIndexOf('\\') : -1)
  if (cut < 0) return ''
  if (cut === 0) return path.slice(0, 1)
  if (looksWindows(path) && cut === 2 && path[1] === ':') return path.slice(0, 3)
  return path.slice(0, cut)
}

export function basenameOf(path: string): string {
  const cut = Math.max(path.lastIndexOf('/'), looksWindows(path) ? path.lastIndexOf('\\') : -1)
  return path.slice(cut + 1)
}

/** A disk path from a .vmx, resolved against the .vmx's folder (absolute paths are kept). */
export function resolveBesideVmx(vmxPath: string, file: string): string {
  const f = file.trim()
  if (isAbsolutePath(f)) return f
  const dir = dirnameOf(vmxPath)
  if (dir === '') return f
  const sep = looksWindows(vmxPath) ? '\\' : '/'
  const rel = f.replace(/^\.[\\/]/, '')
  return dir.endsWith('/') || dir.endsWith('\\') ? `${dir}${rel}` : `${dir}${sep}${rel}`
}

/** A key to compare .vmx paths: case-insensitive and slash-agnostic for Windows paths. */
export function pathKey(path: string, windows: boolean): string {
  const p = path.trim()
  return windows || looksWindows(p) ? p.replace(/\//g, '\\').toLowerCase() : p
}

// ---------------------------------------------------------------------------------------------
// .vmdk descriptor

export interface VmdkDescriptor {
  createType: string | null
  /** Sum of all extents (512-byte sectors); null when no extent line was found. */
  sizeBytes: number | null
  extents: number
  parentFileNameHint: string | null
  adapterType: string | null
}

export function parseVmdkDescriptor(text: string): VmdkDescriptor {
  return safe(
    () => ({ createType: null, sizeBytes: null, extents: 0, parentFileNameHint: null, adapterType: null }),
    () => {
      let sectors = 0
      let extents = 0
      let createType: string | null = null
      let parent: string | null = null
      let adapter: string | null = null
      for (const line of lines(text)) {
        const extent = /^\s*(RW|RDONLY|NOACCESS)\s+(\d+)\s+\S+/.exec(line)
        if (extent) {
          const n = Number(extent[2])
          if (Number.isSafeInteger(n)) {
            sectors += n
            extents += 1
          }
          continue
        }
        const kv = /^\s*([\w.]+)\s*=\s*(.*)$/.exec(line)
        if (!kv) continue
        const key = kv[1]!.toLowerCase()
        const value = readValue(kv[2]!)
        if (key === 'createtype') createType = value || null
        else if (key === 'parentfilenamehint') parent = value || null
        else if (key === 'ddb.adaptertype') adapter = value || null
      }
      const bytes = sectors * 512
      return {
        createType,
        sizeBytes: extents > 0 && Number.isSafeInteger(bytes) ? bytes : null,
        extents,
        parentFileNameHint: parent,
        adapterType: adapter,
      }
    },
  )
}

// ---------------------------------------------------------------------------------------------
// Linux /etc/vmware/networking

export interface LinuxVnet {
  vnet: number
  dhcp: boolean | null
  nat: boolean | null
  virtualAdapter: boolean | null
  subnet: string | null
  netmask: string | null
}

/** `answer VNET_8_NAT yes` lines → one entry per VMnet number, sorted. */
export function parseLinuxNetworking(text: string): LinuxVnet[] {
  return safe(
    () => [],
    () => {
      const nets = new Map<number, LinuxVnet>()
      const yesNo = (v: string): boolean | null => (/^yes$/i.test(v) ? true : /^no$/i.test(v) ? false : null)
      for (const line of lines(text)) {
        const match = /^\s*answer\s+VNET_(\d{1,3})_([A-Z0-9_]+)\s+(\S*)/i.exec(line)
        if (!match) continue
        const n = Number(match[1])
        const field = match[2]!.toUpperCase()
        const value = match[3]!
        const net = nets.get(n) ?? { vnet: n, dhcp: null, nat: null, virtualAdapter: null, subnet: null, netmask: null }
        if (field === 'DHCP') net.dhcp = yesNo(value)
        else if (field === 'NAT') net.nat = yesNo(value)
        else if (field === 'VIRTUAL_ADAPTER') net.virtualAdapter = yesNo(value)
        else if (field === 'HOSTONLY_SUBNET') net.subnet = ipv4ToInt(value) === null ? null : value
        else if (field === 'HOSTONLY_NETMASK') net.netmask = ipv4ToInt(value) === null ? null : value
        nets.set(n, net)
      }
      return [...nets.values()].sort((a, b) => a.vnet - b.vnet)
    },
  )
}

// ---------------------------------------------------------------------------------------------
// vmnetnat.conf / nat.conf

export interface PortForward {
  protocol: 'tcp' | 'udp'
  hostPort: number
  guestIp: string
  guestPort: number
}

export interface NatConf {
  /** The NAT device's address (the guests' gateway), `[host] ip`. */
  gateway: string | null
  netmask: string | null
  device: string | null
  /** The VMnet number from `device` (vmnet8, /dev/vmnet8, VMnet8). */
  vnet: number | null
  forwards: PortForward[]
}

export function parseNatConf(text: string): NatConf {
  return safe(
    () => ({ gateway: null, netmask: null, device: null, vnet: null, forwards: [] }),
    () => {
      let section = ''
      let gateway: string | null = null
      let netmask: string | null = null
      let device: string | null = null
      const forwards: PortForward[] = []
      for (const raw of lines(text)) {
        const line = raw.trim()
        if (line === '' || line.startsWith('#') || line.startsWith(';')) continue
        const head = /^\[([^\]]*)\]/.exec(line)
        if (head) {
          section = head[1]!.trim().toLowerCase()
          continue
        }
        const kv = /^([^=]+?)\s*=\s*(.*)$/.exec(line)
        if (!kv) continue
        const key = kv[1]!.trim().toLowerCase()
        const value = kv[2]!.replace(/\s[#;].*$/, '').trim().replace(/^"(.*)"$/, '$1')
        if (section === 'host') {
          if (key === 'ip') {
            const [address, prefix] = value.split('/')
            if (ipv4ToInt(address) !== null) {
              gateway = address!.trim()
              const fromPrefix = prefix !== undefined ? maskFromPrefix(Number(prefix)) : null
              if (fromPrefix && netmask === null) netmask = fromPrefix
            }
          } else if (key === 'netmask' && ipv4ToInt(value) !== null) netmask = value
          else if (key === 'device' && value !== '') device = value
        } else if (section === 'incomingtcp' || section === 'incomingudp') {
          const port = /^(\d{1,5})$/.exec(key)
          const target = /^(\d{1,3}(?:\.\d{1,3}){3})\s*:\s*(\d{1,5})/.exec(value)
          if (port && target && ipv4ToInt(target[1]) !== null)
            forwards.push({
              protocol: section === 'incomingtcp' ? 'tcp' : 'udp',
              hostPort: Number(port[1]),
              guestIp: target[1]!,
              guestPort: Number(target[2]),
            })
        }
      }
      const vnetMatch = device ? /vmnet(\d{1,3})\s*$/i.exec(device) : null
      return { gateway, netmask, device, vnet: vnetMatch ? Number(vnetMatch[1]) : null, forwards }
    },
  )
}

// ---------------------------------------------------------------------------------------------
// ISC dhcpd: vmnetdhcp.conf / dhcpd.conf and leases

interface Token {
  kind: 'word' | 'string' | '{' | '}' | ';'
  text: string
  /** For '{': the VMnet number named by the nearest preceding "segment N" / "vmnetN" comment. */
  segment: number | null
}

function tokenize(text: string): { tokens: Token[]; fileVnet: number | null } {
  const tokens: Token[] = []
  let pending: number | null = null
  let fileVnet: number | null = null
  let i = 0
  const n = text.length
  while (i < n) {
    const c = text[i]!
    if (c === '#') {
      let end = text.indexOf('\n', i)
      if (end < 0) end = n
      const comment = text.slice(i, end)
      const seg = /Virtual ethernet segment\s+(\d{1,3})/i.exec(comment)
      if (seg) pending = Number(seg[1])
      const on = /operating on vmnet(\d{1,3})/i.exec(comment)
      if (on && fileVnet === null) fileVnet = Number(on[1])
      i = end
    } else if (c === '"') {
      let end = text.indexOf('"', i + 1)
      if (end < 0) end = n
      tokens.push({ kind: 'string', text: text.slice(i + 1, end), segment: null })
      i = end + 1
    } else if (c === '{' || c === '}' || c === ';') {
      tokens.push({ kind: c, text: c, segment: c === '{' ? pending : null })
      if (c === '{') pending = null
      i += 1
    } else if (/\s/.test(c)) {
      i += 1
    } else {
      let j = i
      while (j < n && !/[\s{};"#]/.test(text[j]!)) j += 1
      tokens.push({ kind: 'word', text: text.slice(i, j), segment: null })
      i = j
    }
  }
  return { tokens, fileVnet }
}

interface Block {
  header: string[]
  segment: number | null
  statements: string[][]
  children: Block[]
}

/** Statements and `{}` blocks, nested. Unbalanced braces are tolerated. */
function parseBlocks(text: string): { root: Block; fileVnet: number | null } {
  const { tokens, fileVnet } = tokenize(text)
  const root: Block = { header: [], segment: null, statements: [], children: [] }
  const stack: Block[] = [root]
  let words: string[] = []
  for (const token of tokens) {
    const top = stack[stack.length - 1]!
    if (token.kind === 'word' || token.kind === 'string') words.push(token.text)
    else if (token.kind === ';') {
      if (words.length > 0) top.statements.push(words)
      words = []
    } else if (token.kind === '{') {
      const block: Block = { header: words, segment: token.segment, statements: [], children: [] }
      top.children.push(block)
      stack.push(block)
      words = []
    } else {
      if (words.length > 0) top.statements.push(words)
      words = []
      if (stack.length > 1) stack.pop()
    }
  }
  return { root, fileVnet }
}

export interface DhcpSubnet {
  /** From the "# Virtual ethernet segment N" comment (Windows) or "operating on vmnetN" (Linux); else null. */
  vnet: number | null
  subnet: string
  netmask: string | null
  rangeStart: string | null
  rangeEnd: string | null
  routers: string | null
  dnsServers: string | null
}

export interface DhcpHost {
  name: string
  mac: string | null
  fixedAddress: string | null
}

export interface DhcpConf {
  subnets: DhcpSubnet[]
  hosts: DhcpHost[]
}

function allBlocks(block: Block): Block[] {
  return block.children.flatMap((child) => [child, ...allBlocks(child)])
}

function statement(block: Block, ...names: string[]): string[] | null {
  const lower = names.map((n) => n.toLowerCase())
  const found = block.statements.find((s) => lower.every((n, i) => s[i]?.toLowerCase() === n))
  return found ? found.slice(names.length) : null
}

export function parseDhcpConf(text: string): DhcpConf {
  return safe(
    () => ({ subnets: [], hosts: [] }),
    () => {
      const { root, fileVnet } = parseBlocks(text)
      const subnets: DhcpSubnet[] = []
      const hosts: DhcpHost[] = []
      const blocks = allBlocks(root)
      const subnetCount = blocks.filter((b) => b.header[0]?.toLowerCase() === 'subnet').length
      for (const block of blocks) {
        const kind = block.header[0]?.toLowerCase()
        if (kind === 'subnet') {
          const subnet = block.header[1] ?? ''
          if (ipv4ToInt(subnet) === null) continue
          const maskIndex = block.header.findIndex((w) => w.toLowerCase() === 'netmask')
          const netmask = maskIndex >= 0 ? (block.header[maskIndex + 1] ?? null) : null
          const range = statement(block, 'range')
          const rangeWords = (range ?? []).filter((w) => ipv4ToInt(w) !== null)
          const routers = statement(block, 'option', 'routers')
          const dns = statement(block, 'option', 'domain-name-servers')
          subnets.push({
            vnet: block.segment ?? (subnetCount === 1 ? fileVnet : null),
            subnet,
            netmask: ipv4ToInt(netmask) === null ? null : netmask,
            rangeStart: rangeWords[0] ?? null,
            rangeEnd: rangeWords[1] ?? rangeWords[0] ?? null,
            routers: routers ? (routers.join(' ').split(/[\s,]+/).find((w) => ipv4ToInt(w) !== null) ?? null) : null,
            dnsServers: dns ? dns.join(' ') : null,
          })
        } else if (kind === 'host') {
          const hw = statement(block, 'hardware', 'ethernet')
          const fixed = statement(block, 'fixed-address')
          hosts.push({
            name: block.header[1] ?? '',
            mac: hw?.[0]?.toLowerCase() ?? null,
            fixedAddress: fixed?.[0] && ipv4ToInt(fixed[0]) !== null ? fixed[0] : null,
          })
        }
      }
      return { subnets, hosts }
    },
  )
}

export interface DhcpLease {
  ip: string
  mac: string | null
  hostname: string | null
  starts: string | null
  ends: string | null
}

export function parseDhcpLeases(text: string): DhcpLease[] {
  return safe(
    () => [],
    () => {
      const { root } = parseBlocks(text)
      const out: DhcpLease[] = []
      for (const block of allBlocks(root)) {
        if (block.header[0]?.toLowerCase() !== 'lease') continue
        const ip = block.header[1] ?? ''
        if (ipv4ToInt(ip) === null) continue
        const hw = statement(block, 'hardware', 'ethernet')
        const host = statement(block, 'client-hostname')
        const time = (name: string): string | null => {
          const words = statement(block, name)
          return words && words.length > 0 ? words.slice(words.length > 2 ? 1 : 0).join(' ') : null
        }
        out.push({ ip, mac: hw?.[0]?.toLowerCase() ?? null, hostname: host?.[0] ?? null, starts: time('starts'), ends: time('ends') })
      }
      return out
    },
  )
}

// ---------------------------------------------------------------------------------------------
// preferences / inventory

export interface VmwarePreferences {
  /** VM paths the user opened recently: pref.mruVM<N>.filename in N order, then open session tabs. */
  recentVms: string[]
  defaultVMPath: string | null
}

export function parsePreferences(text: string): VmwarePreferences {
  return safe(
    () => ({ recentVms: [], defaultVMPath: null }),
    () => {
      const map = parseVmx(text)
      const mru: { index: number; path: string }[] = []
      const tabs: string[] = []
      for (const [key, value] of map) {
        const m = /^pref\.mruvm(\d{1,4})\.filename$/.exec(key)
        if (m && /\.vmx$/i.test(value.trim())) mru.push({ index: Number(m[1]), path: value.trim() })
        else if (/^pref\.ws\.session\.window\d{1,3}\.tab\d{1,3}\.file$/.test(key) && /\.vmx$/i.test(value.trim())) tabs.push(value.trim())
      }
      const recentVms = [...mru.sort((a, b) => a.index - b.index).map((e) => e.path), ...tabs]
      const dvp = map.get('prefvmx.defaultvmpath')?.trim()
      return { recentVms: [...new Set(recentVms)], defaultVMPath: dvp ? dvp : null }
    },
  )
}

export interface InventoryEntry {
  config: string
  displayName: string | null
  state: string | null
}

/** inventory.vmls: `vmlistN.config` entries with a .vmx path (empty slots are skipped). */
export function parseInventory(text: string): InventoryEntry[] {
  return safe(
    () => [],
    () => {
      const map = parseVmx(text)
      const entries: { index: number; entry: InventoryEntry }[] = []
      for (const [key, value] of map) {
        const m = /^vmlist(\d{1,4})\.config$/.exec(key)
        if (!m || !/\.vmx$/i.test(value.trim())) continue
        entries.push({
          index: Number(m[1]),
          entry: {
            config: value.trim(),
            displayName: map.get(`vmlist${m[1]}.displayname`)?.trim() || null,
            state: map.get(`vmlist${m[1]}.state`)?.trim() || null,
          },
        })
      }
      return entries.sort((a, b) => a.index - b.index).map((e) => e.entry)
    },
  )
}

/** Our `vmware.vm-folder` probe: one .vmx path a line. */
export function parseVmFolderListing(text: string): string[] {
  return safe(
    () => [],
    () => [...new Set(lines(text).map((l) => l.trim()).filter((l) => /\.vmx$/i.test(l)))],
  )
}

// ---------------------------------------------------------------------------------------------
// vmrun

export interface VmrunList {
  /** The `Total running VMs: N` count; null when the header is missing. */
  total: number | null
  paths: string[]
  /** vmrun prints its errors on stdout (`Error: …`) and exits 255. */
  error: string | null
}

export function parseVmrunList(text: string): VmrunList {
  return safe(
    () => ({ total: null, paths: [], error: null }),
    () => {
      let total: number | null = null
      let error: string | null = null
      const paths: string[] = []
      for (const raw of lines(text)) {
        const line = raw.trim()
        if (line === '') continue
        const head = /^Total running VMs:\s*(\d+)/i.exec(line)
        if (head) {
          total = Number(head[1])
          continue
        }
        if (/^Error:/i.test(line)) {
          error ??= line
          continue
        }
        if (/\.vmx$/i.test(line)) paths.push(line)
      }
      return { total, paths, error: total === null && error === null && paths.length === 0 ? null : error }
    },
  )
}

export type ToolsState = 'running' | 'installed' | 'unknown'

/**
 * One `ping` from the host to a guest (Windows `ping -n 1`, Linux `ping -c 1`): a reply carries
 * "TTL=" on every Windows locale and "ttl=" on Linux; "100% packet loss", "Received = 0" or an
 * unreachable line mean no reply; anything else is unknown (null).
 */
export function parsePing(text: string): boolean | null {
  return safe(
    () => null,
    () => {
      if (/\bttl=\d+/i.test(text)) return true
      if (/\b0 received|100% (packet )?loss|Received = 0|已接收 = 0|Destination Host Unreachable|Request timed out|请求超时|无法访问目标主机/i.test(text)) return false
      return null
    },
  )
}

/** `vmrun checkToolsState`: running | installed | unknown; null for an error or empty output. */
export function parseToolsState(text: string): ToolsState | null {
  return safe(
    () => null,
    () => {
      const line = lines(text)
        .map((l) => l.trim())
        .find((l) => l !== '')
      if (!line || /^Error:/i.test(line)) return null
      const word = line.toLowerCase()
      if (word === 'running') return 'running'
      if (word === 'installed') return 'installed'
      if (word === 'unknown' || word === 'notinstalled' || word === 'not installed') return 'unknown'
      return null
    },
  )
}

/** `vmrun getGuestIPAddress`: the IPv4 address, or the error vmrun printed. */
export function parseGuestIp(text: string): { ip: string | null; error: string | null } {
  return safe(
    () => ({ ip: null, error: null }),
    () => {
      const line = lines(text)
        .map((l) => l.trim())
        .find((l) => l !== '')
      if (!line) return { ip: null, error: null }
      if (/^Error:/i.test(line)) return { ip: null, error: line }
      const match = /^(\d{1,3}(?:\.\d{1,3}){3})$/.exec(line)
      return match && ipv4ToInt(match[1]) !== null ? { ip: match[1]!, error: null } : { ip: null, error: line === 'unknown' ? null : line }
    },
  )
}

// ---------------------------------------------------------------------------------------------
// Versions

export type VmwareProduct = 'workstation-pro' | 'workstation-player' | 'fusion'

/** Known builds → the name VMware uses (from shared/domain/vmware-workstation.md and real `vmware -v` outputs). */
export const KNOWN_BUILDS: readonly { build: number; name: string }[] = [
  { build: 15785246, name: '15.5.2' },
  { build: 20904516, name: '16.2.5' },
  { build: 20800274, name: '17.0.0' },
  { build: 23775571, name: '17.5.2' },
  { build: 24409262, name: '17.6.2' },
  { build: 24832109, name: '17.6.4' },
  { build: 24995812, name: '25H2' },
  { build: 25219725, name: '25H2u1' },
  { build: 25388281, name: '26H1' },
]

/** The first build of Workstation 17. */
export const BUILD_17_0_0 = 20800274

export function nameOfBuild(build: number | null): string | null {
  if (build === null) return null
  return KNOWN_BUILDS.find((b) => b.build === build)?.name ?? null
}

export interface VmwareVersion {
  product: VmwareProduct
  /** `17.5.2`, or a calendar name such as `25H2`. */
  version: string
  build: number | null
  /** 17 for 17.x; 25 for 25H2; 26 for 26H1. */
  major: number | null
}

/** The major version of `17.6.4`, `25H2`, `25H2u1`, `26.1.0`. */
export function majorOf(version: string | null | undefined): number | null {
  if (typeof version !== 'string') return null
  const match = /^\s*(\d{1,3})(?:[.H]|$)/i.exec(version)
  return match ? Number(match[1]) : null
}

/** `vmware -v`: `VMware Workstation 17.5.2 build-23775571` (also `Pro`, Player, calendar names). */
export function parseVmwareV(text: string): VmwareVersion | null {
  return safe(
    () => null,
    () => {
      for (const line of lines(text)) {
        const match = /VMware\s+(Workstation|Player|Fusion)(?:\s+Pro)?\s+(?:Version\s+)?([0-9][0-9A-Za-z.]*)(?:\s+build-(\d+))?/i.exec(line)
        if (!match) continue
        const kind = match[1]!.toLowerCase()
        const build = match[3] ? Number(match[3]) : null
        const raw = match[2]!.replace(/\.$/, '')
        const version = nameOfBuild(build) ?? raw
        return {
          product: kind === 'player' ? 'workstation-player' : kind === 'fusion' ? 'fusion' : 'workstation-pro',
          version,
          build,
          major: majorOf(version),
        }
      }
      return null
    },
  )
}

/**
 * Registry `ProductVersion` (`17.6.4.24832109`, `25.0.0.24995812`) or an uninstall `DisplayVersion`.
 * The build is the last component when it is large; a known build gives the marketing name.
 */
export function parseProductVersion(text: string | null | undefined): { version: string; build: number | null; major: number | null } | null {
  return safe(
    () => null,
    () => {
      if (typeof text !== 'string') return null
      const match = /(\d{1,3}(?:\.\d{1,9}){0,3})/.exec(text)
      if (!match) return null
      const parts = match[1]!.split('.')
      const last = Number(parts[parts.length - 1])
      const build = parts.length >= 2 && last >= 100000 ? last : null
      const dotted = (build !== null ? parts.slice(0, -1) : parts).slice(0, 3).join('.')
      const version = nameOfBuild(build) ?? dotted
      return { version, build, major: majorOf(version) }
    },
  )
}

/** /etc/vmware/config: `product.version`, `product.buildNumber`, `product.name`. */
export function parseLinuxVmwareConfig(text: string): VmwareVersion | null {
  return safe(
    () => null,
    () => {
      const map = parseVmx(text)
      const raw = map.get('product.version') ?? map.get('workstation.product.version') ?? map.get('player.product.version')
      if (!raw || !/^\d/.test(raw.trim())) return null
      const build = toInteger(map.get('product.buildnumber'))
      const version = nameOfBuild(build) ?? raw.trim()
      const name = map.get('product.name') ?? ''
      return { product: /player/i.test(name) ? 'workstation-player' : 'workstation-pro', version, build, major: majorOf(version) }
    },
  )
}

// ---------------------------------------------------------------------------------------------
// `ip addr` (text) — a fallback for captures whose linux.ip-addr is not the JSON of `ip -j addr`

export function parseIpAddrText(text: string): HostInterface[] {
  return safe(
    () => [],
    () => {
      const out: HostInterface[] = []
      let current: HostInterface | null = null
      for (const line of lines(text)) {
        const head = /^\d+:\s+([^:\s@]+)(?:@\S+)?:\s+<([^>]*)>/.exec(line)
        if (head) {
          current = { name: head[1]!, up: head[2]!.split(',').includes('UP') || /\bstate UP\b/.test(line), ipv4: [] }
          out.push(current)
          continue
        }
        const inet = /^\s+inet\s+(\d{1,3}(?:\.\d{1,3}){3})\/(\d{1,2})\b/.exec(line)
        if (inet && current && ipv4ToInt(inet[1]) !== null) current.ipv4.push({ address: inet[1]!, prefixLength: Number(inet[2]) })
      }
      return out
    },
  )
}
