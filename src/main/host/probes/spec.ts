import type { ProbeResult } from '../../../shared/host/capture'

/** One OS read. Probes return raw text or an error; they never interpret. */
export type ProbeSpec =
  | {
      readonly id: string
      readonly kind: 'file'
      readonly path: string
      /** Read at most this many bytes (default 4 MiB). */
      readonly maxBytes?: number
      /** 'utf8' (default), or 'vmx': decode honouring the file's own `.encoding` line. */
      readonly decode?: 'utf8' | 'vmx' | 'vmdk-descriptor'
    }
  | {
      readonly id: string
      readonly kind: 'command'
      readonly command: string
      readonly args: readonly string[]
      readonly timeoutMs?: number
      /** Keep only matching lines of stdout (privacy and size, e.g. dmesg). */
      readonly keepLines?: RegExp
      /** Windows tools (wsl.exe writes UTF-16LE, others the console code page): tell the encoding from the bytes instead of assuming UTF-8. */
      readonly detectEncoding?: boolean
    }
  | {
      readonly id: string
      readonly kind: 'custom'
      readonly run: (signal: AbortSignal) => Promise<ProbeResult>
    }
  | {
      /** One process that answers several probes at once (the Windows PowerShell probe). */
      readonly id: string
      readonly kind: 'bundle'
      /** The probe ids it yields; any it does not yield become failures. */
      readonly yields: readonly string[]
      readonly run: (signal: AbortSignal) => Promise<Record<string, ProbeResult>>
    }

export interface ProbeEnvironment {
  readonly platform: NodeJS.Platform
  readonly arch: string
  readonly env: Readonly<Record<string, string | undefined>>
  readonly homeDir: string
  /** Folder holding resources/windows/host-probe.ps1 (the app's resources). */
  readonly resourcesDir: string
}
