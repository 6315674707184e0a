import { readdir, readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { parseDocument } from 'yaml'
import type { z } from 'zod'
import { LOCALES, type Locale } from '../../shared/i18n/locale'
import { checkFactPath } from '../../shared/labs/facts-catalog'
import {
  LabYamlSchema,
  StepFrontMatterSchema,
  type LabYaml,
  type StepFrontMatter,
  type StepSpec,
} from '../../shared/labs/schema'
import type { LabProblem } from '../../shared/labs/view'

/**
 * Reads the lab packs in `<resources>/labs/*` (docs/content-format.md): lab.yaml, the step files
 * with their front matter, the figures. Every file is validated; a pack with any problem is left
 * out and reported (file + field + message), and the other packs still load.
 */

export interface StepText {
  readonly frontMatter: StepFrontMatter
  /** Markdown after the front matter. */
  readonly body: string
}

export interface LoadedStep {
  readonly spec: StepSpec
  readonly text: Readonly<Record<Locale, StepText>>
}

export interface LoadedLab {
  readonly meta: Omit<LabYaml, 'steps'>
  /** The folder name, e.g. `01-install-workstation`. */
  readonly pack: string
  /** Absolute path of the folder. */
  readonly dir: string
  readonly steps: readonly LoadedStep[]
}

export interface LoadedLabs {
  readonly labs: readonly LoadedLab[]
  readonly problems: readonly LabProblem[]
}

type Path = readonly PropertyKey[]

/** `steps[2].check.criteria[0].op`, with the step's id when known: `steps[2] (verify-vm).check…`. */
export function fieldPath(path: Path, data?: unknown): string {
  let out = ''
  let node: unknown = data
  path.forEach((part, i) => {
    if (typeof part === 'number') {
      out += `[${part}]`
      node = Array.isArray(node) ? node[part] : undefined
      // Name the step, so "steps[3]" becomes "steps[3] (verify-vm)".
      if (i === 1 && path[0] === 'steps' && node && typeof node === 'object' && typeof (node as { id?: unknown }).id === 'string')
        out += ` (${(node as { id: string }).id})`
    } else {
      out += out === '' ? String(part) : `.${String(part)}`
      node = node && typeof node === 'object' ? (node as Record<string, unknown>)[String(part)] : undefined
    }
  })
  return out
}

function issues(error: z.ZodError, data: unknown): { field: string; message: string }[] {
  return error.issues.slice(0, 20).map((issue) => ({ field: fieldPath(issue.path, data), message: issue.message }))
}

/** YAML text → value, or the first syntax error with its line and column. */
export function parseYamlText(text: string): { ok: true; value: unknown } | { ok: false; field: string; message: string } {
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true })
  const error = doc.errors[0]
  if (error) {
    const pos = error.linePos?.[0]
    return {
      ok: false,
      field: pos ? `line ${pos.line}, column ${pos.col}` : '',
      message: `not valid YAML: ${error.message.split('\n')[0] ?? error.code}`,
    }
  }
  return { ok: true, value: doc.toJS() }
}

/** Splits `---\n<yaml>\n---\n<markdown>`. */
export function splitFrontMatter(text: string): { yaml: string; body: string } | null {
  const match = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)([\s\S]*)$/.exec(text)
  if (!match) return null
  return { yaml: match[1] ?? '', body: match[2] ?? '' }
}

async function readText(path: string): Promise<string | { missing: true } | { error: string }> {
  try {
    return await readFile(path, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'ENOTDIR') return { missing: true }
    return { error: `cannot be read (${code ?? String(error)})` }
  }
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile()
  } catch {
    return false
  }
}

/** The files that can serve a figure for a language: `name.<lang>.svg`, then `name.svg`. */
export function figureCandidates(name: string, locale: Locale): string[] {
  const base = name.replace(/\.svg$/i, '')
  return [`${base}.${locale}.svg`, name]
}

