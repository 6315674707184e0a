// First contentful paint of the built renderer (out/renderer) in Chromium, served on loopback.
// The page loads as the app does: the same index.html, scripts and CSS; the preload bridge is absent,
// so the first paint is the app's own loading/first screen — what a student sees first.
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs'
import { createServer } from 'node:http'
import { extname, join, normalize, sep } from 'node:path'

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png' }

function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

/** Initial JS: the scripts index.html loads before anything else (entry + modulepreload). */
export function initialJsBytes(rendererDir) {
  const html = readFileSync(join(rendererDir, 'index.html'), 'utf8')
  const files = [...html.matchAll(/assets\/([^"]+\.js)/g)].map((m) => m[1])
  return files.reduce((sum, f) => sum + statSync(join(rendererDir, 'assets', f)).size, 0)
}

export async function firstContentfulPaint(root, runs = 5) {
  const dir = join(root, 'out/renderer')
  const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
  if (!existsSync(join(dir, 'index.html')) || !existsSync(chromiumPath)) return null
  const { chromium } = await import('playwright-core')
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname)
    const file = normalize(join(dir, path === '/' ? 'index.html' : path))
    if (!file.startsWith(dir + sep) || !existsSync(file) || !statSync(file).isFile()) return response.writeHead(404).end()
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' })
    createReadStream(file).pipe(response)
  })
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok))
  const url = `http://127.0.0.1:${server.address().port}/index.html`
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] })
  const samples = []
  try {
    for (let i = 0; i < runs; i += 1) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 720 } })
      const page = await context.newPage()
      await page.goto(url, { waitUntil: 'load' })
      const fcp = await page.evaluate(
        () =>
          new Promise((resolve) => {
            const seen = performance.getEntriesByName('first-contentful-paint')[0]
            if (seen) return resolve(seen.startTime)
            new PerformanceObserver((list) => {
              const entry = list.getEntriesByName('first-contentful-paint')[0]
              if (entry) resolve(entry.startTime)
            }).observe({ type: 'paint', buffered: true })
          }),
      )
      samples.push(fcp)
      await context.close()
    }
  } finally {
    await browser.close()
    await new Promise((ok) => server.close(ok))
  }
  return { median: median(samples), runs }
}
