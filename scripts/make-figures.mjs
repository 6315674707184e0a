#!/usr/bin/env node
// Writes the screen figures of labs 1–4 (scripts/figures/screens.mjs) into
// resources/labs/<lab>/figures/<name>.zh-CN.svg and .en.svg. Run after editing a screen.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { drawScreen } from './figures/screen-svg.mjs'
import { SCREENS } from './figures/screens.mjs'

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..')
for (const screen of SCREENS)
  for (const locale of ['zh-CN', 'en']) writeFileSync(join(root, 'resources/labs', screen.lab, 'figures', `${screen.name}.${locale}.svg`), drawScreen(screen, locale))
console.log(`${SCREENS.length} screens, ${SCREENS.length * 2} files`)