async function loadPack(labsDir: string, pack: string): Promise<{ lab: LoadedLab | null; problems: LabProblem[] }> {
  const dir = join(labsDir, pack)
  const problems: LabProblem[] = []
  const rel = (file: string): string => `labs/${pack}/${file}`
  const problem = (file: string, field: string, message: string): void => {
    problems.push({ pack, file: rel(file), field, message })
  }

  const yamlText = await readText(join(dir, 'lab.yaml'))
  if (typeof yamlText !== 'string') {
    problem('lab.yaml', '', 'missing' in yamlText ? 'the file is missing: every lab folder needs a lab.yaml' : yamlText.error)
    return { lab: null, problems }
  }
  const parsedYaml = parseYamlText(yamlText)
  if (!parsedYaml.ok) {
    problem('lab.yaml', parsedYaml.field, parsedYaml.message)
    return { lab: null, problems }
  }
  const parsed = LabYamlSchema.safeParse(parsedYaml.value)
  if (!parsed.success) {
    for (const i of issues(parsed.error, parsedYaml.value)) problem('lab.yaml', i.field, i.message)
    return { lab: null, problems }
  }
  const lab = parsed.data
  const stepField = (index: number, tail: string): string => `steps[${index}] (${lab.steps[index]?.id ?? '?'})${tail ? `.${tail}` : ''}`

  // Ids unique where they must be.
  const seenSteps = new Set<string>()
  const seenQuestions = new Map<string, string>()
  lab.steps.forEach((step, s) => {
    if (seenSteps.has(step.id)) problem('lab.yaml', stepField(s, 'id'), `duplicate step id "${step.id}"`)
    seenSteps.add(step.id)
    const refIds = new Set<string>()
    step.troubleshooting.forEach((ref, t) => {
      if (refIds.has(ref.id)) problem('lab.yaml', stepField(s, `troubleshooting[${t}].id`), `duplicate troubleshooting id "${ref.id}"`)
      refIds.add(ref.id)
    })
    const check = step.check
    const criterionIds = new Set<string>()
    if (check.kind === 'auto') {
      check.criteria.forEach((c, i) => {
        if (criterionIds.has(c.id)) problem('lab.yaml', stepField(s, `check.criteria[${i}].id`), `duplicate criterion id "${c.id}"`)
        criterionIds.add(c.id)
        const factProblem = checkFactPath(check.source, check.forAny, c.fact)
        if (factProblem) problem('lab.yaml', stepField(s, `check.criteria[${i}].fact`), factProblem.message)
      })
      if (check.forAny !== undefined && check.criteria.length === 0)
        problem('lab.yaml', stepField(s, 'check.forAny'), 'forAny needs criteria to judge each element with')
    }
    if (check.kind === 'quiz')
      check.questions.forEach((q, i) => {
        const other = seenQuestions.get(q.id)
        if (other !== undefined) problem('lab.yaml', stepField(s, `check.questions[${i}].id`), `duplicate question id "${q.id}" (also in step ${other})`)
        seenQuestions.set(q.id, step.id)
      })
    step.troubleshooting.forEach((ref, t) => {
      if (ref.when && 'criterion' in ref.when && !criterionIds.has(ref.when.criterion))
        problem(
          'lab.yaml',
          stepField(s, `troubleshooting[${t}].when.criterion`),
          check.kind === 'auto'
            ? `no criterion "${ref.when.criterion}" in this step (criteria: ${[...criterionIds].join(', ') || 'none'})`
            : `"when: { criterion }" needs an auto check with that criterion; this step's check is ${check.kind}`,
        )
    })
  })

  // Step files, both languages, and their troubleshooting entries against lab.yaml's.
  const steps: LoadedStep[] = []
  for (const [s, step] of lab.steps.entries()) {
    const text: Partial<Record<Locale, StepText>> = {}
    for (const locale of LOCALES) {
      const file = `steps/${step.id}.${locale}.md`
      const raw = await readText(join(dir, file))
      if (typeof raw !== 'string') {
        problem(
          file,
          '',
          'missing' in raw ? `the file is missing: step "${step.id}" (lab.yaml ${stepField(s, '')}) needs steps/${step.id}.zh-CN.md and steps/${step.id}.en.md` : raw.error,
        )
        continue
      }
      const split = splitFrontMatter(raw)
      if (!split) {
        problem(file, '', 'no front matter: the file must start with a line "---", the YAML fields (title, tips, troubleshooting), and another "---"')
        continue
      }
      const yaml = parseYamlText(split.yaml)
      if (!yaml.ok) {
        // Front matter starts on the file's second line.
        problem(file, yaml.field.replace(/^line (\d+)/, (_m, n: string) => `line ${Number(n) + 1}`), yaml.message)
        continue
      }
      const front = StepFrontMatterSchema.safeParse(yaml.value ?? {})
      if (!front.success) {
        for (const i of issues(front.error, yaml.value)) problem(file, i.field, i.message)
        continue
      }
      if (split.body.trim() === '') problem(file, '(body)', 'the step text after the front matter is empty')
      const listed = new Set(step.troubleshooting.map((t) => t.id))
      const written = new Set(Object.keys(front.data.troubleshooting))
      for (const id of listed)
        if (!written.has(id))
          problem(file, 'troubleshooting', `entry "${id}" is listed in lab.yaml (${stepField(s, 'troubleshooting')}) but has no symptom/fix here`)
      for (const id of written)
        if (!listed.has(id))
          problem(file, `troubleshooting.${id}`, `entry "${id}" is not listed in lab.yaml ${stepField(s, 'troubleshooting')}: add it there (with a "when" if it applies to a check)`)
      text[locale] = { frontMatter: front.data, body: split.body.trim() }
    }

    for (const [f, name] of step.figures.entries()) {
      for (const locale of LOCALES) {
        const found = await Promise.all(figureCandidates(name, locale).map((c) => isFile(join(dir, 'figures', c))))
        if (!found.some(Boolean)) {
          problem('lab.yaml', stepField(s, `figures[${f}]`), `figures/${name} does not exist (nor figures/${figureCandidates(name, locale)[0]})`)
          break
        }
      }
    }
    if (text['zh-CN'] && text.en) steps.push({ spec: step, text: { 'zh-CN': text['zh-CN'], en: text.en } })
  }

  if (problems.length > 0) return { lab: null, problems }
  const { steps: _steps, ...meta } = lab
  return { lab: { meta, pack, dir, steps }, problems }
}

