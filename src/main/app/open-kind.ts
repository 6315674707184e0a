/** What an open dialog asks for: report files, a folder of them, one VMware .vmx file, or one diagnostic capture. */
export type OpenKind = 'files' | 'folder' | 'vmx' | 'capture'
