/**
 * Every explain fixture (all tests/fixtures/explain/manifest*.json entries), re-wrapped the way
 * students paste it — a shell prompt and the command, markdown fences, "> " quote markers, a chat
 * window's line wrapping at 60–100 columns, CRLF, a leading BOM, UTF-16 LE or GBK bytes — must be
 * recognised as the same kinds and give the same verdict as the clean text. Fixed seeds.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { explainTexts, type ReadInput } from '../../src/main/host/explain/explain'
import { normalize, segmentText } from '../../src/main/host/explain/segments'
import { decodeText } from '../../src/main/host/text/decode'

const dir = join(__dirname, '../fixtures/explain')
interface Entry {
  files: string[]
  kinds: string[]
}
const manifest = readdirSync(dir)
  .filter((f) => /^manifest(\.[a-z0-9-]+)?\.json$/.test(f))
  .sort()
  .flatMap((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Entry[])

/** A file as the decoder reads it (the clean text). */
const clean = (file: string): string => decodeText(readFileSync(join(dir, file))).text

/** The command a student would have typed for each kind; the prompt style follows the platform. */
const COMMANDS: Record<string, { command: string; windows: boolean }> = {
  'vmware-log': { command: 'type vmware.log', windows: true },
  coreinfo: { command: 'coreinfo64 -v', windows: true },
  'haxm-check': { command: 'checktool.exe --verbose', windows: true },
  'emulator-accel-check': { command: 'emulator -accel-check', windows: true },
  'windows-feature-error': { command: 'Enable-WindowsOptionalFeature -Online -FeatureName Microsoft-Hyper-V -All', windows: true },
  wsl: { command: 'wsl --status', windows: true },
  'virt-host-validate': { command: 'virt-host-validate', windows: false },
  'kvm-ok': { command: 'kvm-ok', windows: false },
  dmesg: { command: 'dmesg | grep -i kvm', windows: false },
  cpuinfo: { command: 'cat /proc/cpuinfo', windows: false },
  lscpu: { command: 'lscpu', windows: false },
  sysctl: { command: 'sysctl -a | grep machdep.cpu', windows: false },
  systeminfo: { command: 'systeminfo', windows: true },
  'get-computerinfo': { command: 'Get-ComputerInfo', windows: true },
  'win32-deviceguard': { command: 'Get-CimInstance -ClassName Win32_DeviceGuard -Namespace root\\Microsoft\\Windows\\DeviceGuard', windows: true },
  'win32-processor': { command: 'Get-CimInstance Win32_Processor | Format-List *', windows: true },
  'win32-computersystem': { command: 'Get-CimInstance Win32_ComputerSystem | Format-List *', windows: true },
  vmx: { command: 'type CentOS.vmx', windows: true },
  ipconfig: { command: 'ipconfig /all', windows: true },
  'vmnet-config': { command: 'cat /etc/vmware/networking', windows: false },
}

interface Wrapping {
  prompt: 0 | 1 | 2 | null
  fence: boolean
  wrap: number | null
  quote: boolean
  crlf: boolean
  bom: boolean
  bytes: 'utf-8' | 'utf-16le' | 'gbk'
}

const NONE: Wrapping = { prompt: null, fence: false, wrap: null, quote: false, crlf: false, bom: false, bytes: 'utf-8' }

/** A chat window wraps at spaces, at the last one before the width. */
function chatWrap(text: string, width: number): string {
  return text
    .split('\n')
    .flatMap((line) => {
      const out: string[] = []
      let rest = line
      while (rest.length > width) {
        const cut = rest.lastIndexOf(' ', width)
        if (cut <= 0) break
        out.push(rest.slice(0, cut))
        rest = rest.slice(cut + 1)
      }
      out.push(rest)
      return out
    })
    .join('\n')
}

function prompted(text: string, kinds: readonly string[], style: 0 | 1 | 2): string {
  const { command, windows } = COMMANDS[kinds[0]!] ?? { command: 'type output.txt', windows: true }
  const prompt = (windows ? ['PS C:\\> ', 'C:\\Users\\student>', 'PS C:\\Users\\student\\Desktop> '] : ['$ ', 'student@ubuntu:~$ ', '[student@localhost ~]$ '])[style]!
  return `${prompt}${command}\n${text.replace(/\n?$/, '\n')}${prompt.trimEnd()}\n`
}

/** The bytes a student hands in, decoded the way explain reads them; null when the text cannot be written in that encoding. */
function asPasted(text: string, kinds: readonly string[], w: Wrapping): string | null {
  let t = text
  if (w.prompt !== null) t = prompted(t, kinds, w.prompt)
  if (w.fence) t = `\`\`\`\n${t.replace(/\n?$/, '\n')}\`\`\`\n`
  if (w.wrap !== null) t = chatWrap(t, w.wrap)
  if (w.quote) t = t.split('\n').map((l) => `> ${l}`).join('\n')
  if (w.crlf) t = t.replace(/\r?\n/g, '\r\n')
  if (w.bom) t = `\uFEFF${t}`
  if (w.bytes === 'utf-8') return decodeText(Buffer.from(t, 'utf8')).text
  const bytes = iconv.encode(t, w.bytes)
  if (iconv.decode(bytes, w.bytes) !== t) return null
  return decodeText(bytes).text
}

