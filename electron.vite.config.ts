import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'
import { resolve } from 'node:path'

export default defineConfig({
  main: {
    build: {
      // canonicalize is ESM-only: bundle it into the CommonJS main build.
      externalizeDeps: { exclude: ['canonicalize'] },
      rolldownOptions: {
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          // The `virtlab` CLI is bundled on its own into one file: scripts/build-cli.mjs.
          // Plain-Node records writer for the kill -9 durability test (tests/e2e/records-kill.test.ts).
          'records-writer': resolve(__dirname, 'src/main/records/writer-child.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload must be one self-contained file.
      externalizeDeps: false,
      isolatedEntries: true,
      rolldownOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    base: './',
    plugins: [react()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      // Minified, and split by route (React.lazy in App.tsx): the first screen loads ≤ 1 MB of JS.
      minify: true,
      chunkSizeWarningLimit: 1000,
      rolldownOptions: {
        input: { index: resolve(__dirname, 'src/renderer/index.html') },
      },
    },
  },
})
