import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import { checkZh } from '../../src/shared/i18n/zh-typography'

/**
 * Chinese written in code, not in the catalogs: the host checks' summaries and fixes, the firmware
 * guide, the records words. Every `'zh-CN': '…'` literal in src/main and src/shared follows the same
 * typography rules as the catalogs and the content (tests/unit/zh-typography.test.ts).
 */
const ROOT = join(__dirname, '../..')

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? walk(path) : path.endsWith('.ts') ? [path] : []
  })
}

/** A template literal's own text, each `${…}` standing as `{…}` (what it inserts is checked where it is written). */
function templateText(node: ts.TemplateExpression): string {
  return node.head.text + node.templateSpans.map((span) => `{…}${span.literal.text}`).join('')
}

/**
 * The text of every `'zh-CN':` property initialised with a string or template literal, and the first
 * argument of the checks' `L(zh, en)` helper (placeholders kept as written).
 */
function zhLiterals(file: string, source: string): { where: string; text: string }[] {
  const found: { where: string; text: string }[] = []
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true)
  const visit = (node: ts.Node): void => {
    const init =
      ts.isPropertyAssignment(node) && ts.isStringLiteral(node.name) && node.name.text === 'zh-CN'
        ? node.initializer
        : ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'L' && node.arguments.length === 2
          ? node.arguments[0]!
          : null
    if (init) {
      const text = ts.isStringLiteral(init) || ts.isNoSubstitutionTemplateLiteral(init) ? init.text : ts.isTemplateExpression(init) ? templateText(init) : null
      if (text !== null && /[\u4e00-\u9fff]/.test(text)) {
        const { line } = sf.getLineAndCharacterOfPosition(init.getStart())
        found.push({ where: `${relative(ROOT, file)}:${line + 1}`, text })
      }
    }
    ts.forEachChild(node, visit)
  }
  visit(sf)
  return found
}

/** Commands a student types exactly as written (their ASCII quotes are part of the command). */
const VERBATIM_COMMANDS = ['net start "VMware NAT Service"']
const LATIN_ABBREVIATION_IN_SOURCE = /[A-Za-z0-9] \([A-Z]{2,}[A-Za-z0-9-]*\)/
const withoutCommands = (text: string): string => VERBATIM_COMMANDS.reduce((t, c) => t.split(c).join('{…}'), text)

describe('Chinese typography in code', () => {
  const literals = [...walk(join(ROOT, 'src/main')), ...walk(join(ROOT, 'src/shared'))].flatMap((f) => zhLiterals(f, readFileSync(f, 'utf8')))

  it('finds the Chinese strings written in code', () => {
    expect(literals.length).toBeGreaterThan(100)
  })

  it('every one follows the rules', () => {
    const problems = literals.flatMap(({ where, text }) => checkZh(withoutCommands(text), { ourNames: true }).map((i) => `${where} ${i.rule}: …${i.excerpt}…`))
    expect(problems).toEqual([])
  })

  it('catches a Latin name with half-width brackets, written or interpolated into Chinese', () => {
    expect(checkZh('CPU 支持 AMD-V (SVM)。', { ourNames: true }).map((i) => i.rule)).toEqual(['half-width-punct'])
    expect(checkZh('支持 AMD RVI (NPT)：', { ourNames: true })).toHaveLength(1)
    expect(checkZh('CPU 支持 AMD-V（SVM）。', { ourNames: true })).toEqual([])
    // Names that are put into Chinese sentences at run time: every constant such a name comes from.
    const names = [...walk(join(ROOT, 'src/main')), ...walk(join(ROOT, 'src/shared'))].flatMap((f) => {
      const source = readFileSync(f, 'utf8')
      return [...source.matchAll(/const (\w*[nN]ame\w*) = \([^)]*\)[^=]*=> \(([^\n]+)\)\n/g)].map((m) => ({ where: relative(ROOT, f), fn: m[1]!, body: m[2]! }))
    })
    expect(names.map((n) => n.fn)).toEqual(expect.arrayContaining(['vtName', 'slatName']))
    // Such a helper may hold “AMD-V (SVM)” only if the file also renders it per locale (zhBrackets).
    for (const n of names.filter((x) => LATIN_ABBREVIATION_IN_SOURCE.test(x.body))) {
      expect(readFileSync(join(ROOT, n.where), 'utf8'), `${n.where} ${n.fn}`).toMatch(/zhBrackets\(/)
    }
  })

  it('catches a planted violation', () => {
    const planted = zhLiterals('planted.ts', `const x = { 'zh-CN': '本机: "通过"', en: 'x' }; L('结果 ：通过', 'Pass')`)
    expect(planted).toHaveLength(2)
    expect(checkZh(planted[1]!.text).length).toBeGreaterThan(0)
    expect(checkZh(planted[0]!.text).length).toBeGreaterThan(0)
  })
})
