import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { HostReport } from '../../src/shared/host/report'
import { LabListSchema, LabViewSchema, type LabView, type VerifyResult } from '../../src/shared/labs/view'
import type { Answer } from '../../src/shared/lessons/view'
import { StepAttemptSchema, type StepAttempt } from '../../src/shared/records/events'
import { createLabsService, FRESH_REPORT_MS } from '../../src/main/labs/labs-service'
import { sanitizeSvg, SvgError } from '../../src/main/labs/sanitize-svg'
import { createMemoryLogger } from '../../src/main/logging/logger'
import { createMemoryProgress, type ProgressPort } from '../../src/main/records/progress-port'
import { createTestApp, RESOURCES_DIR } from '../support/services'
import { hostCapture, report, vmdk, vmx, windowsWithoutVmware, windowsWorkstation, withProbes } from '../support/vmware-evidence'

const temps: string[] = []
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true })
})

const WIN10_DIR = 'C:\\Users\\student\\Documents\\Virtual Machines\\Windows 10 x64'
const WIN10_VM = {
  [`vmware.vmx:${WIN10_DIR}\\Windows 10 x64.vmx`]: vmx('win10-nat-lsisas-efi-sata-iso-windows1252.vmx'),
  [`vmware.vmdk:${WIN10_DIR}\\Windows 10 x64.vmdk`]: vmdk('win10-twoGbMaxExtentSparse-windows1252.vmdk'),
}
const WIN = hostCapture('win-en-hp-elitebook-830g7-ready.capture.json')

/** A progress port that keeps every attempt it is handed. */
function spyProgress(): ProgressPort & { attempts: StepAttempt[] } {
  const inner = createMemoryProgress()
  const attempts: StepAttempt[] = []
  return {
    ...inner,
    attempts,
    recordStep: async (attempt) => {
      attempts.push(attempt)
      await inner.recordStep(attempt)
    },
  }
}

/** The labs service over a fake host service and clock. */
function direct(reportFor: () => HostReport, resourcesDir = RESOURCES_DIR) {
  let clock = Date.parse('2025-03-01T10:00:00.000Z')
  let last: HostReport | null = null
  let runs = 0
  const progress = spyProgress()
  const labs = createLabsService({
    resourcesDir,
    progress,
    logger: createMemoryLogger(),
    now: () => new Date(clock),
    host: {
      runCheck: async () => {
        runs += 1
        last = { ...reportFor(), generatedAt: new Date(clock).toISOString() }
        return last
      },
      lastReport: () => last,
    },
  })
  return { labs, progress, runs: () => runs, advance: (ms: number) => (clock += ms) }
}

