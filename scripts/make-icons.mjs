// Renders resources/icon.svg into the PNG icon set electron-builder packs (it makes the Windows
// .ico and the macOS .icns from resources/icon.png itself). Run after changing the SVG:
//   node scripts/make-icons.mjs            (CHROME_PATH=… to use another Chromium)
// and commit resources/icon.png and resources/icons/*.png.
import { mkdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const svg = readFileSync(join(ROOT, 'resources/icon.svg'), 'utf8')
const SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024]

const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] })
try {
  const page = await browser.newPage()
  mkdirSync(join(ROOT, 'resources/icons'), { recursive: true })
  for (const size of SIZES) {
    await page.setViewportSize({ width: size, height: size })
    const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`
    await page.setContent(`<html><body style="margin:0;background:transparent"><img src="${src}" width="${size}" height="${size}" style="display:block"></body></html>`)
    await page.waitForFunction(() => document.images[0]?.complete)
    const out = size === 1024 ? 'resources/icon.png' : `resources/icons/${size}x${size}.png`
    await page.screenshot({ path: join(ROOT, out), omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } })
    console.log(out)
  }
} finally {
  await browser.close()
}
