import { z } from 'zod'
import { LocalizedSchema } from '../i18n/locale'

/**
 * `todo` (added within virtlab.host-report/1, see docs/host-report.md): a VMware item that a lab sets
 * up and that is simply not there yet (nothing installed is broken). Readers that predate it should
 * treat an unfamiliar status as neutral, like `skip`.
 */
export const CHECK_STATUSES = ['pass', 'warn', 'fail', 'unknown', 'skip', 'todo'] as const
export const CheckStatusSchema = z.enum(CHECK_STATUSES)
export type CheckStatus = z.infer<typeof CheckStatusSchema>

/** Every check the report carries, in display order. */
export const CHECK_IDS = [
  'host.arch',
  'cpu.vt-extensions',
  'cpu.slat',
  'firmware.vt-enabled',
  'host.virtual-machine',
  'windows.hypervisor',
  'kvm.available',
  'os.supported',
  'cpu.cores',
  'memory',
  'disk',
  'vmware.installed',
  'vmware.services',
  'vmware.networks',
  'vmware.vms',
  'vmware.running',
  'hypervisors.other',
] as const
export const CheckIdSchema = z.enum(CHECK_IDS)

/** The statuses persisted in records and lab reports (virtlab lab reports predate `todo`). */
export const RECORDED_CHECK_STATUSES = ['pass', 'warn', 'fail', 'unknown', 'skip'] as const
export type RecordedCheckStatus = (typeof RECORDED_CHECK_STATUSES)[number]
/** `todo` is kept as `skip` in records, so lab reports stay readable by every teacher's copy of the app. */
export function recordedStatus(status: CheckStatus): RecordedCheckStatus {
  return status === 'todo' ? 'skip' : status
}

/** Which lab sets up each VMware item (shown with the `todo` status: "Lab 1 installs it"). */
export const TODO_LAB: Partial<Record<CheckId, { readonly labId: string; readonly order: number }>> = {
  'vmware.installed': { labId: 'install-workstation', order: 1 },
  'vmware.services': { labId: 'install-workstation', order: 1 },
  'vmware.networks': { labId: 'install-workstation', order: 1 },
  'vmware.vms': { labId: 'create-vm', order: 3 },
  'vmware.running': { labId: 'install-os', order: 4 },
}
export type CheckId = z.infer<typeof CheckIdSchema>

export const CHECK_GROUPS = ['cpu-firmware', 'windows-hypervisor', 'resources', 'vmware', 'other-hypervisors'] as const
export type CheckGroup = (typeof CHECK_GROUPS)[number]

export const CHECK_GROUP_OF: Record<CheckId, CheckGroup> = {
  'host.arch': 'cpu-firmware',
  'cpu.vt-extensions': 'cpu-firmware',
  'cpu.slat': 'cpu-firmware',
  'firmware.vt-enabled': 'cpu-firmware',
  'host.virtual-machine': 'cpu-firmware',
  'windows.hypervisor': 'windows-hypervisor',
  'kvm.available': 'windows-hypervisor',
  'os.supported': 'resources',
  'cpu.cores': 'resources',
  memory: 'resources',
  disk: 'resources',
  'vmware.installed': 'vmware',
  'vmware.services': 'vmware',
  'vmware.networks': 'vmware',
  'vmware.vms': 'vmware',
  'vmware.running': 'vmware',
  'hypervisors.other': 'other-hypervisors',
}

export const EvidenceSchema = z
  .object({
    probe: z.string(),
    /** The lines of raw text the conclusion came from (or the probe's error). */
    excerpt: z.string(),
  })
  .strict()
export type Evidence = z.infer<typeof EvidenceSchema>

export const DetailSchema = z.object({ label: LocalizedSchema, value: z.string() }).strict()
export type Detail = z.infer<typeof DetailSchema>

/** Facts are plain JSON values that lab criteria can read by path. */
export type FactValue = string | number | boolean | null | FactValue[] | { [key: string]: FactValue }
export const FactValueSchema: z.ZodType<FactValue> = z.lazy(() =>
  z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(FactValueSchema), z.record(z.string(), FactValueSchema)]),
)

export const CheckSchema = z
  .object({
    id: CheckIdSchema,
    status: CheckStatusSchema,
    title: LocalizedSchema,
    summary: LocalizedSchema,
    details: z.array(DetailSchema),
    evidence: z.array(EvidenceSchema),
    /** Ordered steps; present whenever status is not pass. */
    fix: z.array(LocalizedSchema),
    facts: z.record(z.string(), FactValueSchema),
  })
  .strict()
export type Check = z.infer<typeof CheckSchema>

export const VERDICT_STATUSES = ['ready', 'ready-with-caveats', 'action-needed', 'unsupported', 'unknown'] as const
export const VerdictStatusSchema = z.enum(VERDICT_STATUSES)
export type VerdictStatus = z.infer<typeof VerdictStatusSchema>

export const VerdictSchema = z
  .object({
    status: VerdictStatusSchema,
    summary: LocalizedSchema,
    /** The first thing to do, when anything needs doing. */
    firstFix: LocalizedSchema.nullable(),
    /** The check the first fix comes from. */
    firstFixCheck: CheckIdSchema.nullable(),
  })
  .strict()
export type Verdict = z.infer<typeof VerdictSchema>

export const HypervisorSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    installed: z.boolean(),
    version: z.string().nullable(),
    detail: z.string().nullable(),
  })
  .strict()
export type Hypervisor = z.infer<typeof HypervisorSchema>

export const FirmwareGuideSchema = z
  .object({
    brand: z.string(),
    /** Keys to press at power-on. */
    keys: z.array(z.string()),
    menuPath: LocalizedSchema,
    settingNames: z.array(z.string()),
    note: LocalizedSchema,
  })
  .strict()
export type FirmwareGuide = z.infer<typeof FirmwareGuideSchema>

export const HostSummarySchema = z
  .object({
    os: z.string(),
    osVersion: z.string(),
    arch: z.string(),
    cpu: z.object({ vendor: z.string(), brand: z.string(), cores: z.number().int().nullable() }).strict(),
    memoryBytes: z.number().nullable(),
    manufacturer: z.string(),
    model: z.string(),
  })
  .strict()
export type HostSummary = z.infer<typeof HostSummarySchema>

/** Where this machine sits in the hardware → hypervisor → guest picture. */
export const HostPositionSchema = z
  .object({
    isGuest: z.boolean().nullable(),
    outerHypervisor: z.string().nullable(),
    windowsHypervisorRunning: z.boolean().nullable(),
    vmwareInstalled: z.boolean(),
    runningGuests: z.number().int(),
  })
  .strict()
export type HostPosition = z.infer<typeof HostPositionSchema>

export const HOST_REPORT_SCHEMA = 'virtlab.host-report/1'

export const HostReportSchema = z
  .object({
    schema: z.literal(HOST_REPORT_SCHEMA),
    generatedAt: z.string(),
    /** 'pasted': built by `virtlab explain` / the paste panel from outputs a person pasted (a partial capture). */
    source: z.enum(['live', 'replay', 'pasted']),
    /** True while probes are still running (partial reports during a live check). */
    partial: z.boolean(),
    host: HostSummarySchema,
    checks: z.array(CheckSchema),
    hypervisors: z.array(HypervisorSchema),
    verdict: VerdictSchema,
    firmwareGuide: FirmwareGuideSchema.nullable(),
    position: HostPositionSchema,
    durationMs: z.number(),
  })
  .strict()
export type HostReport = z.infer<typeof HostReportSchema>
