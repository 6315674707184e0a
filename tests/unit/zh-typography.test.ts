import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { checkZh, fixZh, ZH_VERBATIM_UI_NAMES } from '../../src/shared/i18n/zh-typography'
import { ROOT, zhCatalogTexts, zhContentTexts, type ZhText } from '../support/zh-sources'

function report(texts: readonly ZhText[]): string[] {
  return texts.flatMap((t) => checkZh(t.text, { markdown: t.markdown }).map((i) => `${t.where}: ${i.rule} «${i.excerpt}»`))
}

describe('Chinese typography rules', () => {
  it.each([
    ['ASCII quotes', '显示为"否"', 'ascii-quote', '显示为“否”'],
    ['half-width colon after Chinese', '本机: linux', 'half-width-punct', '本机：linux'],
    ['half-width comma', '打开设置,再重启', 'half-width-punct', '打开设置，再重启'],
    ['half-width parentheses around Chinese', '硬件虚拟化(VT-x)已打开', 'half-width-punct', '硬件虚拟化（VT-x）已打开'],
    ['space beside full-width punctuation', '显示 “通过” 或 “注意”。', 'space-by-full-width', '显示“通过”或“注意”。'],
    ['no space between Chinese and Latin', 'VMware的版本', 'cjk-latin-space', 'VMware 的版本'],
    ['no space between Chinese and digits', '用时6022毫秒', 'cjk-latin-space', '用时 6022 毫秒'],
    ['two spaces between Chinese and Latin', '运行  VMware', 'cjk-latin-space', '运行 VMware'],
  ])('%s is found and fixed', (_name, bad, rule, good) => {
    expect(checkZh(bad).map((i) => i.rule)).toContain(rule)
    expect(fixZh(bad)).toBe(good)
    expect(checkZh(good)).toEqual([])
  })

  it.each([
    '用时 6 秒',
    '2026年12月5日 22:23',
    '已保存：{path}',
    '选择 **自定义(高级)**，点“下一步”。',
    '打开“终端(管理员)”',
    '运行 `bcdedit /enum "{current}"` 查看',
    'English (US) 布局',
    '- “通过”表示这一项没问题',
  ])('accepts %j', (good) => {
    expect(checkZh(good, { markdown: true })).toEqual([])
  })

  it('keeps the verbatim-UI allowlist short and made of names with half-width parentheses', () => {
    expect(ZH_VERBATIM_UI_NAMES.length).toBeLessThanOrEqual(10)
    for (const name of ZH_VERBATIM_UI_NAMES) expect(name).toMatch(/\(.+\)/)
  })
})

describe('every Chinese string the app shows', () => {
  it('zh-CN UI catalogs follow the rules', async () => {
    const texts = await zhCatalogTexts()
    expect(texts.length).toBeGreaterThan(300)
    expect(report(texts)).toEqual([])
  })

  it('zh-CN lab and lesson content follows the rules', () => {
    const texts = zhContentTexts()
    expect(texts.length).toBeGreaterThan(500)
    expect(report(texts)).toEqual([])
  })

  const tmp = mkdtempSync(join(tmpdir(), 'virtlab-zh-'))
  afterAll(() => rmSync(tmp, { recursive: true, force: true }))

  it('fails on a violation planted in a content file', () => {
    cpSync(join(ROOT, 'resources/labs/00-host-readiness'), join(tmp, 'labs/00-host-readiness'), { recursive: true })
    expect(report(zhContentTexts(tmp))).toEqual([])
    const step = join(tmp, 'labs/00-host-readiness/steps/run-check.zh-CN.md')
    writeFileSync(step, `${readFileSync(step, 'utf8')}\n本机: linux，显示为"否"。\n`)
    const found = report(zhContentTexts(tmp))
    expect(found.some((f) => f.includes('run-check.zh-CN.md (body): half-width-punct'))).toBe(true)
    expect(found.some((f) => f.includes('ascii-quote'))).toBe(true)
  })
})
