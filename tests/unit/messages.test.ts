import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

type Tree = { [key: string]: string | Tree }

function leaves(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : leaves(value, `${prefix}${key}.`),
  )
}

const dir = join(__dirname, '../../src/renderer/src/i18n/messages')

describe('UI message catalogs', () => {
  it.each(readdirSync(dir).filter((f) => f.endsWith('.ts')))('%s: both languages complete, same keys and placeholders', async (file) => {
    const module = (await import(join(dir, file))) as Record<string, { 'zh-CN': Tree; en: Tree }>
    for (const catalog of Object.values(module)) {
      const zh = new Map(leaves(catalog['zh-CN']))
      const en = new Map(leaves(catalog.en))
      expect([...en.keys()].sort()).toEqual([...zh.keys()].sort())
      for (const [key, text] of zh) {
        expect(text.trim(), `zh-CN ${key}`).not.toBe('')
        expect(en.get(key)!.trim(), `en ${key}`).not.toBe('')
        const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
        expect(holes(en.get(key)!), `placeholders of ${key}`).toEqual(holes(text))
      }
    }
  })
})