/**
 * What cannot hold, and why. The emulator's "…VT-x and NX support.  Your CPU: 'AuthenticAMD'" cut by
 * the window right after "support." leaves "Your CPU: 'AuthenticAMD'" on a line of its own, which
 * nothing can tell from a new "label: value" record; the -accel-check reader (interpret/pasted-tools.ts)
 * then reads the lone line as a CPU without VT-x (fail) where the whole sentence only says HAXM needs
 * Intel (unknown). Wrapping is not applied to that fixture.
 */
const NO_WRAP = new Set(['emulator-check-accel-haxm-needs-intel-amd-cpu.txt'])

function explain(entry: Entry, w: Wrapping): { kinds: string[]; verdict: string | undefined } | null {
  if (w.wrap !== null && entry.files.some((f) => NO_WRAP.has(f))) return null
  const inputs: ReadInput[] = []
  for (const file of entry.files) {
    const text = asPasted(clean(file), entry.kinds, w)
    if (text === null) return null
    inputs.push({ name: file, text, encoding: null })
  }
  const result = explainTexts(inputs)
  return { kinds: [...new Set(result.recognised.map((r) => r.kind))].sort(), verdict: result.report?.verdict.status }
}

const SINGLE: [string, Partial<Wrapping>][] = [
  ['a PowerShell/shell prompt and the command', { prompt: 0 }],
  ['a cmd/user@host prompt', { prompt: 1 }],
  ['markdown fences', { fence: true }],
  ['"> " quote markers', { quote: true }],
  ['chat wrapping at 60 columns', { wrap: 60 }],
  ['chat wrapping at 72 columns', { wrap: 72 }],
  ['chat wrapping at 80 columns', { wrap: 80 }],
  ['chat wrapping at 100 columns', { wrap: 100 }],
  ['CRLF', { crlf: true }],
  ['a leading BOM', { bom: true }],
  ['UTF-16 LE bytes', { bytes: 'utf-16le' }],
  ['UTF-16 LE bytes with a BOM', { bytes: 'utf-16le', bom: true }],
  ['GBK bytes', { bytes: 'gbk' }],
]

describe.each(manifest.map((e) => [e.files.join(' + '), e] as const))('%s pasted', (_name, entry) => {
  const expected = explain(entry, NONE)!
  it.each(SINGLE)('with %s', (_label, change) => {
    const got = explain(entry, { ...NONE, ...change })
    if (got === null) return // not writable in that encoding
    expect(got).toEqual(expected)
  })
})

describe('undoing chat wrapping', () => {
  it('joins nothing in the clean fixtures but two lines no recognizer reads', () => {
    // A natural line as wide as the widest one, followed by a line that starts with a word that would
    // not have fitted, looks exactly like a wrapped one: coreinfo's banner and its copyright line, and
    // wsl --status's two sentences about updates. Any other join in clean text would be a false one.
    const joined: string[] = []
    for (const file of manifest.flatMap((e) => e.files)) {
      const text = normalize(clean(file))
      const before = new Set(text.split('\n').flatMap((l) => [l, l.replace(/^\s*(?:> ?)+/, '')]))
      joined.push(...segmentText(text).flatMap((s) => s.text.split('\n')).filter((l) => !before.has(l)))
    }
    expect(joined).toEqual([
      'Coreinfo v3.52 - Dump information on system CPU and memory topology Copyright (C) 2008-2021 Mark Russinovich',
      'Windows Subsystem for Linux was last updated on 01/05/2022 WSL automatic updates are on.',
    ])
  })
})

describe('any combination, as students paste (fixed seed)', () => {
  it('same kinds and verdict as the clean text', () => {
    const expectedByIndex = manifest.map((e) => explain(e, NONE)!)
    const wrapping = fc.record<Wrapping>({
      prompt: fc.constantFrom(null, 0, 1, 2),
      fence: fc.boolean(),
      wrap: fc.option(fc.integer({ min: 60, max: 100 }), { nil: null }),
      quote: fc.boolean(),
      crlf: fc.boolean(),
      bom: fc.boolean(),
      bytes: fc.constantFrom('utf-8', 'utf-16le', 'gbk'),
    })
    fc.assert(
      fc.property(fc.integer({ min: 0, max: manifest.length - 1 }), wrapping, (index, w) => {
        const got = explain(manifest[index]!, w)
        if (got !== null) expect(got).toEqual(expectedByIndex[index])
      }),
      { numRuns: 300, seed: 1212 },
    )
  }, 120_000)
})
