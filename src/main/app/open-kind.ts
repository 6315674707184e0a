/** What an open dialog asks for: report files, a folder of them, or one VMware .vmx file. */
export type OpenKind = 'files' | 'folder' | 'vmx'
