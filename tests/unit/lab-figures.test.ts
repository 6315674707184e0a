import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse as parseYaml } from 'yaml'
import { describe, expect, it } from 'vitest'
import { sanitizeSvg } from '../../src/main/labs/sanitize-svg'
import { drawScreen } from '../../scripts/figures/screen-svg.mjs'
import { SCREENS } from '../../scripts/figures/screens.mjs'
import { RESOURCES_DIR } from '../support/services'

/**
 * The screens students operate are drawn by scripts/figures (our own SVG, both languages). The
 * files in the lab packs must be what the generator draws, survive the sanitizer, and be used:
 * every step acted out on a Workstation or installer screen shows its screens.
 */

const LABS = join(RESOURCES_DIR, 'labs')
type Step = { id: string; figures?: string[] }
const packs = readdirSync(LABS).map((dir) => ({ dir, steps: (parseYaml(readFileSync(join(LABS, dir, 'lab.yaml'), 'utf8')) as { steps: Step[] }).steps }))

/** Steps whose action happens on a Workstation, installer or guest-installer screen. */
const SCREEN_STEPS: Record<string, string[]> = {
  '01-install-workstation': ['run-installer', 'first-start'],
  '02-network-configuration': ['open-editor', 'nat-dhcp', 'port-forwarding'],
  '03-create-vm': ['start-wizard', 'guest-os-and-name', 'cpu-memory', 'network-and-disk', 'attach-iso', 'verify-vm'],
  '04-install-os': ['power-on', 'installer-start', 'disk-and-accounts', 'network-and-install', 'snapshot'],
}

describe('screen figures', () => {
  it('are at least 20 distinct screens, each in both languages', () => {
    expect(new Set(SCREENS.map((s) => `${s.lab}/${s.name}`)).size).toBe(SCREENS.length)
    expect(SCREENS.length).toBeGreaterThanOrEqual(20)
  })

  it.each(SCREENS.map((s) => [`${s.lab}/${s.name}`, s] as const))('%s: the files are what the generator draws, and pass the sanitizer', (_name, screen) => {
    for (const locale of ['zh-CN', 'en'] as const) {
      const path = join(LABS, screen.lab, 'figures', `${screen.name}.${locale}.svg`)
      const drawn = drawScreen(screen, locale)
      expect(readFileSync(path, 'utf8'), `${path} is stale: run node scripts/make-figures.mjs`).toBe(drawn)
      const clean = sanitizeSvg(drawn)
      expect(clean).toContain('<title id="title">')
      expect(clean.length).toBeGreaterThan(drawn.length * 0.9)
    }
    // Chinese text in the Chinese figure, none in the English one (apart from names of Chinese UI items).
    expect(drawScreen(screen, 'zh-CN')).toMatch(/[\u4e00-\u9fff]/)
    if (!screen.nativeNames) expect(drawScreen(screen, 'en')).not.toMatch(/[\u4e00-\u9fff]/)
  })

  it('are each shown by a lab step', () => {
    const used = new Set(packs.flatMap((p) => p.steps.flatMap((s) => (s.figures ?? []).map((f) => `${p.dir}/${f.replace(/\.svg$/, '')}`))))
    for (const screen of SCREENS) expect(used, `${screen.lab}/${screen.name}`).toContain(`${screen.lab}/${screen.name}`)
  })

  it('cover every step acted out on such a screen', () => {
    for (const [dir, stepIds] of Object.entries(SCREEN_STEPS)) {
      const pack = packs.find((p) => p.dir === dir)!
      for (const id of stepIds) {
        const step = pack.steps.find((s) => s.id === id)
        expect(step, `${dir}: step ${id}`).toBeDefined()
        expect(step!.figures?.length ?? 0, `${dir}/${id} has no figure`).toBeGreaterThan(0)
        for (const figure of step!.figures ?? []) {
          const base = figure.replace(/\.svg$/, '')
          expect(existsSync(join(LABS, dir, 'figures', `${base}.zh-CN.svg`)) || existsSync(join(LABS, dir, 'figures', figure)), `${dir}/${figure}`).toBe(true)
        }
      }
    }
  })
})
