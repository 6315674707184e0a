import type { CheckId } from '../host/report'

/**
 * The facts lab criteria may read, for the checks whose facts are a documented contract
 * (docs/content-format.md, "Facts that auto checks can use"). The loader rejects a criterion whose
 * path is not here, so a typo in a pack is caught when it loads instead of failing every student.
 * Checks not listed here are not validated (their facts are read as they come).
 *
 * A shape is either `true` (a leaf value), a nested shape, or `{ list: shape }` for a list of
 * elements (what `forAny` walks).
 */
export type FactShape = true | { readonly list: FactShape } | { readonly [key: string]: FactShape }

const NETWORK: FactShape = {
  name: true,
  type: true,
  subnet: true,
  mask: true,
  prefixLength: true,
  hostAddress: true,
  adapterPresent: true,
  adapterUp: true,
  natGateway: true,
  dhcpStart: true,
  dhcpEnd: true,
}

export const FACTS_CATALOG: Partial<Record<CheckId, { readonly [key: string]: FactShape }>> = {
  'vmware.installed': { installed: true, product: true, version: true, build: true, installPath: true },
  'vmware.services': {
    services: { list: { name: true, displayName: true, state: true, startMode: true } },
    modules: { vmmon: true, vmnet: true },
    natRunning: true,
    dhcpRunning: true,
    authRunning: true,
  },
  'vmware.networks': { networks: { list: NETWORK }, vmnet1: NETWORK, vmnet8: NETWORK },
  'vmware.vms': {
    vms: {
      list: {
        path: true,
        displayName: true,
        guestOS: true,
        guestFamily: true,
        memsizeMB: true,
        numvcpus: true,
        virtualHW: true,
        connectionType: true,
        vnet: true,
        diskGB: true,
        diskType: true,
        isoAttached: true,
        isoPath: true,
        firmware: true,
        encoding: true,
        /** The VM's newest vmware.log, when read (null otherwise). */
        log: { product: true, version: true, build: true, startedAt: true, hostOs: true, hardwareVirtualization: true, nestedPaging: true, monitorMode: true, vbsRunning: true, errors: true },
      },
    },
  },
  'vmware.running': {
    running: { list: { path: true, displayName: true, toolsState: true, guestIp: true, ipInVmnet8Pool: true, hostReachesGuest: true } },
    count: true,
  },
}

function isList(shape: FactShape): shape is { readonly list: FactShape } {
  return shape !== true && Object.keys(shape).length === 1 && 'list' in shape
}

/** The shape at a dotted path, or undefined when the path leaves the shape (a leaf may not be walked into). */
export function shapeAt(root: { readonly [key: string]: FactShape }, path: string): FactShape | undefined {
  let current: FactShape = root
  for (const part of path.split('.')) {
    if (current === true || isList(current)) return undefined
    const next: FactShape | undefined = (current as { readonly [key: string]: FactShape })[part]
    if (next === undefined) return undefined
    current = next
  }
  return current
}

export type FactPathProblem = { readonly message: string } | null

/**
 * Checks a criterion's fact path (and the `forAny` list it is relative to) against the catalog.
 * Returns null when fine or when the check has no catalog entry.
 */
export function checkFactPath(check: CheckId, forAny: string | undefined, fact: string): FactPathProblem {
  const root = FACTS_CATALOG[check]
  if (!root) return null
  let base: { readonly [key: string]: FactShape } = root
  if (forAny !== undefined) {
    const list = shapeAt(root, forAny)
    if (list === undefined || !isList(list)) return { message: `"${forAny}" is not a list fact of ${check} (lists: ${listPaths(root).join(', ') || 'none'})` }
    if (list.list === true) return null
    base = list.list as { readonly [key: string]: FactShape }
  }
  const shape = shapeAt(base, fact)
  if (shape === undefined) {
    const known = Object.keys(base).join(', ')
    return { message: `"${fact}" is not a fact of ${check}${forAny ? ` (elements of ${forAny})` : ''}; known: ${known}` }
  }
  if (shape !== true && isList(shape)) return { message: `"${fact}" is a list; use forAny: ${fact} and name a field of its elements` }
  return null
}

/** Paths of the list facts of a check, e.g. ["vms"]. */
export function listPaths(root: { readonly [key: string]: FactShape }, prefix = ''): string[] {
  const out: string[] = []
  for (const [key, shape] of Object.entries(root)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (shape === true) continue
    if (isList(shape)) out.push(path)
    else out.push(...listPaths(shape as { readonly [key: string]: FactShape }, path))
  }
  return out
}
