#!/usr/bin/env node
// Builds the `virtlab` command (src/main/cli/virtlab.ts) into ONE CommonJS file, out/cli/virtlab.js,
// with every dependency bundled in: Node then reads one file instead of resolving and compiling
// hundreds (zod, systeminformation, yaml…). Parts only some commands use are loaded by dynamic
// import() in the source; the bundle keeps them inline but evaluates them only when reached.
// Part of `npm run build` (after electron-vite build).
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { build } from 'vite'

const root = join(import.meta.dirname, '..')
const outDir = join(root, 'out/cli')
rmSync(outDir, { recursive: true, force: true })

await build({
  root,
  configFile: false,
  logLevel: 'warn',
  ssr: { noExternal: true, target: 'node' },
  build: {
    ssr: join(root, 'src/main/cli/virtlab.ts'),
    outDir,
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: false,
    reportCompressedSize: false,
    rolldownOptions: {
      output: { format: 'cjs', entryFileNames: 'virtlab.js', codeSplitting: false },
    },
  },
})
process.stdout.write('built out/cli/virtlab.js\n')
