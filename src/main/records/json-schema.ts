import { z } from 'zod'
import { LAB_REPORT_SCHEMA, LabReportSchema } from '../../shared/records/report'

/** The JSON Schema (draft 2020-12) of `virtlab.lab-report/1`, derived from the zod schema the app validates with. */
export function labReportJsonSchema(): Record<string, unknown> {
  return {
    $id: `https://virtlab.example.edu/schemas/${LAB_REPORT_SCHEMA}`,
    title: 'VirtLab Companion lab report',
    ...z.toJSONSchema(LabReportSchema, { target: 'draft-2020-12' }),
  }
}
