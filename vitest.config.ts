import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'

// Projects: node (main services + shared), dom (renderer components), e2e (the built app in real
// Electron when its binary is installed, else the built renderer in Chromium bridged onto the real
// main-process services; both driven by playwright-core), bench. Every project removes the temp
// folders its tests made (tests/support/cleanup.ts).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['tests/unit/**/*.test.ts'],
          setupFiles: ['tests/support/cleanup.ts'],
          testTimeout: 30_000,
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['tests/dom/**/*.test.tsx'],
          setupFiles: ['tests/support/cleanup.ts', 'tests/dom/setup.ts'],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'bench',
          environment: 'node',
          include: [],
          benchmark: { include: ['tests/bench/**/*.bench.ts'] },
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          setupFiles: ['tests/support/cleanup.ts'],
          globalSetup: ['tests/e2e/global-setup.mjs'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
})
