import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { channel } from '../../src/shared/ipc/define'
import { parseIpcError } from '../../src/shared/ipc/errors'
import { createRouter } from '../../src/main/ipc/router'
import { createMemoryLogger } from '../../src/main/logging/logger'
import { createTestApp } from '../support/services'

const contract = {
  math: {
    double: channel(z.tuple([z.number().int()]), z.number()),
    broken: channel(z.tuple([]), z.string()),
  },
}

function router() {
  const logger = createMemoryLogger()
  return {
    logger,
    router: createRouter(
      contract,
      { math: { double: (n: number) => n * 2, broken: () => 42 as unknown as string } },
      logger,
    ),
  }
}

async function failure(promise: Promise<unknown>) {
  try {
    await promise
  } catch (error) {
    return parseIpcError(error)
  }
  throw new Error('expected a rejection')
}

describe('IPC router', () => {
  it('dispatches a valid call to its handler', async () => {
    expect(await router().router.invoke('math:double', [21])).toBe(42)
  })

  it('rejects arguments outside the schema without calling the handler', async () => {
    const { router: r, logger } = router()
    expect((await failure(r.invoke('math:double', ['21']))).code).toBe('bad-arguments')
    expect((await failure(r.invoke('math:double', [1.5]))).code).toBe('bad-arguments')
    expect((await failure(r.invoke('math:double', [1, 2]))).code).toBe('bad-arguments')
    expect((await failure(r.invoke('math:double', 'not an array'))).code).toBe('bad-arguments')
    expect(logger.lines.some((line) => line.includes('rejected arguments'))).toBe(true)
  })

  it('refuses unknown channels and results that break the contract', async () => {
    const { router: r } = router()
    expect((await failure(r.invoke('math:triple', [1]))).code).toBe('unknown-channel')
    expect((await failure(r.invoke('math:broken', []))).code).toBe('bad-result')
  })

  it('refuses to start when a contract channel has no handler', () => {
    expect(() => createRouter(contract, { math: { double: (n: number) => n } } as never, createMemoryLogger())).toThrow(
      /No handler for math:broken/,
    )
  })

  it('serves the real app contract: every channel has a handler', () => {
    const { router: r } = createTestApp()
    expect(r.channels).toEqual(expect.arrayContaining(['app:info', 'settings:get', 'settings:update']))
  })
})
