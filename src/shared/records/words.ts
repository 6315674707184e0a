import type { Locale } from '../i18n/locale'
import { LAB_STATE_NAMES } from '../i18n/vocabulary'
import type { VerdictStatus } from '../host/report'
import type { RejectedFile, RejectionCode } from './class-view'
import { describeField, describeProblem, type ArchiveLimit, type ReadProblem } from './rejection'
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
      labStatus: string
      labPassed: string
      labTotal: string
      labCompletedAt: string
      labsTotal: string
      verdictCode: string
    }
    cli: {
      ok: string
      bad: string
      labs: string
      students: string
      rejected: string
      csvWritten: string
      xlsxWritten: string
      noFiles: string
      noVerdict: string
      notFound: string
    }
  }
> = {
  'zh-CN': {
    lab: LAB_STATE_NAMES['zh-CN'],
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
      'archive-refused': '压缩包被拒绝',
      'archive-unreadable': '无法打开压缩包',
      'too-deep': '文件夹层级过深',
      'too-many': '文件过多',
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
      quizAverage: '测验平均分（%）',
      generatedAt: '报告生成时间',
      file: '文件',
      digest: '摘要（SHA-256）',
      labStatus: '状态',
      labPassed: '已通过步骤',
      labTotal: '总步骤',
      labCompletedAt: '完成时间',
      labsTotal: '实验总数',
      verdictCode: '主机检测结论代码',
    },
    cli: {
      ok: '有效',
      bad: '无效',
      labs: '实验完成',
      students: '名学生',
      rejected: '个文件未导入',
      csvWritten: 'CSV 已写入',
      xlsxWritten: 'Excel 文件已写入',
      noFiles: '没有找到报告文件',
      noVerdict: '未检测',
      notFound: '不是文件夹，也不是 .zip 压缩包',
    },
  },
  en: {
    lab: LAB_STATE_NAMES.en,
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
      'archive-refused': 'Archive refused',
      'archive-unreadable': 'Cannot open the archive',
      'too-deep': 'Folders too deep',
      'too-many': 'Too many files',
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
      labStatus: 'status',
      labPassed: 'steps passed',
      labTotal: 'steps in all',
      labCompletedAt: 'completed at',
      labsTotal: 'Labs in all',
      verdictCode: 'Machine verdict code',
    },
    cli: {
      ok: 'valid',
      bad: 'INVALID',
      labs: 'labs completed',
      students: 'students',
      rejected: 'files not imported',
      csvWritten: 'CSV written',
      xlsxWritten: 'Excel file written',
      noFiles: 'no report files found',
      noVerdict: 'not checked',
      notFound: 'is neither a folder nor a .zip archive',
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

/** A size as people read it: 820 KB, 4.8 MB, 1.0 GB. */
export function sizeText(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`
  if (bytes < 1024 * 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`
  return `${(bytes / 1024 / 1024 / 1024).toFixed(1)} GB`
}

const READ_WORDS: Record<Locale, Record<ReadProblem, string>> = {
  'zh-CN': {
    'not-a-file': '这是一个文件夹或特殊文件（文件夹请用“选择文件夹”导入）',
    'not-found': '文件不存在或已被移走',
    denied: '没有读取权限',
    busy: '文件正被其他程序占用',
    io: '读取时出错',
    'not-zip': '不是有效的 .zip 文件，或文件已损坏',
    encrypted: '压缩包设置了密码，无法读取',
    'unsafe-name': '压缩包里的文件名不安全（绝对路径或“..”）',
    'not-read': '文件没有被读取',
  },
  en: {
    'not-a-file': 'a folder or a special file (import folders with “Choose a folder”)',
    'not-found': 'the file no longer exists',
    denied: 'permission denied',
    busy: 'the file is in use by another program',
    io: 'a read error',
    'not-zip': 'not a valid .zip file, or damaged',
    encrypted: 'the archive is password-protected',
    'unsafe-name': 'an unsafe file name in the archive (absolute or “..”)',
    'not-read': 'the file was not read',
  },
}

const LIMIT_WORDS: Record<Locale, Record<ArchiveLimit, string>> = {
  'zh-CN': {
    'total-size': '解压后共 {size}，超过上限 {limit}',
    entries: '包含 {count} 个文件，超过上限 {max} 个',
    ratio: '压缩比 {count}:1，超过上限 {max}:1（疑似“压缩炸弹”）',
    nesting: '压缩包嵌套超过 {max} 层',
    'archive-size': '压缩包有 {size}，超过上限 {limit}',
    'entry-size': '其中一个文件解压后超过 {limit}',
  },
  en: {
    'total-size': '{size} when unpacked, over the {limit} limit',
    entries: '{count} files, over the limit of {max}',
    ratio: 'compression ratio {count}:1, over the {max}:1 limit (a likely “zip bomb”)',
    nesting: 'archives nested more than {max} deep',
    'archive-size': 'the archive is {size}, over the {limit} limit',
    'entry-size': 'a file in it unpacks to more than {limit}',
  },
}

function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole))
}

