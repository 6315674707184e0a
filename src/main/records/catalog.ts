import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import type { Localized } from '../../shared/i18n/locale'
import type { RecordsCatalog } from '../../shared/records/report'
import type { Logger } from '../logging/logger'

type Loose = Record<string, unknown>

function localized(value: unknown): Localized | null {
  if (typeof value !== 'object' || value === null) return null
  const zh = (value as Loose)['zh-CN']
  const en = (value as Loose).en
  return typeof zh === 'string' && typeof en === 'string' && zh.trim() && en.trim() ? { 'zh-CN': zh.trim(), en: en.trim() } : null
}

function frontMatterTitle(path: string): string | null {
  if (!existsSync(path)) return null
  const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(path, 'utf8'))
  if (!match) return null
  try {
    const title = (parse(match[1] ?? '') as Loose | null)?.title
    return typeof title === 'string' && title.trim() ? title.trim() : null
  } catch {
    return null
  }
}

function folders(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort()
  } catch {
    return []
  }
}

/**
 * What the report needs to know about the course content: lab and step titles in order, lesson
 * titles. Read leniently from the lab packs and lessons (the labs and lessons services validate
 * them strictly); a file that cannot be read is skipped, and the report shows ids instead.
 */
export function loadRecordsCatalog(resourcesDir: string, logger?: Logger): RecordsCatalog {
  const labs: { id: string; order: number; title: Localized; steps: { id: string; title: Localized | null }[] }[] = []
  const labsDir = join(resourcesDir, 'labs')
  for (const folder of folders(labsDir)) {
    try {
      const doc = parse(readFileSync(join(labsDir, folder, 'lab.yaml'), 'utf8')) as Loose
      const title = localized(doc.title)
      if (typeof doc.id !== 'string' || !title) continue
      const steps = (Array.isArray(doc.steps) ? doc.steps : [])
        .map((s: unknown) => (typeof s === 'object' && s !== null ? (s as Loose).id : null))
        .filter((id): id is string => typeof id === 'string')
        .map((id) => {
          const zh = frontMatterTitle(join(labsDir, folder, 'steps', `${id}.zh-CN.md`))
          const en = frontMatterTitle(join(labsDir, folder, 'steps', `${id}.en.md`))
          return { id, title: zh && en ? { 'zh-CN': zh, en } : null }
        })
      labs.push({ id: doc.id, order: typeof doc.order === 'number' ? doc.order : 1e9, title, steps })
    } catch (error) {
      logger?.warn(`Records: lab pack ${folder} skipped for the report outline`, error)
    }
  }
  const lessons: { id: string; order: number; title: Localized }[] = []
  const lessonsDir = join(resourcesDir, 'lessons')
  for (const folder of folders(lessonsDir)) {
    try {
      const doc = parse(readFileSync(join(lessonsDir, folder, 'lesson.yaml'), 'utf8')) as Loose
      const title = localized(doc.title)
      if (typeof doc.id === 'string' && title) lessons.push({ id: doc.id, order: typeof doc.order === 'number' ? doc.order : 1e9, title })
    } catch (error) {
      logger?.warn(`Records: lesson ${folder} skipped for the report outline`, error)
    }
  }
  labs.sort((a, b) => a.order - b.order)
  lessons.sort((a, b) => a.order - b.order)
  const course = courseName(resourcesDir, logger)
  return {
    labs: labs.map(({ id, title, steps }) => ({ id, title, steps })),
    lessons: lessons.map(({ id, title }) => ({ id, title })),
    ...(course ? { course } : {}),
  }
}

/** The course's canonical name from resources/course.yaml; null when missing or unreadable. */
function courseName(resourcesDir: string, logger?: Logger): string | null {
  const path = join(resourcesDir, 'course.yaml')
  if (!existsSync(path)) return null
  try {
    const name = (parse(readFileSync(path, 'utf8')) as Loose | null)?.name
    return typeof name === 'string' && name.trim() && name.trim().length <= 200 ? name.trim() : null
  } catch (error) {
    logger?.warn('Records: course.yaml could not be read', error)
    return null
  }
}
