import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parse as parseYaml } from 'yaml'
import { GlossaryFileSchema, type GlossaryTerm } from '../../shared/glossary/glossary'
import { formatPath } from '../../shared/lessons/lesson'

export interface LoadedGlossary {
  readonly terms: readonly GlossaryTerm[]
  /** "glossary.yaml: [3] (hypervisor).definition: …" lines when the file did not load. */
  readonly problems: readonly string[]
}

const FILE = 'glossary.yaml'

/** Reads `resources/glossary/glossary.yaml`, validated. A broken file gives no terms and says why. */
export async function loadGlossary(dir: string): Promise<LoadedGlossary> {
  let text: string
  try {
    text = (await readFile(join(dir, FILE), 'utf8')).replace(/^\uFEFF/, '')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    return { terms: [], problems: [`${FILE}: ${code === 'ENOENT' ? 'the file is missing' : `cannot be read (${code ?? String(error)})`}`] }
  }
  let data: unknown
  try {
    data = parseYaml(text, { prettyErrors: true, uniqueKeys: true })
  } catch (error) {
    return { terms: [], problems: [`${FILE}: not valid YAML: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`] }
  }
  const parsed = GlossaryFileSchema.safeParse(data)
  if (parsed.success) return { terms: parsed.data, problems: [] }
  const problems = parsed.error.issues.slice(0, 20).map((issue) => {
    const [first, ...rest] = issue.path
    const id = typeof first === 'number' && Array.isArray(data) ? (data[first] as { id?: unknown } | null)?.id : undefined
    const where = typeof first === 'number' ? `[${first}]${typeof id === 'string' ? ` (${id})` : ''}${rest.length ? `.${formatPath(rest)}` : ''}` : formatPath(issue.path)
    return `${FILE}: ${where || '(top level)'}: ${issue.message}`
  })
  return { terms: [], problems }
}
