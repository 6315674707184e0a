import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tempDir } from '../support/temp'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { createMemoryLogger } from '../../src/main/logging/logger'
import { JsonFileStore } from '../../src/main/storage/json-file-store'
import { createTestApp } from '../support/services'

const Schema = z.object({ count: z.number().int(), name: z.string() }).strict()
type Data = z.infer<typeof Schema>

function store(dir: string, version = 2) {
  return new JsonFileStore<Data>({
    path: join(dir, 'data.json'),
    schema: Schema,
    defaults: () => ({ count: 0, name: 'new' }),
    version,
    migrations: { 1: (old) => ({ ...(old as { count: number }), name: 'migrated' }) },
    logger: createMemoryLogger(),
    now: () => new Date('2026-01-02T03:04:05.678Z'),
  })
}

describe('JsonFileStore', () => {
  it('starts from defaults, then reads back what it wrote', async () => {
    const dir = tempDir('store-')
    expect(store(dir).load()).toEqual({ data: { count: 0, name: 'new' }, recovered: null })
    await store(dir).save({ count: 3, name: 'x' })
    expect(store(dir).load().data).toEqual({ count: 3, name: 'x' })
    expect(JSON.parse(readFileSync(join(dir, 'data.json'), 'utf8')).schemaVersion).toBe(2)
  })

  it('applies concurrent saves in order', async () => {
    const dir = tempDir('store-')
    const s = store(dir)
    await Promise.all(Array.from({ length: 20 }, (_, i) => s.save({ count: i, name: 'n' })))
    expect(store(dir).load().data.count).toBe(19)
  })

  it('migrates an older schema version', () => {
    const dir = tempDir('store-')
    writeFileSync(join(dir, 'data.json'), JSON.stringify({ schemaVersion: 1, data: { count: 7 } }))
    expect(store(dir).load()).toEqual({ data: { count: 7, name: 'migrated' }, recovered: null })
  })

  it.each([
    ['truncated JSON', '{"schemaVersion": 2, "data": {"count": 1', /not valid JSON/],
    ['wrong types', JSON.stringify({ schemaVersion: 2, data: { count: 'one', name: 'x' } }), /invalid content at count/],
    ['no envelope', JSON.stringify({ count: 1 }), /missing schemaVersion/],
    ['a newer app', JSON.stringify({ schemaVersion: 9, data: {} }), /newer version/],
  ])('keeps a store with %s aside and reports it, never overwriting it', (_name, text, reason) => {
    const dir = tempDir('store-')
    writeFileSync(join(dir, 'data.json'), text)
    const { data, recovered } = store(dir).load()
    expect(data).toEqual({ count: 0, name: 'new' })
    expect(recovered?.reason).toMatch(reason)
    expect(recovered?.movedTo).toBe(join(dir, 'data.corrupt-2026-01-02T03-04-05-678Z.json'))
    expect(readFileSync(recovered!.movedTo, 'utf8')).toBe(text)
    expect(existsSync(join(dir, 'data.json'))).toBe(false)
    // A second bad file the same second gets its own name: nothing is overwritten.
    writeFileSync(join(dir, 'data.json'), text)
    store(dir).load()
    expect(readdirSync(dir).filter((f) => f.includes('corrupt')).sort()).toHaveLength(2)
  })

  it('settings: a damaged settings file is kept aside and reported through IPC', async () => {
    const dir = tempDir('settings-')
    writeFileSync(join(dir, 'settings.json'), 'garbage')
    const { router } = createTestApp({ userDataDir: dir, systemLocale: 'en' })
    const state = (await router.invoke('settings:get', [])) as { recovery: { movedTo: string } | null; effectiveLocale: string }
    expect(state.recovery?.movedTo).toMatch(/settings\.corrupt-.*\.json$/)
    expect(state.effectiveLocale).toBe('en')
  })
})
