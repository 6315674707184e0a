import type { Locale } from '../i18n/locale'
import type { VerdictStatus } from '../host/report'
import type { RejectionCode } from './class-view'
import type { LabStatus } from './report'

/** Words written into files and the terminal (CSV headers, CLI lines) and shown in the Teacher view, in both languages. */
export const RECORDS_WORDS: Record<
  Locale,
  {
    lab: Record<LabStatus, string>
    verdict: Record<VerdictStatus, string>
    rejection: Record<RejectionCode, string>
    csv: {
      studentNumber: string
      name: string
      className: string
      course: string
      labsCompleted: string
      completedAt: string
      verdict: string
      checkedAt: string
      quizAverage: string
      generatedAt: string
      file: string
      digest: string
    }
    cli: { ok: string; bad: string; labs: string; students: string; rejected: string; csvWritten: string; noFiles: string; noVerdict: string }
  }
> = {
  'zh-CN': {
    lab: { completed: '已完成', 'in-progress': '进行中', 'not-started': '未开始' },
    verdict: { ready: '已就绪', 'ready-with-caveats': '基本就绪', 'action-needed': '需要处理', unsupported: '不支持', unknown: '无法确定' },
    rejection: {
      'too-large': '文件过大',
      unreadable: '无法读取',
      'not-json': '不是 JSON 文件',
      'not-a-report': '不是实验报告',
      'unsupported-version': '报告格式版本不受支持',
      invalid: '内容不符合报告格式',
      'digest-mismatch': '完整性校验失败：导出后内容被改动',
      'steps-mismatch': '内容自相矛盾：通过的步骤多于实验的步骤总数',
      'empty-completed': '内容自相矛盾：标为“已完成”的实验没有任何步骤',
      'future-date': '报告生成时间晚于现在，请检查学生电脑的日期和时间',
      'duplicate-file': '重复的文件',
      'duplicate-student': '同一学生的旧报告',
    },
    csv: {
      studentNumber: '学号',
      name: '姓名',
      className: '班级',
      course: '课程',
      labsCompleted: '已完成实验数',
      completedAt: '全部完成时间',
      verdict: '主机检测结论',
      checkedAt: '主机检测时间',
      quizAverage: '测验平均分(%)',
      generatedAt: '报告生成时间',
      file: '文件',
      digest: '摘要(SHA-256)',
    },
    cli: {
      ok: '有效',
      bad: '无效',
      labs: '实验完成',
      students: '名学生',
      rejected: '个文件未导入',
      csvWritten: 'CSV 已写入',
      noFiles: '没有找到报告文件',
      noVerdict: '未检测',
    },
  },
  en: {
    lab: { completed: 'Completed', 'in-progress': 'In progress', 'not-started': 'Not started' },
    verdict: { ready: 'Ready', 'ready-with-caveats': 'Ready with caveats', 'action-needed': 'Action needed', unsupported: 'Unsupported', unknown: 'Cannot tell' },
    rejection: {
      'too-large': 'File too large',
      unreadable: 'Cannot be read',
      'not-json': 'Not a JSON file',
      'not-a-report': 'Not a lab report',
      'unsupported-version': 'Unsupported report version',
      invalid: 'Does not match the report format',
      'digest-mismatch': 'Integrity check failed: changed after export',
      'steps-mismatch': 'Contradictory: more steps passed than the lab has',
      'empty-completed': 'Contradictory: a lab marked Completed has no steps',
      'future-date': "Generated later than now: check the student's date and time",
      'duplicate-file': 'Duplicate file',
      'duplicate-student': 'Older report of the same student',
    },
    csv: {
      studentNumber: 'Student number',
      name: 'Name',
      className: 'Class',
      course: 'Course',
      labsCompleted: 'Labs completed',
      completedAt: 'All labs completed at',
      verdict: 'Machine verdict',
      checkedAt: 'Machine checked at',
      quizAverage: 'Quiz average (%)',
      generatedAt: 'Report generated at',
      file: 'File',
      digest: 'Digest (SHA-256)',
    },
    cli: {
      ok: 'valid',
      bad: 'INVALID',
      labs: 'labs completed',
      students: 'students',
      rejected: 'files not imported',
      csvWritten: 'CSV written',
      noFiles: 'no report files found',
      noVerdict: 'not checked',
    },
  },
}

/** Local time as `YYYY-MM-DD HH:mm` (what a spreadsheet shows well); empty for null. */
export function localTime(iso: string | null): string {
  if (!iso) return ''
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  const p = (n: number): string => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`
}