describe('labs over IPC (the real router and services)', () => {
  it('lists the five labs with no progress, and each lab view withholds the quiz answers', async () => {
    const app = createTestApp({ collectHost: async () => withProbes(WIN, windowsWithoutVmware()) })
    const list = LabListSchema.parse(await app.router.invoke('labs:list', []))
    expect(list.problems).toEqual([])
    expect(list.labs.map((l) => [l.id, l.stepCount, l.passedCount, l.status, l.resumeStepId])).toEqual([
      ['host-readiness', 6, 0, 'not-started', 'run-check'],
      ['install-workstation', 6, 0, 'not-started', 'get-installer'],
      ['network-configuration', 7, 0, 'not-started', 'network-modes'],
      ['create-vm', 8, 0, 'not-started', 'prepare-iso'],
      ['install-os', 8, 0, 'not-started', 'power-on'],
    ])
    const lab = LabViewSchema.parse(await app.router.invoke('labs:get', ['create-vm']))
    const quiz = lab.steps.find((s) => s.id === 'quiz')!
    expect(quiz.check.kind).toBe('quiz')
    expect(JSON.stringify(quiz)).not.toMatch(/"correct"|"explanation"/)
    const verify = lab.steps.find((s) => s.id === 'verify-vm')!
    expect(verify.check).toMatchObject({ kind: 'auto', source: 'vmware.vms', forAny: 'vms', acceptStatus: ['pass', 'warn'] })
    expect(verify.troubleshooting.map((t) => t.id)).toEqual(['vm-not-found', 'memory-too-small', 'too-few-cpus', 'not-nat', 'disk-too-small'])
    expect(verify.title['zh-CN']).toMatch(/[\u4e00-\u9fff]/)
    await expect(app.router.invoke('labs:get', ['no-such-lab'])).rejects.toThrow(/not-found/)
    await expect(app.router.invoke('labs:get', ['../etc'])).rejects.toThrow(/bad-arguments/)
  })

  it('auto-verifies lab 3 on a recorded Windows host with a real VM, records the attempt, and resumes at the next step', async () => {
    const app = createTestApp({ collectHost: async () => withProbes(WIN, windowsWorkstation(WIN10_VM)) })
    const result = (await app.router.invoke('labs:verifyStep', ['create-vm', 'verify-vm', { kind: 'auto' }])) as VerifyResult
    expect(result.passed).toBe(true)
    expect(result.auto?.criteria.map((c) => `${c.id}=${c.actual}`)).toEqual(['guest-os=windows9-64', 'memory=2048', 'vcpus=2', 'nat=nat', 'disk=60'])
    expect(result.auto?.element?.facts.displayName).toBe('Windows 10 x64')
    expect(result.auto?.reused).toBe(false)
    expect(result.progress).toMatchObject({ status: 'passed', attempts: 1 })
    // The host check that ran is the app's last report; the next check reuses it.
    const again = (await app.router.invoke('labs:verifyStep', ['create-vm', 'attach-iso', { kind: 'auto' }])) as VerifyResult
    expect(again.auto?.reused).toBe(true)
    expect(again.passed).toBe(true)
    const progress = app.services.progress.labProgress()['create-vm']
    expect(Object.keys(progress ?? {})).toEqual(['verify-vm', 'attach-iso'])
    const list = LabListSchema.parse(await app.router.invoke('labs:list', []))
    expect(list.labs.find((l) => l.id === 'create-vm')).toMatchObject({ passedCount: 2, status: 'in-progress', resumeStepId: 'prepare-iso' })
  })

  it('confirms a manual step with a note, and rejects a check of the wrong kind', async () => {
    const app = createTestApp({ collectHost: async () => withProbes(WIN, windowsWithoutVmware()) })
    const result = (await app.router.invoke('labs:verifyStep', ['install-workstation', 'get-installer', { kind: 'manual', note: '  从校园网下载  ' }])) as VerifyResult
    expect(result).toMatchObject({ passed: true, kind: 'manual', manual: { note: '从校园网下载' } })
    await expect(app.router.invoke('labs:verifyStep', ['install-workstation', 'get-installer', { kind: 'auto' }])).rejects.toThrow(/invalid-input.*manual/)
    const lab = (await app.router.invoke('labs:get', ['install-workstation'])) as LabView
    expect(lab.resumeStepId).toBe('run-installer')
    expect(lab.steps[0]!.progress).toMatchObject({ status: 'passed', attempts: 1 })
  })

  it('returns a figure as sanitized SVG, in the requested language', async () => {
    const app = createTestApp()
    const zh = (await app.router.invoke('labs:figure', ['network-configuration', 'network-modes.svg', 'zh-CN'])) as string
    const en = (await app.router.invoke('labs:figure', ['network-configuration', 'network-modes.svg', 'en'])) as string
    expect(zh.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true)
    expect(zh).toMatch(/[\u4e00-\u9fff]/)
    expect(en).not.toMatch(/[\u4e00-\u9fff]/)
    expect(en).toMatch(/NAT/)
    await expect(app.router.invoke('labs:figure', ['network-configuration', 'other.svg', 'en'])).rejects.toThrow(/not-found/)
    await expect(app.router.invoke('labs:figure', ['network-configuration', '../../lab.yaml', 'en'])).rejects.toThrow(/bad-arguments/)
  })
})

