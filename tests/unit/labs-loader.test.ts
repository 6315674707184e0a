import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { CHECK_IDS } from '../../src/shared/host/report'
import { fieldPath, loadLabs, splitFrontMatter } from '../../src/main/labs/loader'
import { RESOURCES_DIR } from '../support/services'

const REAL_IDS = ['host-readiness', 'install-workstation', 'network-configuration', 'create-vm', 'install-os']

const temps: string[] = []
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true })
})

/** A copy of the real resources/labs in a temp folder, to break on purpose. */
function copyOfLabs(): string {
  const root = mkdtempSync(join(tmpdir(), 'virtlab-labs-'))
  temps.push(root)
  cpSync(join(RESOURCES_DIR, 'labs'), join(root, 'labs'), { recursive: true })
  return root
}
const edit = (root: string, rel: string, change: (text: string) => string): void => {
  const path = join(root, 'labs', rel)
  const before = readFileSync(path, 'utf8')
  const after = change(before)
  expect(after, `the edit of ${rel} changed nothing`).not.toBe(before)
  writeFileSync(path, after)
}

describe('lab pack loader', () => {
  it('loads all five real packs, in order, with both languages of every step', async () => {
    const { labs, problems } = await loadLabs(RESOURCES_DIR)
    expect(problems).toEqual([])
    expect(labs.map((l) => l.meta.id)).toEqual(REAL_IDS)
    expect(labs.map((l) => l.meta.demo)).toEqual([0, 1, 2, 3, 4])
    for (const lab of labs) {
      expect(lab.steps.length).toBeGreaterThan(3)
      for (const step of lab.steps) {
        expect(step.text['zh-CN'].frontMatter.title).toMatch(/[\u4e00-\u9fff]/)
        expect(step.text.en.frontMatter.title).not.toMatch(/[\u4e00-\u9fff]/)
        expect(step.text['zh-CN'].body.length).toBeGreaterThan(40)
        expect(step.text.en.body.length).toBeGreaterThan(40)
        if (step.spec.check.kind === 'auto') expect(CHECK_IDS).toContain(step.spec.check.source)
      }
    }
    // Each kind of check is used, and the defaults apply.
    const kinds = new Set(labs.flatMap((l) => l.steps.map((s) => s.spec.check.kind)))
    expect([...kinds].sort()).toEqual(['auto', 'manual', 'quiz'])
    const verify = labs[1]!.steps.find((s) => s.spec.id === 'verify-install')!.spec.check
    expect(verify).toMatchObject({ kind: 'auto', source: 'vmware.installed', acceptStatus: ['pass', 'warn'] })
  })

  it('reports a pack with broken YAML by file and line, and still loads the others', async () => {
    const root = copyOfLabs()
    edit(root, '01-install-workstation/lab.yaml', (t) => t.replace('estimatedMinutes: 30', 'estimatedMinutes: [30'))
    const { labs, problems } = await loadLabs(root)
    expect(labs.map((l) => l.meta.id)).toEqual(REAL_IDS.filter((id) => id !== 'install-workstation'))
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatchObject({ pack: '01-install-workstation', file: 'labs/01-install-workstation/lab.yaml' })
    expect(problems[0]!.field).toMatch(/^line \d+, column \d+$/)
    expect(problems[0]!.message).toMatch(/not valid YAML/)
  })

  it('reports a missing step file by name', async () => {
    const root = copyOfLabs()
    rmSync(join(root, 'labs/03-create-vm/steps/verify-vm.en.md'))
    const { labs, problems } = await loadLabs(root)
    expect(labs.map((l) => l.meta.id)).not.toContain('create-vm')
    expect(labs).toHaveLength(4)
    expect(problems).toEqual([
      expect.objectContaining({ file: 'labs/03-create-vm/steps/verify-vm.en.md', message: expect.stringMatching(/missing.*verify-vm/) }),
    ])
  })

  it('reports an unknown check id with the field', async () => {
    const root = copyOfLabs()
    edit(root, '01-install-workstation/lab.yaml', (t) => t.replace('source: vmware.installed', 'source: vmware.instaled'))
    const { labs, problems } = await loadLabs(root)
    expect(labs).toHaveLength(4)
    expect(problems).toEqual([
      expect.objectContaining({
        file: 'labs/01-install-workstation/lab.yaml',
        field: 'steps[2] (verify-install).check.source',
        message: expect.stringContaining('unknown check id "vmware.instaled"'),
      }),
    ])
  })

  it('reports troubleshooting ids that do not match between lab.yaml and the step files, both ways', async () => {
    const root = copyOfLabs()
    // Renamed in the English file only: lab.yaml's "too-old" has no text there, and "too-old2" is not listed.
    edit(root, '01-install-workstation/steps/verify-install.en.md', (t) => t.replace(/^ {2}too-old:/m, '  too-old2:'))
    const { labs, problems } = await loadLabs(root)
    expect(labs).toHaveLength(4)
    const file = 'labs/01-install-workstation/steps/verify-install.en.md'
    expect(problems).toEqual([
      expect.objectContaining({ file, field: 'troubleshooting', message: expect.stringContaining('"too-old" is listed in lab.yaml') }),
      expect.objectContaining({ file, field: 'troubleshooting.too-old2', message: expect.stringContaining('not listed in lab.yaml') }),
    ])
  })

  it('reports a fact path the check does not have, a bad criterion, duplicate ids and a missing figure', async () => {
    const root = copyOfLabs()
    edit(root, '03-create-vm/lab.yaml', (t) =>
      t
        .replace('fact: memsizeMB\n          op: ">="\n          value: 2048\n          label:\n            zh-CN: 内存至少', 'fact: memsize\n          op: ">="\n          value: 2048\n          label:\n            zh-CN: 内存至少')
        .replace('fact: numvcpus\n          op: ">="\n          value: 2', 'fact: numvcpus\n          op: ">="\n          value: two')
        .replace('        - id: disk\n', '        - id: nat\n'),
    )
    edit(root, '02-network-configuration/lab.yaml', (t) => t.replace('figures: [network-modes.svg]', 'figures: [network-mode.svg]'))
    const { labs, problems } = await loadLabs(root)
    expect(labs.map((l) => l.meta.id)).toEqual(['host-readiness', 'install-workstation', 'install-os'])
    const byField = Object.fromEntries(problems.map((p) => [`${p.file} ${p.field}`, p.message]))
    expect(byField['labs/03-create-vm/lab.yaml steps[5] (verify-vm).check.criteria[2].value']).toMatch(/needs a number/)
    // Schema problems stop the file before the cross-references are looked at; fix it and they show.
    edit(root, '03-create-vm/lab.yaml', (t) => t.replace('value: two', 'value: 2'))
    const again = await loadLabs(root)
    const fields = Object.fromEntries(again.problems.map((p) => [`${p.file} ${p.field}`, p.message]))
    expect(fields['labs/03-create-vm/lab.yaml steps[5] (verify-vm).check.criteria[1].fact']).toMatch(/"memsize" is not a fact of vmware.vms \(elements of vms\); known: .*memsizeMB/)
    expect(fields['labs/03-create-vm/lab.yaml steps[5] (verify-vm).check.criteria[4].id']).toMatch(/duplicate criterion id "nat"/)
    // "when: { criterion: disk }" now points at nothing.
    expect(fields['labs/03-create-vm/lab.yaml steps[5] (verify-vm).troubleshooting[4].when.criterion']).toMatch(/no criterion "disk"/)
    expect(fields['labs/02-network-configuration/lab.yaml steps[0] (network-modes).figures[0]']).toMatch(/figures\/network-mode.svg does not exist/)
  })

  it('reports a step file without front matter or with an unknown field, and a duplicate lab id', async () => {
    const root = copyOfLabs()
    edit(root, '04-install-os/steps/quiz.zh-CN.md', (t) => t.replace(/^---\n/, ''))
    edit(root, '00-host-readiness/steps/firmware.en.md', (t) => t.replace(/^title:/m, 'titel:'))
    cpSync(join(root, 'labs/02-network-configuration'), join(root, 'labs/09-copy'), { recursive: true })
    const { labs, problems } = await loadLabs(root)
    expect(labs.map((l) => l.meta.id)).toEqual(['install-workstation', 'network-configuration', 'create-vm'])
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: 'labs/04-install-os/steps/quiz.zh-CN.md', message: expect.stringMatching(/no front matter/) }),
        expect.objectContaining({ file: 'labs/00-host-readiness/steps/firmware.en.md', field: 'title' }),
        expect.objectContaining({ file: 'labs/00-host-readiness/steps/firmware.en.md', field: '', message: expect.stringMatching(/titel/) }),
        expect.objectContaining({ file: 'labs/09-copy/lab.yaml', field: 'id', message: expect.stringMatching(/already used by labs\/02-network-configuration/) }),
      ]),
    )
  })

  it('splits front matter and names fields with the step id', () => {
    expect(splitFrontMatter('---\ntitle: x\n---\nbody\n')).toEqual({ yaml: 'title: x', body: 'body\n' })
    expect(splitFrontMatter('\uFEFF---\r\ntitle: x\r\n---\r\n\r\nbody')).toEqual({ yaml: 'title: x', body: '\r\nbody' })
    expect(splitFrontMatter('title: x\nbody')).toBeNull()
    expect(fieldPath(['steps', 1, 'check', 'criteria', 0, 'op'], { steps: [{ id: 'a' }, { id: 'b' }] })).toBe('steps[1] (b).check.criteria[0].op')
  })
})
