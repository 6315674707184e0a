import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { Language, Parser, type Node } from 'web-tree-sitter'
import {
  encodeHostProbe,
  hostProbeArgs,
  splitWindowsProbeOutput,
  WINDOWS_PROBE_IDS,
  windowsPowerShellPath,
} from '../../src/main/host/probes/windows-probes'
import { CheckContext } from '../../src/main/host/context'

const root = join(__dirname, '../..')
const script = readFileSync(join(root, 'resources/windows/host-probe.ps1'), 'utf8')
let parser: Parser

beforeAll(async () => {
  await Parser.init()
  parser = new Parser()
  parser.setLanguage(await Language.load(join(root, 'node_modules/tree-sitter-powershell/tree-sitter-powershell.wasm')))
})

function tree(source: string): Node {
  const parsed = parser.parse(source)
  if (!parsed) throw new Error('no tree')
  return parsed.rootNode
}

function errors(source: string): string[] {
  const found: string[] = []
  const walk = (node: Node): void => {
    if (node.type === 'ERROR' || node.isMissing) found.push(`${node.startPosition.row + 1}:${node.startPosition.column + 1} ${source.slice(node.startIndex, node.startIndex + 60)}`)
    for (const child of node.children) if (child) walk(child)
  }
  walk(tree(source))
  return found
}

function nodes(node: Node, type: string): Node[] {
  const out: Node[] = []
  const walk = (n: Node): void => {
    if (n.type === type) out.push(n)
    for (const child of n.children) if (child) walk(child)
  }
  walk(node)
  return out
}

function insideTry(node: Node): boolean {
  for (let n: Node | null = node.parent; n; n = n.parent) {
    if (n.type === 'statement_block' && n.parent?.type === 'try_statement' && n.parent.children[1]?.id === n.id) return true
  }
  return false
}

function functionNamed(name: string): Node {
  const fn = nodes(tree(script), 'function_statement').find((f) => f.children.some((c) => c?.type === 'function_name' && c.text === name))
  if (!fn) throw new Error(`no function ${name}`)
  return fn
}