describe('labs service', () => {
  it('hands every attempt to the progress port in the records contract', async () => {
    const { labs, progress } = direct(() => report(withProbes(WIN, windowsWithoutVmware())))
    await labs.verifyStep('install-workstation', 'verify-install', { kind: 'auto' })
    await labs.verifyStep('install-workstation', 'run-installer', { kind: 'manual', note: '' })
    const lab = await labs.get('install-workstation')
    const quiz = lab.steps.find((s) => s.id === 'quiz')!.check
    if (quiz.kind !== 'quiz') throw new Error('quiz expected')
    await labs.verifyStep('install-workstation', 'quiz', { kind: 'quiz', answers: [] })
    expect(progress.attempts.map((a) => [a.stepId, a.passed, a.verification.kind])).toEqual([
      ['verify-install', false, 'auto'],
      ['run-installer', true, 'manual'],
      ['quiz', false, 'quiz'],
    ])
    for (const attempt of progress.attempts) expect(() => StepAttemptSchema.parse(attempt)).not.toThrow()
    const auto = progress.attempts[0]!.verification
    // `todo` is kept as `skip` in the records: lab reports stay readable by older copies of the app.
    expect(auto).toMatchObject({ kind: 'auto', checkId: 'vmware.installed', checkStatus: 'skip' })
    if (auto.kind === 'auto') {
      expect(auto.criteria.map((c) => [c.id, c.passed, c.actual])).toEqual([
        ['installed', false, 'false'],
        ['version', false, '—'],
      ])
      expect(auto.evidence.length).toBeGreaterThan(0)
    }
  })

  it('reuses a host report younger than a minute, and runs a new one after that or on request', async () => {
    const { labs, runs, advance } = direct(() => report(withProbes(WIN, windowsWorkstation(WIN10_VM))))
    const first = await labs.verifyStep('create-vm', 'verify-vm', { kind: 'auto' })
    expect([first.auto?.reused, runs()]).toEqual([false, 1])
    advance(FRESH_REPORT_MS - 1000)
    expect((await labs.verifyStep('create-vm', 'verify-vm', { kind: 'auto' })).auto?.reused).toBe(true)
    expect(runs()).toBe(1)
    advance(2000)
    expect((await labs.verifyStep('create-vm', 'verify-vm', { kind: 'auto' })).auto?.reused).toBe(false)
    expect(runs()).toBe(2)
    expect((await labs.verifyStep('create-vm', 'verify-vm', { kind: 'auto', rerun: true })).auto?.reused).toBe(false)
    expect(runs()).toBe(3)
  })

  it('scores a quiz: below the pass score fails, with the solutions and explanations revealed', async () => {
    const { labs } = direct(() => report(WIN))
    const lab = await labs.get('host-readiness')
    const check = lab.steps.find((s) => s.id === 'concept-quiz')!.check
    if (check.kind !== 'quiz') throw new Error('quiz expected')
    expect(check.questions.map((q) => [q.id, q.type])).toEqual([
      ['lab0-no-trap', 'single'],
      ['lab0-slat', 'single'],
      ['lab0-host-vbs', 'multiple'],
    ])
    const wrong: Answer[] = [{ questionId: 'lab0-no-trap', type: 'single', choice: 'b' }]
    const failed = await labs.verifyStep('host-readiness', 'concept-quiz', { kind: 'quiz', answers: wrong })
    expect(failed.passed).toBe(false)
    // A lab quiz passes with all but at most one right: 2 of 3 here (the pack's passScore 1 is looser).
    expect(failed.quiz).toMatchObject({ score: 0, total: 3, passScore: 2 })
    expect(failed.quiz?.results[0]).toMatchObject({ questionId: 'lab0-no-trap', answered: true, correct: false, solution: { type: 'single', correct: ['a'] } })
    expect(failed.quiz?.results[0]!.explanation.en).toMatch(/POPF/)
    const right: Answer[] = [
      { questionId: 'lab0-no-trap', type: 'single', choice: 'a' },
      { questionId: 'lab0-host-vbs', type: 'multiple', choices: ['c', 'a', 'b'] },
    ]
    const passed = await labs.verifyStep('host-readiness', 'concept-quiz', { kind: 'quiz', answers: right })
    expect(passed).toMatchObject({ passed: true, quiz: { score: 2 }, progress: { status: 'passed', attempts: 2 } })
    // One right of three is not enough any more.
    const oneRight = await labs.verifyStep('host-readiness', 'concept-quiz', { kind: 'quiz', answers: right.slice(0, 1) })
    expect(oneRight).toMatchObject({ passed: false, quiz: { score: 1, passScore: 2 } })
  })

  it('marks the troubleshooting entries the last host check points at', async () => {
    const { labs } = direct(() => report(hostCapture('linux-kvm-guest-fedora29-ryzen-no-svm.capture.json')))
    expect((await labs.get('host-readiness')).hostReportAt).toBeNull()
    await labs.verifyStep('host-readiness', 'run-check', { kind: 'auto' })
    const lab = await labs.get('host-readiness')
    expect(lab.hostReportAt).not.toBeNull()
    const cpu = lab.steps.find((s) => s.id === 'cpu-support')!
    expect(cpu.troubleshooting.filter((t) => t.likely).map((t) => t.id)).toEqual(['no-vt', 'no-slat', 'running-inside-vm'])
    // windows.hypervisor is "skip" on Linux: it does not apply, so nothing is marked.
    expect(lab.steps.find((s) => s.id === 'windows-hypervisor')!.troubleshooting.some((t) => t.likely)).toBe(false)
  })

  it('a broken pack is reported by list while the others load; a required note is enforced', async () => {
    const root = mkdtempSync(join(tmpdir(), 'virtlab-res-'))
    temps.push(root)
    cpSync(join(RESOURCES_DIR, 'labs'), join(root, 'labs'), { recursive: true })
    const yaml = join(root, 'labs/04-install-os/lab.yaml')
    writeFileSync(yaml, readFileSync(yaml, 'utf8').replace('source: vmware.running\n      criteria:', 'source: vmware.runing\n      criteria:'))
    const l1 = join(root, 'labs/01-install-workstation/lab.yaml')
    writeFileSync(l1, readFileSync(l1, 'utf8').replace('noteRequired: false', 'noteRequired: true'))
    const { labs } = direct(() => report(WIN), root)
    const list = await labs.list()
    expect(list.labs.map((l) => l.id)).toEqual(['host-readiness', 'install-workstation', 'network-configuration', 'create-vm'])
    expect(list.problems).toEqual([
      expect.objectContaining({ file: 'labs/04-install-os/lab.yaml', field: 'steps[0] (power-on).check.source', message: expect.stringMatching(/unknown check id "vmware.runing"/) }),
    ])
    await expect(labs.get('install-os')).rejects.toThrow(/not-found/)
    await expect(labs.verifyStep('install-workstation', 'get-installer', { kind: 'manual', note: ' ' })).rejects.toThrow(/needs a note/)
    expect((await labs.verifyStep('install-workstation', 'get-installer', { kind: 'manual', note: 'ok' })).passed).toBe(true)
  })
})

