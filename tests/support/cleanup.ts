import { afterAll } from 'vitest'
import { removeTempDirs } from './temp'

// A setup file of every vitest project: what a test file made with tempDir() goes when it ends.
afterAll(() => removeTempDirs())
