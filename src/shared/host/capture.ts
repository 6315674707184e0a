import { z } from 'zod'

export const CAPTURE_FORMAT = 'virtlab.capture'
export const CAPTURE_VERSION = 1
/** A short semver-like version (letters, digits, `. + _ -`, at most 40 characters). */
export const APP_VERSION_PATTERN = /^[0-9A-Za-z][0-9A-Za-z.+_-]{0,39}$/

export const PROBE_ERROR_KINDS = ['missing', 'denied', 'timeout', 'failed', 'skipped'] as const
export const ProbeErrorKindSchema = z.enum(PROBE_ERROR_KINDS)
export type ProbeErrorKind = z.infer<typeof ProbeErrorKindSchema>

export const ProbeResultSchema = z.union([
  z
    .object({
      ok: z.literal(true),
      text: z.string(),
      exitCode: z.number().int().optional(),
      durationMs: z.number().optional(),
    })
    .strict(),
  z
    .object({
      ok: z.literal(false),
      error: z.object({ kind: ProbeErrorKindSchema, message: z.string() }).strict(),
      text: z.string().optional(),
      durationMs: z.number().optional(),
    })
    .strict(),
])
export type ProbeResult = z.infer<typeof ProbeResultSchema>

export const CapturePlatformSchema = z.enum(['win32', 'linux', 'darwin'])
export type CapturePlatform = z.infer<typeof CapturePlatformSchema>

export const CaptureSchema = z
  .object({
    format: z.literal(CAPTURE_FORMAT),
    version: z.literal(CAPTURE_VERSION),
    /** When the probes ran: an ISO 8601 date-time with Z or an offset. */
    capturedAt: z.iso.datetime({ offset: true }),
    /** The app's version, e.g. "0.1.0" or "0.2.0-beta.1": short, no spaces or control characters. */
    appVersion: z.string().regex(APP_VERSION_PATTERN, 'not a version string'),
    platform: CapturePlatformSchema,
    arch: z.string().min(1).max(20),
    locale: z.string().max(40).optional(),
    redacted: z.boolean(),
    note: z.string().max(5000).optional(),
    probes: z.record(z.string().max(1200), ProbeResultSchema),
  })
  .strict()
export type Capture = z.infer<typeof CaptureSchema>

/** A map of probe id → result; what interpreters read. */
export type ProbeMap = Readonly<Record<string, ProbeResult>>