describe('SVG sanitizer', () => {
  it('keeps the real figures intact', () => {
    for (const name of ['network-modes.svg', 'network-modes.en.svg', 'network-modes.zh-CN.svg']) {
      const raw = readFileSync(join(RESOURCES_DIR, 'labs/02-network-configuration/figures', name), 'utf8')
      const clean = sanitizeSvg(raw)
      const tags = (svg: string): number => (svg.match(/<[a-zA-Z]/g) ?? []).length
      expect(tags(clean), name).toBe(tags(raw))
      expect((clean.match(/<text\b/g) ?? []).length).toBe((raw.match(/<text\b/g) ?? []).length)
    }
  })

  it('removes scripts, handlers, foreign content, external references and entities', () => {
    const evil = `<?xml version="1.0"?>
<!DOCTYPE svg [ <!ENTITY x SYSTEM "file:///etc/passwd"> ]>
<svg width="10" height="10" onload="alert(1)" viewBox="0 0 10 10">
  <script>alert(2)</script>
  <SCRIPT type="text/javascript"><![CDATA[ alert(3) ]]></SCRIPT>
  <style>@import url(https://evil.example/x.css); .a { fill: url(http://evil.example/p.svg#g); stroke: url(#ok) }</style>
  <foreignObject><iframe src="https://evil.example"></iframe><p>hi</p></foreignObject>
  <image href="https://evil.example/a.png" width="5" height="5"/>
  <a xlink:href="javascript:alert(4)"><text x="1" y="5" onclick="alert(5)" style="fill:url('https://evil.example/x')">A &amp; B &x; 中文</text></a>
  <use href="#ok" /><use xlink:href="https://evil.example/s.svg#a"/>
  <rect id="ok" width="2" height="2" fill="url(#grad)" filter="url(data:x)" />
  <!-- a comment -->
</svg>`
    const clean = sanitizeSvg(evil)
    expect(clean).not.toMatch(/script|alert|onload|onclick|evil\.example|foreignObject|iframe|<image|ENTITY|DOCTYPE|<\?xml|comment|data:/i)
    expect(clean).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="10"/)
    expect(clean).toContain('A &amp; B &amp;x; 中文')
    expect(clean).toContain('<use href="#ok"/>')
    expect(clean).toContain('fill="url(#grad)"')
    expect(clean).toContain('stroke: url(#ok)')
    expect(clean.endsWith('</svg>')).toBe(true)
    expect(() => sanitizeSvg('<html><body>no svg</body></html>')).toThrow(SvgError)
  })
})
