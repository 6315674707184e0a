import { readFileSync, statSync } from 'node:fs'
import { basename } from 'node:path'
import { EXPLAIN_KIND_NAMES, EXPLAIN_KINDS, EXPLAIN_MAX_BYTES } from '../../shared/host/explain'
import type { Locale } from '../../shared/i18n/locale'
import { decodeText } from '../host/text/decode'
import { explainTexts, type ReadInput } from '../host/explain/explain'
import { formatReport } from './format-report'

export const EXPLAIN_USAGE = `  virtlab explain FILE… | -          explain outputs pasted or saved from other tools (vmware.log,
                                    systeminfo, coreinfo -v, kvm-ok, …); "-" reads standard input
        [--json] [--lang zh-CN|en] [--verbose] [--encoding LABEL]`

export class ExplainUsageError extends Error {}

export interface ExplainIo {
  stdout(text: string): void
  stderr(text: string): void
  /** Standard input's bytes (for "-"). */
  readStdin(): Promise<Uint8Array>
}

interface ExplainArgs {
  files: string[]
  json: boolean
  lang: Locale | null
  verbose: boolean
  encoding: string | null
}

function parseArgs(args: string[]): ExplainArgs {
  const out: ExplainArgs = { files: [], json: false, lang: null, verbose: false, encoding: null }
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]!
    if (arg === '--json') out.json = true
    else if (arg === '--verbose' || arg === '-v') out.verbose = true
    else if (arg === '--lang' || arg === '--encoding') {
      const next = args[i + 1]
      if (next === undefined || next.startsWith('--')) throw new ExplainUsageError(`${arg} needs a value`)
      i += 1
      if (arg === '--encoding') out.encoding = next
      else if (next === 'zh-CN' || next === 'en') out.lang = next
      else throw new ExplainUsageError(`--lang must be zh-CN or en, not “${next}”`)
    } else if (arg.startsWith('--')) throw new ExplainUsageError(`unknown option ${arg}`)
    else out.files.push(arg)
  }
  if (out.files.length === 0) throw new ExplainUsageError('explain needs at least one FILE (or - for standard input)')
  return out
}

/** The kinds `explain` knows, as a list for a message. */
export function knownKindsText(locale: Locale): string {
  return EXPLAIN_KINDS.map((k) => `  - ${EXPLAIN_KIND_NAMES[k][locale]}`).join('\n')
}

async function readOne(file: string, io: ExplainIo, encoding: string | null): Promise<ReadInput> {
  if (file === '-') {
    const decoded = decodeText(await io.readStdin(), { charset: encoding })
    return { name: 'stdin', text: decoded.text, encoding: decoded.encoding }
  }
  let bytes: Uint8Array
  try {
    if (statSync(file).size > EXPLAIN_MAX_BYTES) throw new ExplainUsageError(`${basename(file)}: larger than ${EXPLAIN_MAX_BYTES / 1024 / 1024} MB`)
    bytes = readFileSync(file)
  } catch (error) {
    if (error instanceof ExplainUsageError) throw error
    throw new ExplainUsageError(`${basename(file)}: cannot be read (${(error as Error).message})`)
  }
  const decoded = decodeText(bytes, { charset: encoding })
  return { name: basename(file), text: decoded.text, encoding: decoded.encoding }
}

/** `virtlab explain`: exit codes as `check` (0 ready / with caveats, 1 otherwise), 2 when nothing was recognised. */
export async function runExplain(args: string[], systemLocale: Locale, io: ExplainIo, exitCodeFor: (r: NonNullable<ReturnType<typeof explainTexts>['report']>) => number): Promise<number> {
  const parsed = parseArgs(args)
  const locale = parsed.lang ?? systemLocale
  const inputs: ReadInput[] = []
  for (const file of parsed.files) inputs.push(await readOne(file, io, parsed.encoding))
  const result = explainTexts(inputs)
  if (!result.report) {
    const zh = locale === 'zh-CN'
    io.stderr(
      `virtlab: ${zh ? `没有认出这些内容（${result.unrecognised.join('、')}）。能读懂的输出有：` : `none of this was recognised (${result.unrecognised.join(', ')}). The outputs it reads are:`}\n${knownKindsText(locale)}\n`,
    )
    if (parsed.json) io.stdout(`${JSON.stringify({ report: null, recognised: [], unrecognised: result.unrecognised }, null, 2)}\n`)
    return 2
  }
  if (parsed.json) {
    io.stdout(`${JSON.stringify({ report: result.report, recognised: result.recognised, unrecognised: result.unrecognised }, null, 2)}\n`)
  } else {
    const zh = locale === 'zh-CN'
    const kinds = result.recognised.map((r) => `${EXPLAIN_KIND_NAMES[r.kind][locale]} ← ${r.input}${r.encoding && r.encoding !== 'utf-8' ? ` (${r.encoding})` : ''}`)
    io.stdout(`${zh ? '认出的输出：' : 'Recognised:'}\n${kinds.map((k) => `  - ${k}`).join('\n')}\n`)
    if (result.unrecognised.length > 0) io.stdout(`${zh ? '没有认出' : 'Not recognised'}: ${result.unrecognised.join(zh ? '、' : ', ')}\n`)
    io.stdout('\n')
    io.stdout(formatReport(result.report, { locale, color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR, verbose: parsed.verbose }))
  }
  return exitCodeFor(result.report)
}