describe('the Windows host probe script (no PowerShell runs on these machines)', () => {
  it('parses without a syntax error under a PowerShell grammar, also in the compact form sent with -EncodedCommand', () => {
    expect(errors(script)).toEqual([])
    const compact = Buffer.from(encodeHostProbe(script), 'base64').toString('utf16le')
    expect(errors(compact)).toEqual([])
  })

  it('the grammar check is real: a broken copy is caught', () => {
    expect(errors(script.replace("Write-Section 'win.os' {", "Write-Section 'win.os' ("))).not.toEqual([])
    expect(errors(script.replace('catch {', 'catch'))).not.toEqual([])
  })

  it('writes exactly the sections the app reads, each once and in order', () => {
    const sections = [...script.matchAll(/^Write-Section '([\w.-]+)'/gm)].map((m) => m[1])
    expect(sections).toEqual([...WINDOWS_PROBE_IDS])
  })

  it('never aborts as a whole: no Stop preference, the encoding line and every section inside try/catch', () => {
    expect(script).not.toMatch(/\$ErrorActionPreference\s*=\s*'Stop'/i)
    expect(script).toMatch(/^\$ErrorActionPreference = 'Continue'$/m)
    const encoding = nodes(tree(script), 'assignment_expression').filter((a) => /\[Console\]::OutputEncoding/.test(a.text))
    expect(encoding).toHaveLength(1)
    expect(insideTry(encoding[0]!)).toBe(true)
    // Write-Section runs each block inside try and catches into an { ok: false } line.
    const writer = functionNamed('Write-Section')
    const invoke = nodes(writer, 'pipeline').find((p) => /^\$value = & \$Block$/.test(p.text.trim()))
    expect(invoke && insideTry(invoke)).toBe(true)
    expect(nodes(writer, 'catch_clause').length).toBeGreaterThanOrEqual(2)
  })

  it('gives every CIM query its own time budget and prints each section as one ASCII JSON line when it completes', () => {
    expect(script.match(/Get-CimInstance/g)?.length).toBe(2) // both inside Get-Cim, both with -OperationTimeoutSec
    expect(functionNamed('Get-Cim').text.match(/-OperationTimeoutSec \$budget/g)).toHaveLength(2)
    expect(script).not.toMatch(/^\$result\b/m) // no document collected and printed at the end
    expect(functionNamed('Write-Section').text).toMatch(/ConvertTo-AsciiJson \$line/)
    expect(functionNamed('ConvertTo-AsciiJson').text).toMatch(/\\u\{0:x4\}/)
  })

  it('uses nothing Constrained Language Mode forbids outside a guard', () => {
    expect(script).not.toMatch(/Add-Type|New-Object|\[System\.Reflection|Invoke-Expression|\[scriptblock\]::Create/i)
    // Static .NET member access appears once: the guarded encoding line.
    const staticAccess = [...script.matchAll(/\[[\w.]+\]::\w+/g)].map((m) => m[0])
    expect(staticAccess).toEqual(['[Console]::OutputEncoding', '[System.Text.Encoding]::UTF8'])
  })

  it('captures bcdedit stderr as text, never as a terminating error', () => {
    const section = script.slice(script.indexOf("Write-Section 'win.bcdedit'"), script.indexOf("Write-Section 'win.services'"))
    expect(section).toMatch(/& \$bcdedit \/enum '\{current\}' 2>&1 \| ForEach-Object \{ \[string\]\$_ \}/)
    expect(section).toMatch(/if \(\$LASTEXITCODE -ne 0\) \{ throw \$text \}/)
    expect(errors(section)).toEqual([])
  })
})

describe('starting the probe', () => {
  it('passes the script as -EncodedCommand (UTF-16LE base64), well inside the command-line limit', () => {
    const encoded = encodeHostProbe(script)
    const args = hostProbeArgs(encoded)
    expect(args).not.toContain('-File')
    expect(args.slice(-2)).toEqual(['-EncodedCommand', encoded])
    const decoded = Buffer.from(encoded, 'base64').toString('utf16le')
    expect(decoded).toContain("Write-Section 'win.wsl'")
    expect(decoded).not.toMatch(/^#/m)
    const commandLine = ['C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe', ...args].join(' ')
    expect(commandLine.length).toBeLessThan(32_000)
  })

  it('reaches 64-bit PowerShell from a 32-bit build through Sysnative', () => {
    expect(windowsPowerShellPath({ arch: 'x64', env: { SystemRoot: 'C:\\Windows' } })).toBe('C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe')
    expect(windowsPowerShellPath({ arch: 'ia32', env: { SystemRoot: 'D:\\WINDOWS', PROCESSOR_ARCHITEW6432: 'AMD64' } })).toBe('D:\\WINDOWS\\Sysnative\\WindowsPowerShell\\v1.0\\powershell.exe')
    // 32-bit Windows: there is no Sysnative.
    expect(windowsPowerShellPath({ arch: 'ia32', env: { SystemRoot: 'C:\\Windows' } })).toBe('C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe')
  })
})

describe('reading the host probe output', () => {
  const line = (id: string, value: unknown): string => JSON.stringify({ id, ok: true, ms: 40, value })

  it('keeps every section that arrived before the process was stopped; the rest time out', () => {
    const stdout = [
      line('win.computersystem', { Manufacturer: 'LENOVO', Model: '20FW', HypervisorPresent: true, PCSystemType: 2 }),
      line('win.processor', [{ Name: 'Intel(R) Core(TM) i5-6300U', VMMonitorModeExtensions: false }]),
      JSON.stringify({ id: 'win.bcdedit', ok: false, error: 'The boot configuration data store could not be opened. Access is denied.' }),
      '{"id":"win.deviceguard","ok":true,"ms":61', // cut off mid-line by the kill
    ].join('\r\n')
    const out = splitWindowsProbeOutput(stdout, 20_000, { kind: 'timeout', message: 'stopped after 20 s' })
    expect(Object.keys(out).sort()).toEqual([...WINDOWS_PROBE_IDS].sort())
    expect(out['win.computersystem']).toMatchObject({ ok: true, durationMs: 40 })
    expect(out['win.bcdedit']).toMatchObject({ ok: false, error: { kind: 'denied' } })
    expect(out['win.deviceguard']).toMatchObject({ ok: false, error: { kind: 'timeout' } })
    expect(out['win.wsl']).toMatchObject({ ok: false, error: { kind: 'timeout' } })
    const ctx = new CheckContext('win32', 'x64', out)
    expect(ctx.winComputerSystem()).toMatchObject({ hypervisorPresent: true, pcSystemType: 2 })
    expect(ctx.winProcessor()?.name).toBe('Intel(R) Core(TM) i5-6300U')
  })

  it('reads the escaped non-ASCII text the script writes, and ignores lines that are not its own', () => {
    const stdout = [
      'WARNING: something a profile printed',
      '{"id":"win.os","ok":true,"ms":12,"value":{"Caption":"Microsoft Windows 11 \\u5bb6\\u5ead\\u4e2d\\u6587\\u7248","Version":"10.0.22631"}}',
      '{"id":"not.ours","ok":true,"value":1}',
    ].join('\n')
    const out = splitWindowsProbeOutput(stdout, 100)
    expect(new CheckContext('win32', 'x64', out).winOs()?.caption).toBe('Microsoft Windows 11 家庭中文版')
    expect(out['not.ours']).toBeUndefined()
  })

  it('still reads the one-document output of earlier builds', () => {
    const doc = {
      'win.computersystem': { ok: true, value: { Manufacturer: 'LENOVO', Model: '20FW', HypervisorPresent: true } },
      'win.deviceguard': { ok: false, error: 'Invalid namespace' },
    }
    const out = splitWindowsProbeOutput(`\uFEFF${JSON.stringify(doc)}`, 1200)
    expect(out['win.computersystem']?.ok).toBe(true)
    expect(out['win.deviceguard']).toMatchObject({ ok: false, error: { kind: 'failed' } })
    expect(out['win.os']).toMatchObject({ ok: false, error: { kind: 'failed' } })
  })

  it('garbage output fails every section without throwing', () => {
    const out = splitWindowsProbeOutput('Get-CimInstance : 拒绝访问', 10)
    for (const id of WINDOWS_PROBE_IDS) expect(out[id]?.ok).toBe(false)
  })
})
