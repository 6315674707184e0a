import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { explainTexts } from '../../src/main/host/explain/explain'
import { nextAction } from '../../src/shared/host/next-action'

/** The next step for pasted output speaks of the system the output came from, not of "this computer" or Windows. */
const dir = join(__dirname, '../fixtures/explain')
const explain = (...files: string[]) =>
  explainTexts(files.map((f) => ({ name: f, text: readFileSync(join(dir, f), 'utf8'), encoding: null }))).report!

describe('the next action for pasted output', () => {
  it('kvm-ok + dmesg from Linux: firmware switch, back in Linux, no "this computer"', () => {
    const action = nextAction(explain('kvm-ok-disabled-by-bios.txt', 'dmesg-grep-kvm-disabled-by-bios.txt'))!
    expect(action.kind).toBe('firmware')
    expect(action.title).toEqual({ 'zh-CN': '在 BIOS/UEFI 中打开虚拟化', en: 'Turn virtualization on in BIOS/UEFI' })
    expect(action.steps.at(-1)!['zh-CN']).toBe('回到 Linux 后再运行一次 kvm-ok，或打开本应用点“重新检测”。')
    expect(action.steps.map((s) => s.en).join(' ')).not.toMatch(/Windows/)
  })

  it('systeminfo from Windows: back in Windows', () => {
    const action = nextAction(explain('systeminfo-findstr-firmware-off.txt'))!
    expect(action.kind).toBe('firmware')
    expect(action.steps.at(-1)!.en).toBe('Back in Windows, open this app and choose “Check again”.')
  })
})
