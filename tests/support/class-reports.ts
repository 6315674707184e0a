import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { sealReport, serializeReport } from '../../src/main/records/integrity'
import type { LabReport } from '../../src/shared/records/report'
import { REPORTS_DIR } from './records'
import { buildZip } from './zip'

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '胡', '朱', '高', '林', '何', '郭', '马', '罗', '欧阳', '司马']
const GIVEN = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '洋', '艳', '勇', '军', '杰', '娟', '涛', '明', '超', '秀英', '霞', '平', '刚', '子涵', '浩然', '雨桐']

/**
 * A class of `count` distinct students made from the sample reports (their four patterns of
 * progress), re-sealed so each is valid: names, numbers, three classes, a few reports weeks older.
 */
export function classReports(count: number): { name: string; text: string; report: LabReport }[] {
  const samples = readdirSync(REPORTS_DIR)
    .filter((f) => f.endsWith('.virtlab-report.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(REPORTS_DIR, f), 'utf8')) as LabReport)
  return Array.from({ length: count }, (_, i) => {
    const { integrity: _integrity, ...body } = samples[i % samples.length]!
    const number = `2023${String(20001 + i).padStart(6, '0')}`
    const name = `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 7) % GIVEN.length]}`
    const generatedAt = i % 17 === 5 ? '2026-02-01T02:00:00.000Z' : body.generatedAt
    const report = sealReport({ ...body, generatedAt, student: { ...body.student, name, studentNumber: number, className: `计科230${1 + (i % 3)}` } })
    return { name: `${body.student.className}/${number}_${name}/${number}.virtlab-report.json`, text: serializeReport(report), report }
  })
}

/** The class as one .zip, as a course platform exports it (a folder per student). */
export function classZip(count: number): Buffer {
  return buildZip(classReports(count).map((r) => ({ name: r.name, data: Buffer.from(r.text, 'utf8') })))
}
