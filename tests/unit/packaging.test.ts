import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = join(__dirname, '../..')
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>
  devDependencies: Record<string, string>
  build: Record<string, unknown> & { afterPack: string; win: { icon: string }; mac: { icon: string }; linux: { icon: string } }
}

function pngSize(path: string): { width: number; height: number } {
  const bytes = readFileSync(path)
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG')
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) }
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name))
    .map((e) => join(e.parentPath, e.name))
}

function bareImports(files: string[]): Set<string> {
  const names = new Set<string>()
  for (const file of files) {
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(/from '([^'.][^']*)'/g)) {
      if (spec!.startsWith('node:')) continue
      const parts = spec!.split('/')
      names.add(spec!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!)
    }
  }
  return names
}

describe('packaging', () => {
  it('flips the Electron fuses after packing', () => {
    const hook = createRequire(__filename)(join(ROOT, pkg.build.afterPack)) as {
      FUSES: Record<string, unknown>
      electronBinary: (context: unknown) => string
    }
    const { FuseV1Options } = createRequire(__filename)('@electron/fuses') as { FuseV1Options: Record<string, number> }
    expect(hook.FUSES).toMatchObject({
      [FuseV1Options.RunAsNode!]: false,
      [FuseV1Options.EnableCookieEncryption!]: true,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable!]: false,
      [FuseV1Options.EnableNodeCliInspectArguments!]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation!]: true,
      [FuseV1Options.OnlyLoadAppFromAsar!]: true,
    })
    const context = (platform: string) => ({
      appOutDir: '/dist/x',
      electronPlatformName: platform,
      packager: { appInfo: { productFilename: 'VirtLab Companion' }, executableName: 'virtlab-companion' },
    })
    expect(hook.electronBinary(context('win32'))).toMatch(/VirtLab Companion\.exe$/)
    expect(hook.electronBinary(context('darwin'))).toMatch(/VirtLab Companion\.app$/)
    expect(hook.electronBinary(context('linux'))).toMatch(/virtlab-companion$/)
  })

  it('ships a real icon set (PNG 1024 for .ico/.icns, and 16–512 for Linux)', () => {
    for (const platform of ['win', 'mac'] as const) expect(pngSize(join(ROOT, pkg.build[platform].icon))).toEqual({ width: 1024, height: 1024 })
    for (const size of [16, 32, 48, 64, 128, 256, 512]) {
      expect(pngSize(join(ROOT, pkg.build.linux.icon, `${size}x${size}.png`))).toEqual({ width: size, height: size })
    }
  })

  it('keeps renderer-only packages out of the app (Vite bundles them), and what main loads in', () => {
    for (const name of ['react', 'react-dom', 'antd', '@ant-design/icons', 'react-markdown']) {
      expect(pkg.dependencies[name], name).toBeUndefined()
      expect(pkg.devDependencies[name], name).toBeDefined()
    }
    for (const name of bareImports([...sourceFiles(join(ROOT, 'src/main')), ...sourceFiles(join(ROOT, 'src/shared'))])) {
      if (name === 'electron') continue
      expect(pkg.dependencies[name], `${name} is loaded by main at run time`).toBeDefined()
    }
    expect(existsSync(join(ROOT, 'resources/icon.svg'))).toBe(true)
  })
})
