// vitest globalSetup of the e2e project: which browser the e2e tests drive. `npm test` has already
// decided (scripts/test-all.mjs passes VIRTLAB_E2E_MODE/VIRTLAB_E2E_BROWSER); `npm run test:e2e`
// and a bare `vitest --project e2e` decide here the same way.
import { join } from 'node:path'
import { prepareTestEnvironment } from '../../scripts/test-env.mjs'

export default function setup(project) {
  let mode = process.env.VIRTLAB_E2E_MODE
  let path = process.env.VIRTLAB_E2E_BROWSER
  if (!mode || !path) {
    const prepared = prepareTestEnvironment(join(import.meta.dirname, '../..'))
    if (prepared.error) throw new Error(prepared.error)
    for (const note of prepared.notes) process.stdout.write(`Note: ${note}\n`)
    mode = prepared.e2e.mode
    path = prepared.e2e.path
    if (prepared.env.VIRTLAB_NO_PDFTOPPM) process.env.VIRTLAB_NO_PDFTOPPM = '1'
  }
  project.provide('e2eBrowser', { mode, path })
}
