import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { Language, Parser, type Node } from 'web-tree-sitter'
import { splitWindowsProbeOutput, WINDOWS_PROBE_IDS } from '../../src/main/host/probes/windows-probes'
import { CheckContext } from '../../src/main/host/context'

const root = join(__dirname, '../..')
const script = readFileSync(join(root, 'resources/windows/host-probe.ps1'), 'utf8')
let parser: Parser

beforeAll(async () => {
  await Parser.init()
  parser = new Parser()
  parser.setLanguage(await Language.load(join(root, 'node_modules/tree-sitter-powershell/tree-sitter-powershell.wasm')))
})

function errors(source: string): string[] {
  const tree = parser.parse(source)
  const found: string[] = []
  const walk = (node: Node): void => {
    if (node.type === 'ERROR' || node.isMissing) found.push(`${node.startPosition.row + 1}:${node.startPosition.column + 1} ${source.slice(node.startIndex, node.startIndex + 60)}`)
    for (const child of node.children) if (child) walk(child)
  }
  if (tree) walk(tree.rootNode)
  return found
}

describe('the Windows host probe script (no PowerShell runs on these machines)', () => {
  it('parses without a syntax error under a PowerShell grammar', () => {
    expect(errors(script)).toEqual([])
  })

  it('the grammar check is real: a broken copy is caught', () => {
    expect(errors(script.replace("Add-Section 'win.os' {", "Add-Section 'win.os' ("))).not.toEqual([])
    expect(errors(script.replace('catch {', 'catch'))).not.toEqual([])
  })

  it('writes exactly the sections the app reads, each once', () => {
    const sections = [...script.matchAll(/^Add-Section '([\w.-]+)'/gm)].map((m) => m[1])
    expect(sections).toEqual([...WINDOWS_PROBE_IDS])
  })

  it('sets UTF-8 output and emits JSON, never translated text', () => {
    expect(script).toMatch(/\[Console\]::OutputEncoding = \[System\.Text\.Encoding\]::UTF8/)
    expect(script).toMatch(/ConvertTo-Json -Depth \d+ -Compress\s*$/)
    expect(script).not.toMatch(/systeminfo/i)
  })
})

describe('splitting the host probe output', () => {
  it('turns sections into probe results, with denied and failed kept apart', () => {
    const doc = {
      'win.computersystem': { ok: true, value: { Manufacturer: 'LENOVO', Model: '20FW', HypervisorPresent: true } },
      'win.processor': { ok: true, value: [{ Name: 'Intel(R) Core(TM) i5-6300U', VMMonitorModeExtensions: false }] },
      'win.bcdedit': { ok: false, error: 'The boot configuration data store could not be opened. Access is denied.' },
      'win.deviceguard': { ok: false, error: 'Invalid namespace' },
      'win.wsl': { ok: true, value: [] },
    }
    const out = splitWindowsProbeOutput(`\uFEFF${JSON.stringify(doc)}`, 1200)
    expect(Object.keys(out).sort()).toEqual([...WINDOWS_PROBE_IDS].sort())
    expect(out['win.bcdedit']).toMatchObject({ ok: false, error: { kind: 'denied' } })
    expect(out['win.deviceguard']).toMatchObject({ ok: false, error: { kind: 'failed' } })
    expect(out['win.os']).toMatchObject({ ok: false, error: { kind: 'failed' } })
    const ctx = new CheckContext('win32', 'x64', out)
    expect(ctx.winComputerSystem()?.hypervisorPresent).toBe(true)
    expect(ctx.winProcessor()?.name).toBe('Intel(R) Core(TM) i5-6300U')
  })

  it('garbage output fails every section without throwing', () => {
    const out = splitWindowsProbeOutput('Get-CimInstance : 拒绝访问', 10)
    for (const id of WINDOWS_PROBE_IDS) expect(out[id]?.ok).toBe(false)
  })
})
