import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parse as parseYaml } from 'yaml'
import type { z } from 'zod'
import {
  LessonMetaSchema,
  QuestionsFileSchema,
  duplicateQuestionIds,
  formatPath,
  type Lesson,
  type LessonMeta,
  type Question,
} from '../../shared/lessons/lesson'
import type { LessonProblem } from '../../shared/lessons/view'

/** Lesson folders are `<order>-<id>`, e.g. `04-cpu-memory-io`. */
const LESSON_DIR = /^\d{1,3}-[a-z0-9][a-z0-9-]*$/

export interface LoadedLessons {
  /** Lessons that passed validation, by order. */
  readonly lessons: readonly Lesson[]
  /** Folders that did not, each with "file: field: message" lines. */
  readonly problems: readonly LessonProblem[]
}

class LessonFileError extends Error {
  constructor(readonly messages: string[]) {
    super(messages.join('\n'))
  }
}

async function readText(dir: string, file: string): Promise<string> {
  try {
    return await readFile(join(dir, file), 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new LessonFileError([`${file}: ${code === 'ENOENT' ? 'the file is missing' : `cannot be read (${code ?? String(error)})`}`])
  }
}

function parseYamlFile(file: string, text: string): unknown {
  try {
    return parseYaml(text, { prettyErrors: true, uniqueKeys: true })
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error)
    throw new LessonFileError([`${file}: not valid YAML: ${message}`])
  }
}

/** "questions.yaml: [3] (l4-ept).options: …" — the file, which question, the field, the problem. */
function issueLines(file: string, error: z.ZodError, data: unknown): string[] {
  return error.issues.slice(0, 20).map((issue) => {
    const [first, ...rest] = issue.path
    let where = formatPath(issue.path)
    if (typeof first === 'number' && Array.isArray(data)) {
      const id = (data[first] as { id?: unknown } | null)?.id
      const tail = formatPath(rest)
      where = `[${first}]${typeof id === 'string' ? ` (${id})` : ''}${tail ? `.${tail}` : ''}`.replace('.[', '[')
    }
    return `${file}: ${where || '(top level)'}: ${issue.message}`
  })
}

async function loadOne(root: string, dirName: string): Promise<Lesson> {
  const dir = join(root, dirName)
  const problems: string[] = []
  const collect = async <T>(work: () => Promise<T>): Promise<T | null> => {
    try {
      return await work()
    } catch (error) {
      if (error instanceof LessonFileError) problems.push(...error.messages)
      else throw error
      return null
    }
  }

  const meta = await collect(async () => {
    const data = parseYamlFile('lesson.yaml', await readText(dir, 'lesson.yaml'))
    const parsed = LessonMetaSchema.safeParse(data)
    if (!parsed.success) throw new LessonFileError(issueLines('lesson.yaml', parsed.error, data))
    return parsed.data
  })
  const questions = await collect(async () => {
    const data = parseYamlFile('questions.yaml', await readText(dir, 'questions.yaml'))
    const parsed = QuestionsFileSchema.safeParse(data)
    if (!parsed.success) throw new LessonFileError(issueLines('questions.yaml', parsed.error, data))
    return parsed.data
  })
  const body = async (file: string): Promise<string> => {
    const text = (await readText(dir, file)).replace(/^\uFEFF/, '')
    if (text.trim() === '') throw new LessonFileError([`${file}: the lesson text is empty`])
    return text
  }
  const zh = await collect(() => body('zh-CN.md'))
  const en = await collect(() => body('en.md'))

  if (meta && !dirName.endsWith(`-${meta.id}`)) problems.push(`lesson.yaml: id: "${meta.id}" does not match the folder name "${dirName}" (expected <order>-${meta.id})`)
  if (problems.length > 0 || !meta || !questions || zh === null || en === null) throw new LessonFileError(problems)
  return { meta: meta as LessonMeta, dir: dirName, body: { 'zh-CN': zh, en }, questions: questions as Question[] }
}

/**
 * Reads every `resources/lessons/<order>-<id>/` folder. Each is validated on its own: a broken
 * lesson is reported with its file and field, and the others still load.
 */
export async function loadLessons(root: string): Promise<LoadedLessons> {
  let entries: string[]
  try {
    entries = (await readdir(root, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name)
  } catch (error) {
    return { lessons: [], problems: [{ dir: root, messages: [`cannot read the lessons folder (${(error as NodeJS.ErrnoException).code ?? String(error)})`] }] }
  }
  const problems: LessonProblem[] = []
  const loaded: Lesson[] = []
  for (const name of entries.sort()) {
    if (!LESSON_DIR.test(name)) {
      problems.push({ dir: name, messages: ['the folder name must be <order>-<id>, e.g. 04-cpu-memory-io'] })
      continue
    }
    try {
      loaded.push(await loadOne(root, name))
    } catch (error) {
      problems.push({ dir: name, messages: error instanceof LessonFileError ? error.messages : [String(error)] })
    }
  }

  // Across lessons: lesson ids and question ids are unique. The later folder is the one reported.
  const lessons: Lesson[] = []
  const lessonIds = new Set<string>()
  for (const lesson of loaded) {
    const messages: string[] = []
    if (lessonIds.has(lesson.meta.id)) messages.push(`lesson.yaml: id: "${lesson.meta.id}" is already used by another lesson`)
    const clash = duplicateQuestionIds([...lessons, lesson])
    for (const [id, owners] of clash) messages.push(`questions.yaml: id: "${id}" is already used in lesson "${owners[0]}"`)
    if (messages.length > 0) {
      problems.push({ dir: lesson.dir, messages })
      continue
    }
    lessonIds.add(lesson.meta.id)
    lessons.push(lesson)
  }
  lessons.sort((a, b) => a.meta.order - b.meta.order || a.meta.id.localeCompare(b.meta.id))
  return { lessons, problems }
}