/** Why a file was not imported, in the reader's language: the reason, then what was found. */
export function describeRejection(rejected: Pick<RejectedFile, 'code' | 'facts'>, locale: Locale): string {
  const zh = locale === 'zh-CN'
  const f = rejected.facts
  const reason = RECORDS_WORDS[locale].rejection[rejected.code]
  const sep = zh ? '：' : ': '
  const more = ((): string | null => {
    switch (rejected.code) {
      case 'too-large':
        return f.sizeBytes !== undefined && f.limitBytes !== undefined
          ? fill(zh ? '{size}，上限 {limit}' : '{size}, limit {limit}', { size: sizeText(f.sizeBytes), limit: sizeText(f.limitBytes) })
          : null
      case 'unreadable':
      case 'archive-unreadable':
        return f.read ? READ_WORDS[locale][f.read] : null
      case 'not-json':
        return f.line !== undefined ? fill(zh ? '第 {line} 行第 {column} 列附近有语法错误' : 'syntax error near line {line}, column {column}', { line: f.line, column: f.column ?? 1 }) : zh ? '语法错误' : 'syntax error'
      case 'not-a-report':
        return f.found ? fill(zh ? '格式标识是“{found}”' : 'its format id is “{found}”', { found: f.found }) : zh ? '没有实验报告的格式标识' : 'it has no lab-report format id'
      case 'unsupported-version':
        return f.found ? fill(zh ? '版本“{found}”，请用新版本的实验助手打开' : 'version “{found}”: open it with a newer VirtLab Companion', { found: f.found }) : null
      case 'invalid':
        return f.fields && f.fields.length > 0 ? f.fields.map((x) => `${describeField(x.path, locale)}${zh ? '' : ' '}${zh ? describeProblem(x.problem, locale) : `(${describeProblem(x.problem, locale)})`}`).join(zh ? '；' : '; ') : null
      case 'digest-mismatch':
      case 'future-date':
        return null
      case 'steps-mismatch':
      case 'empty-completed':
        return f.fields && f.fields.length > 0 ? f.fields.map((x) => describeField(x.path, locale)).join(zh ? '；' : '; ') : null
      case 'duplicate-file':
        return f.other ? fill(zh ? '与 {other} 内容相同' : 'the same report as {other}', { other: f.other }) : null
      case 'duplicate-student':
        if (!f.other) return null
        return f.replaced
          ? fill(zh ? '学号 {number} 有更新的报告 {other}（{at}），以它为准' : '{number} has a newer report, {other} ({at}), which counts', { number: f.studentNumber ?? '', other: f.other, at: localTime(f.otherAt ?? null) })
          : fill(zh ? '学号 {number} 已有更新的报告 {other}（{at}），以它为准' : '{number} already has a newer report, {other} ({at}), which counts', { number: f.studentNumber ?? '', other: f.other, at: localTime(f.otherAt ?? null) })
      case 'too-deep':
        return fill(zh ? '{count} 个文件在超过 {max} 层的子文件夹里，没有读取' : '{count} files lie more than {max} folders deep and were not read', { count: f.count ?? 0, max: f.max ?? 0 })
      case 'too-many':
        return fill(zh ? '一次最多读取 {max} 个文件，其余 {count} 个没有读取' : 'at most {max} files are read at once; the other {count} were not read', { count: f.count ?? 0, max: f.max ?? 0 })
      case 'archive-refused':
        return f.limit
          ? fill(LIMIT_WORDS[locale][f.limit], { size: sizeText(f.sizeBytes ?? 0), limit: sizeText(f.limitBytes ?? 0), count: f.count ?? 0, max: f.max ?? 0 })
          : null
    }
  })()
  return more ? `${reason}${sep}${more}` : reason
}