/** Loads every pack under `<resourcesDir>/labs`. Never throws for content problems. */
export async function loadLabs(resourcesDir: string): Promise<LoadedLabs> {
  const labsDir = join(resourcesDir, 'labs')
  let entries: string[]
  try {
    const dirents = await readdir(labsDir, { withFileTypes: true })
    entries = dirents.filter((d) => d.isDirectory() && !d.name.startsWith('.')).map((d) => d.name).sort()
  } catch (error) {
    return {
      labs: [],
      problems: [{ pack: '', file: 'labs', field: '', message: `the labs folder cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})` }],
    }
  }
  const results = await Promise.all(entries.map((pack) => loadPack(labsDir, pack)))
  const labs: LoadedLab[] = []
  const problems: LabProblem[] = []
  const ids = new Map<string, string>()
  for (const result of results) {
    problems.push(...result.problems)
    const lab = result.lab
    if (!lab) continue
    const other = ids.get(lab.meta.id)
    if (other !== undefined) {
      problems.push({ pack: lab.pack, file: `labs/${lab.pack}/lab.yaml`, field: 'id', message: `lab id "${lab.meta.id}" is already used by labs/${other}` })
      continue
    }
    ids.set(lab.meta.id, lab.pack)
    labs.push(lab)
  }
  labs.sort((a, b) => a.meta.order - b.meta.order || a.meta.id.localeCompare(b.meta.id))
  return { labs, problems }
}
